import { LineNumberArray } from './growable'
import { MAX_LINE_BYTES, type LogIndex } from './log-index'
import { CODE_OF_LEVEL, type LevelCode } from './line-level'
import type { LogLevel } from '../log/logger'

/** Which lines to keep: a set of levels and, optionally, text each line must contain. */
export interface LineFilter {
  /** One bit per level code (1 << code); {@link ALL_LEVELS} keeps every level. */
  mask: number
  /** Lower-cased text to look for; '' for none. Matched case-insensitively, as a plain substring. */
  search: string
}

export const ALL_LEVELS = 0b1111

const ASCII = /^[\x20-\x7e]*$/

/** The filter for these levels (all when none are given) and this search text. */
export function lineFilter(levels: readonly LogLevel[] | undefined, search: string | undefined): LineFilter {
  let mask = 0
  for (const level of levels ?? []) mask |= 1 << CODE_OF_LEVEL[level]
  return { mask: mask === 0 ? ALL_LEVELS : mask, search: (search ?? '').toLowerCase() }
}

export function isEverything(filter: LineFilter): boolean {
  return filter.mask === ALL_LEVELS && filter.search === ''
}

/** Lines examined per step of a level-only filter (one byte each). */
const LEVEL_STEP = 256 * 1024
/** Bytes of text searched per step: a few milliseconds of work between two turns of the event loop. */
const SEARCH_STEP = 2 * 1024 * 1024

/** The matching line numbers of one filter over the index's complete lines, extended as the file grows. */
export class LineSet {
  readonly lines = new LineNumberArray()
  /** Complete lines examined so far. */
  covered = 0
  epoch: number
  waiters: { target: number; resolve: (set: LineSet) => void; reject: (error: unknown) => void }[] = []

  constructor(
    readonly key: string,
    readonly filter: LineFilter,
    epoch: number,
  ) {
    this.epoch = epoch
  }

  get size(): number {
    return this.lines.length
  }

  /** Position of line `n` in the set, or of the first line after it when it is not in the set. */
  lowerBound(n: number): number {
    const view = this.lines.view()
    let lo = 0
    let hi = view.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((view[mid] as number) < n) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  reset(epoch: number): void {
    this.lines.clear()
    this.covered = 0
    this.epoch = epoch
  }
}

/** Lets other work run between two steps of a long scan. */
export type Pause = () => Promise<void>

const nextTurn: Pause = () => new Promise((resolve) => setImmediate(resolve))

/**
 * Computes filters over one index in small steps, so a search through a million lines never holds the
 * event loop for more than a few milliseconds. One scan runs at a time per file, the most recently
 * asked-for first: a person typing a search wants the last text, and an earlier scan keeps what it has
 * covered and resumes afterwards. Results are cached per filter (a few, least recently used dropped)
 * and extended when the file grows, never recomputed.
 */
export class FilterScans {
  private readonly sets = new Map<string, LineSet>()
  private readonly stack: LineSet[] = []
  private running = false

  constructor(
    private readonly index: LogIndex,
    private readonly options: { maxCached?: number; pause?: Pause } = {},
  ) {}

  /** The lines matching `filter` among the complete lines indexed when this is called. */
  matching(filter: LineFilter): Promise<LineSet> {
    const set = this.setFor(filter)
    const target = this.index.complete
    if (set.epoch === this.index.epoch && set.covered >= target) return Promise.resolve(set)
    return new Promise((resolve, reject) => {
      set.waiters.push({ target, resolve, reject })
      const at = this.stack.indexOf(set)
      if (at >= 0) this.stack.splice(at, 1)
      this.stack.push(set)
      void this.pump()
    })
  }

  private setFor(filter: LineFilter): LineSet {
    const key = `${filter.mask}:${filter.search}`
    let set = this.sets.get(key)
    if (set) {
      this.sets.delete(key) // re-inserted below: most recently used last
    } else {
      set = new LineSet(key, filter, this.index.epoch)
    }
    this.sets.set(key, set)
    const max = this.options.maxCached ?? 4
    for (const [oldKey, old] of this.sets) {
      if (this.sets.size <= max) break
      if (old.waiters.length === 0 && old !== set) this.sets.delete(oldKey)
    }
    return set
  }

