import { open, stat } from 'node:fs/promises'
import { AppError } from '../errors'
import { ByteArray, OffsetArray } from './growable'
import { classifyLine, HEAD_BYTES, INFO, UNKNOWN, type LevelCode } from './line-level'

/** Bytes read per step while indexing: large enough for few system calls, small enough to yield often. */
const INDEX_CHUNK = 1 << 20
/** Longest line text handed out; the rest of such a line is cut and marked truncated. */
export const MAX_LINE_BYTES = 64 * 1024
/** Byte span read at once for a page; pages of long lines are read line by line, each capped. */
const MAX_PAGE_SPAN = 4 * 1024 * 1024

/** One line as read from the file. */
export interface RawLine {
  /** 0-based line number in the file. */
  n: number
  text: string
  level: LevelCode
  truncated: boolean
}

/** What the index knows after a refresh. */
export interface IndexStats {
  /** Lines in the file, a last line without its newline included. */
  lines: number
  bytes: number
  /** Whether anything changed since the last refresh. */
  changed: boolean
}

function notFound(path: string, error: unknown): AppError {
  return new AppError(
    'NOT_FOUND',
    'The log file of this run is no longer on disk; it may have been moved, or removed by the log retention setting.',
    undefined,
    { cause: error instanceof Error ? new Error(`${path}: ${error.message}`) : error },
  )
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

/**
 * An index of one log file's lines: where each starts, and each one's level. Built by streaming the
 * file in chunks, so memory is 9 bytes a line whatever the file's size, and kept up to date by
 * reading only what was appended since the last refresh. A file that shrank or was replaced is
 * indexed again from the start ({@link epoch} changes so cached results can tell).
 *
 * A last line without its newline is a line being written: it is shown, but its level is only final
 * once the newline arrives, so filters ({@link complete}) leave it out until then, or until the run is
 * over and {@link refresh} is told the file is final.
 */
export class LogIndex {
  /** Start offset of every complete line, plus the start of the (possibly empty) line after them. */
  private readonly starts = new OffsetArray()
  private readonly levels = new ByteArray()
  private scanned = 0
  private size = 0
  private inode = -1
  private sealed = false
  private readonly head = Buffer.alloc(HEAD_BYTES)
  private headLength = 0
  private previousLevel: LevelCode = INFO
  private refreshing: Promise<IndexStats> | undefined
  private generation = 0

  constructor(readonly path: string) {
    this.starts.push(0)
  }

  /** Changes whenever the index is rebuilt from scratch; results computed under another are stale. */
  get epoch(): number {
    return this.generation
  }

  /** Lines whose newline has been read (plus a sealed last line): what filters look at. */
  get complete(): number {
    return this.starts.length - 1
  }

  /** Every line, including one still being written. */
  get lines(): number {
    return this.complete + (this.hasTail ? 1 : 0)
  }

  get bytes(): number {
    return this.size
  }

  private get hasTail(): boolean {
    return this.starts.at(this.starts.length - 1) < this.size
  }

  /** Level of line `n`; a line still being written reads as the level of its first bytes so far. */
  level(n: number): LevelCode {
    if (n < this.complete) return this.levels.at(n) as LevelCode
    const code = classifyLine(this.head, 0, this.headLength)
    return code === UNKNOWN ? this.previousLevel : code
  }

  /** Byte offset where line `n` starts. */
  startOf(n: number): number {
    return this.starts.at(n)
  }

  /** Byte offset just past line `n`'s text (before its newline). */
  endOf(n: number): number {
    if (n >= this.complete || (this.sealed && n === this.complete - 1)) return this.size
    return this.starts.at(n + 1) - 1
  }

  /**
   * Reads what was appended since the last call. `final` says the file will not grow (its run is
   * over), so a last line without a newline counts as complete. Concurrent calls share one pass.
   */
  refresh(options: { final?: boolean } = {}): Promise<IndexStats> {
    this.refreshing ??= this.update(options.final === true).finally(() => {
      this.refreshing = undefined
    })
    return this.refreshing
  }

  /** Lines [from, from + count) of the file, clipped to what is indexed. */
  read(from: number, count: number): Promise<RawLine[]> {
    const first = Math.max(0, from)
    const last = Math.min(this.lines, first + Math.max(0, count))
    return this.readLines(Array.from({ length: Math.max(0, last - first) }, (_, k) => first + k))
  }

  /** The given lines (ascending line numbers), read with one open file and one read per contiguous run. */
  async readLines(numbers: ArrayLike<number>): Promise<RawLine[]> {
    const lines: RawLine[] = []
    if (numbers.length === 0) return lines
    const epoch = this.generation
    const handle = await this.openFile()
    try {
      let i = 0
      while (i < numbers.length) {
        const first = numbers[i] as number
        let last = first + 1
        while (i + 1 < numbers.length && numbers[i + 1] === last) {
          i++
          last++
        }
        i++
        if (first >= this.lines) break
        lines.push(...(await this.readRange(handle, first, Math.min(last, this.lines))))
      }
      if (epoch !== this.generation) throw new AppError('CONFLICT', 'The log file changed while it was read.')
      return lines
    } finally {
      await handle.close()
    }
  }

  /** Opens the file for reading; a missing file is NOT_FOUND with a reason a person can act on. */
  async openFile(): Promise<Awaited<ReturnType<typeof open>>> {
    try {
      return await open(this.path, 'r')
    } catch (error) {
      if (isMissing(error)) throw notFound(this.path, error)
      throw error
    }
  }

  private async readRange(
    handle: Awaited<ReturnType<typeof open>>,
    first: number,
    last: number,
  ): Promise<RawLine[]> {
    const start = this.startOf(first)
    const end = this.endOf(last - 1)
    const lines: RawLine[] = []
    if (end - start <= MAX_PAGE_SPAN) {
      const buf = Buffer.alloc(end - start)
      await readFully(handle, buf, start)
      for (let n = first; n < last; n++) {
        lines.push(this.lineFrom(buf, n, this.startOf(n) - start, this.endOf(n) - start))
      }
      return lines
    }
    for (let n = first; n < last; n++) {
      // A few bytes past the cut, so it can move back to a character boundary.
      const length = Math.min(this.endOf(n) - this.startOf(n), MAX_LINE_BYTES + 4)
      const buf = Buffer.alloc(length)
      await readFully(handle, buf, this.startOf(n))
      lines.push(this.lineFrom(buf, n, 0, length))
    }
    return lines
  }

  private lineFrom(buf: Buffer, n: number, from: number, to: number): RawLine {
    let end = to
    let truncated = false
    if (end - from > MAX_LINE_BYTES) {
      end = from + MAX_LINE_BYTES
      // Not inside a UTF-8 sequence: back to the first byte of the character that would be cut.
      while (end > from && ((buf[end] ?? 0) & 0xc0) === 0x80) end--
      truncated = true
    }
    if (!truncated && end > from && buf[end - 1] === 0x0d) end-- // a CRLF file
    return { n, text: buf.toString('utf8', from, end), level: this.level(n), truncated }
  }

  private async update(final: boolean): Promise<IndexStats> {
    let info
    try {
      info = await stat(this.path, { bigint: false })
    } catch (error) {
      if (isMissing(error)) throw notFound(this.path, error)
      throw error
    }
    const replaced = this.inode !== -1 && info.ino !== this.inode
    // A sealed index that grows, a shrunk or replaced file: start again rather than guess.
    if (replaced || info.size < this.size || (this.sealed && info.size > this.size)) this.reset()
    this.inode = info.ino
    const before = { lines: this.lines, bytes: this.size, sealed: this.sealed }
    if (info.size > this.scanned) await this.scan(info.size)
    if (final && this.hasTail) this.seal()
    const changed = before.lines !== this.lines || before.bytes !== this.size || before.sealed !== this.sealed
    return { lines: this.lines, bytes: this.size, changed }
  }

  private reset(): void {
    this.starts.clear()
    this.starts.push(0)
    this.levels.clear()
    this.scanned = 0
    this.size = 0
    this.sealed = false
    this.headLength = 0
    this.previousLevel = INFO
    this.generation++
  }

  /** Reads [scanned, size) and records every line start and level in it. */
  private async scan(size: number): Promise<void> {
    const handle = await this.openFile()
    const buf = Buffer.alloc(Math.min(INDEX_CHUNK, Math.max(size - this.scanned, 1)))
    try {
      while (this.scanned < size) {
        const want = Math.min(buf.length, size - this.scanned)
        const { bytesRead } = await handle.read(buf, 0, want, this.scanned)
        if (bytesRead === 0) break // the file shrank while read; the next refresh starts again
        this.indexChunk(buf, bytesRead)
        this.scanned += bytesRead
        this.size = this.scanned
      }
    } finally {
      await handle.close()
    }
  }

  private indexChunk(buf: Buffer, length: number): void {
    let i = 0
    while (i < length) {
      const newline = buf.indexOf(0x0a, i)
      const end = newline < 0 || newline >= length ? length : newline
      if (this.headLength < HEAD_BYTES) {
        const take = Math.min(HEAD_BYTES - this.headLength, end - i)
        buf.copy(this.head, this.headLength, i, i + take)
        this.headLength += take
      }
      if (end === length) return
      this.endLine(this.scanned + newline + 1)
      i = newline + 1
    }
  }

  /** The line being read ends; the next one starts at `nextStart`. */
  private endLine(nextStart: number): void {
    const code = classifyLine(this.head, 0, this.headLength)
    // A line not in the format (a traceback of the Python tool) belongs to the event above it.
    const level = code === UNKNOWN ? this.previousLevel : code
    this.levels.push(level)
    this.previousLevel = level
    this.starts.push(nextStart)
    this.headLength = 0
  }

  private seal(): void {
    this.endLine(this.size)
    this.sealed = true
  }
}

/** Fills `buf` from `position`, or as much as the file still has. */
async function readFully(
  handle: Awaited<ReturnType<typeof open>>,
  buf: Buffer,
  position: number,
): Promise<number> {
  let filled = 0
  while (filled < buf.length) {
    const { bytesRead } = await handle.read(buf, filled, buf.length - filled, position + filled)
    if (bytesRead === 0) break
    filled += bytesRead
  }
  return filled
}
