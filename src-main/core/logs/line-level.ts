import type { LogLevel } from '../log/logger'

/**
 * A line's level, read straight from its bytes, so indexing a million lines decodes no strings.
 * Lines are in the run log's format `YYYY-MM-DD HH:MM:SS,mmm - logger - LEVEL - message` (see
 * jobs/log-line.ts, whose parser this agrees with: the level is the first ` - LEVEL - ` after the
 * timestamp, so a logger name containing ` - ` still reads right).
 */

/** Level codes, ordered by severity; the index stores one byte per line. */
export const DEBUG = 0
export const INFO = 1
export const WARN = 2
export const ERROR = 3
/** Not a line of the format: a traceback line of the original Python tool, or a stray line. */
export const UNKNOWN = 255

export type LevelCode = typeof DEBUG | typeof INFO | typeof WARN | typeof ERROR

export const LEVEL_OF_CODE: readonly LogLevel[] = ['debug', 'info', 'warn', 'error']

export const CODE_OF_LEVEL: Readonly<Record<LogLevel, LevelCode>> = {
  debug: DEBUG,
  info: INFO,
  warn: WARN,
  error: ERROR,
}

/** Bytes of a line's start that decide its level: timestamp, a long logger name, the level. */
export const HEAD_BYTES = 256

const SPACE = 0x20
const DASH = 0x2d
const COLON = 0x3a
const COMMA = 0x2c

const NAMES: ReadonlyArray<{ bytes: Buffer; code: LevelCode }> = [
  { bytes: Buffer.from('INFO - '), code: INFO },
  { bytes: Buffer.from('DEBUG - '), code: DEBUG },
  { bytes: Buffer.from('WARNING - '), code: WARN },
  { bytes: Buffer.from('ERROR - '), code: ERROR },
  // Only in the original tool's logs; it reads back as an error, as in log-line.ts.
  { bytes: Buffer.from('CRITICAL - '), code: ERROR },
]

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39
}

const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22]

function hasTimestamp(buf: Uint8Array, start: number, end: number): boolean {
  if (end - start < 26) return false
  for (const i of DIGITS) if (!isDigit(buf[start + i])) return false
  return (
    buf[start + 4] === DASH &&
    buf[start + 7] === DASH &&
    buf[start + 10] === SPACE &&
    buf[start + 13] === COLON &&
    buf[start + 16] === COLON &&
    buf[start + 19] === COMMA &&
    buf[start + 23] === SPACE &&
    buf[start + 24] === DASH &&
    buf[start + 25] === SPACE
  )
}

function levelAt(buf: Uint8Array, at: number, end: number): LevelCode | undefined {
  for (const { bytes, code } of NAMES) {
    if (at + bytes.length > end) continue
    let same = true
    for (let k = 0; k < bytes.length; k++) {
      if (buf[at + k] !== bytes[k]) {
        same = false
        break
      }
    }
    if (same) return code
  }
  return undefined
}

/**
 * The level of the line whose bytes are `buf[start, end)` (the line's first bytes are enough), or
 * UNKNOWN when the line is not in the format.
 */
export function classifyLine(buf: Uint8Array, start: number, end: number): LevelCode | typeof UNKNOWN {
  if (!hasTimestamp(buf, start, end)) return UNKNOWN
  // The logger name runs from start+26 to the first ` - ` followed by a level name and ` - `.
  for (let i = start + 26; i + 3 <= end; i++) {
    if (buf[i] !== SPACE || buf[i + 1] !== DASH || buf[i + 2] !== SPACE) continue
    const code = levelAt(buf, i + 3, end)
    if (code !== undefined) return code
  }
  return UNKNOWN
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}(?= - )/

/** The timestamp a line starts with, as written (local time), or null. */
export function timestampOf(text: string): string | null {
  return TIMESTAMP.exec(text)?.[0] ?? null
}