  private async pump(): Promise<void> {
    if (this.running) return
    this.running = true
    try {
      while (this.stack.length > 0) {
        const set = this.stack[this.stack.length - 1]!
        if (set.epoch !== this.index.epoch) set.reset(this.index.epoch)
        // A rebuilt index may hold fewer lines than a waiter asked for: it gets what there is.
        const limit = this.index.complete
        set.waiters = set.waiters.filter((w) => {
          if (set.covered < Math.min(w.target, limit)) return true
          w.resolve(set)
          return false
        })
        if (set.waiters.length === 0) {
          this.stack.pop()
          continue
        }
        try {
          await this.step(set, limit)
        } catch (error) {
          for (const w of set.waiters) w.reject(error)
          set.waiters = []
          this.stack.splice(this.stack.indexOf(set), 1)
        }
        await (this.options.pause ?? nextTurn)()
      }
    } finally {
      this.running = false
    }
  }

  private async step(set: LineSet, limit: number): Promise<void> {
    const { mask, search } = set.filter
    const from = set.covered
    if (search === '') {
      const to = Math.min(limit, from + LEVEL_STEP)
      for (let n = from; n < to; n++) if (mask & (1 << this.index.level(n))) set.lines.push(n)
      set.covered = to
      return
    }
    const to = this.stepEnd(from, limit)
    const epoch = this.index.epoch
    const start = this.index.startOf(from)
    const end = Math.min(this.index.endOf(to - 1), start + Math.max(SEARCH_STEP, MAX_LINE_BYTES))
    const handle = await this.index.openFile()
    let buf: Buffer
    try {
      buf = Buffer.alloc(end - start)
      const { bytesRead } = await handle.read(buf, 0, buf.length, start)
      buf = buf.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
    if (epoch !== this.index.epoch) return // rebuilt meanwhile: the next step starts again
    const keep = (n: number): boolean => (mask & (1 << (this.index.level(n) as LevelCode))) !== 0
    if (ASCII.test(search)) this.searchBytes(set, buf, from, to, search, keep)
    else this.searchText(set, buf, from, to, search, keep)
    set.covered = to
  }

  /**
   * The common case, an ASCII search: lower-case the bytes in place and let Buffer.indexOf find the
   * matches, then map each to its line. No string per line, which makes it several times faster.
   * (Non-ASCII text cannot lower-case into an ASCII needle, but for the Kelvin sign; close enough.)
   */
  private searchBytes(
    set: LineSet,
    buf: Buffer,
    from: number,
    to: number,
    search: string,
    keep: (n: number) => boolean,
  ): void {
    for (let i = 0; i < buf.length; i++) {
      const byte = buf[i] as number
      if (byte >= 0x41 && byte <= 0x5a) buf[i] = byte + 0x20
    }
    const needle = Buffer.from(search, 'latin1')
    const base = this.index.startOf(from)
    let line = from
    let at = buf.indexOf(needle)
    while (at >= 0) {
      // Lines are in order, so walking forward from the last match's line finds this one's.
      while (line + 1 < to && this.index.startOf(line + 1) - base <= at) line++
      if (at + needle.length > this.index.endOf(line) - base) {
        // The match runs over this line's end (it spans a newline): look again from the next line.
        if (line + 1 >= to) break
        at = buf.indexOf(needle, this.index.startOf(line + 1) - base)
        continue
      }
      if (keep(line)) set.lines.push(line)
      if (line + 1 >= to) break
      at = buf.indexOf(needle, this.index.startOf(line + 1) - base)
    }
  }

  private searchText(
    set: LineSet,
    buf: Buffer,
    from: number,
    to: number,
    search: string,
    keep: (n: number) => boolean,
  ): void {
    // Lower-casing can change a string's length but never its newlines, so line k is still line k.
    const lines = buf.toString('utf8').toLowerCase().split('\n')
    for (let k = 0; k < to - from; k++) {
      if (keep(from + k) && (lines[k] ?? '').includes(search)) set.lines.push(from + k)
    }
  }

  /** The line after the last one of a step of about SEARCH_STEP bytes from line `from` (at least one line). */
  private stepEnd(from: number, limit: number): number {
    const budget = this.index.startOf(from) + SEARCH_STEP
    let lo = from + 1
    let hi = limit
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (this.index.startOf(mid) <= budget) lo = mid
      else hi = mid - 1
    }
    return lo
  }
}
