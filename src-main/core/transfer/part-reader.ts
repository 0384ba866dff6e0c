/**
 * Reads a byte stream in parts of a fixed size, each straight into one buffer (no Buffer.concat copies),
 * so a part costs its size once and the caller can reserve that memory before reading.
 */
export class PartReader {
  private readonly source: AsyncIterator<Buffer>
  private leftover: Buffer | undefined
  private ended = false

  constructor(stream: AsyncIterable<Buffer>) {
    this.source = stream[Symbol.asyncIterator]()
  }

  /** Up to `size` bytes; an empty buffer once the stream has ended. */
  async read(size: number): Promise<Buffer> {
    return this.readInto(Buffer.allocUnsafe(size))
  }

  /** Fills `part` (a reused buffer) as far as the stream allows; returns the filled view. */
  async readInto(part: Buffer): Promise<Buffer> {
    const size = part.length
    let filled = 0
    while (filled < size) {
      let chunk = this.leftover
      this.leftover = undefined
      if (!chunk) {
        if (this.ended) break
        const next = await this.source.next()
        if (next.done) {
          this.ended = true
          break
        }
        chunk = next.value
      }
      const take = Math.min(size - filled, chunk.length)
      chunk.copy(part, filled, 0, take)
      filled += take
      if (take < chunk.length) this.leftover = chunk.subarray(take)
    }
    return filled === size ? part : part.subarray(0, filled)
  }

  async close(): Promise<void> {
    await this.source.return?.()
  }
}
