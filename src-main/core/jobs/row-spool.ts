import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { ObjectReportRow } from '../reports/types'

/**
 * Report rows spooled to a temporary file as verification produces them, then streamed into the
 * reports: a run over millions of objects never holds its rows in memory.
 */
export class RowSpool {
  private stream: WriteStream | undefined
  private dir: string | undefined
  /**
   * The one opening of the file. Verification adds rows from several workers at once: without sharing
   * this promise each first `add` made its own folder and stream, and all but the last one's rows were
   * lost from the reports.
   */
  private opening: Promise<WriteStream> | undefined
  count = 0

  private open(): Promise<WriteStream> {
    this.opening ??= (async () => {
      this.dir = await mkdtemp(join(tmpdir(), 'swift2s3-rows-'))
      this.stream = createWriteStream(join(this.dir, 'rows.jsonl'), { flags: 'w' })
      return this.stream
    })()
    return this.opening
  }

  async add(row: ObjectReportRow): Promise<void> {
    const stream = await this.open()
    this.count++
    if (!stream.write(`${JSON.stringify(row)}\n`))
      await new Promise<void>((resolve) => stream.once('drain', () => resolve()))
  }

  /** Closes the spool and yields the rows back in the order written. */
  async *rows(): AsyncGenerator<ObjectReportRow> {
    const stream = await this.open()
    await new Promise<void>((resolve, reject) =>
      stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    )
    const lines = createInterface({
      input: createReadStream(join(this.dir as string, 'rows.jsonl')),
      crlfDelay: Infinity,
    })
    for await (const line of lines) if (line) yield JSON.parse(line) as ObjectReportRow
  }

  async dispose(): Promise<void> {
    this.stream?.destroy()
    if (this.dir) await rm(this.dir, { recursive: true, force: true })
  }
}
