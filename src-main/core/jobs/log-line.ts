import type { LogFields, LogLevel } from '../log/logger'
import { REDACTED, type Redactor } from '../log/redact'
import { isSecretFieldKey } from './secret-fields'

/**
 * One log event is one line, in the original tool's Python `logging` format
 * `%(asctime)s - %(name)s - %(levelname)s - %(message)s`, with structured fields appended as
 * ` key=value`. Lines must read back exactly (the log viewer parses them), so the encoding is
 * reversible while staying plain text in the common case:
 *
 * - the message is written raw unless it contains `=`, a control or line-separator character or a lone
 *   surrogate, or starts with `"`; then it is written as a JSON string. Hence the first `=` of a raw
 *   message line always belongs to the first field, and newlines never split an event;
 * - a field value is bare when it reads back as the same value (`size=12 ok=true etag=abc`); strings
 *   that are empty, contain spaces, quotes or control characters, or look like a number, boolean or
 *   null are JSON strings (`name="a b" code="404"`); undefined fields are left out;
 * - keys are reduced to `[A-Za-z0-9_.-]`.
 */

export type ParsedFieldValue = string | number | boolean | null

export interface LogEntry {
  time: Date
  logger: string
  level: LogLevel
  message: string
  fields?: LogFields | undefined
}

export interface ParsedLine {
  /** As written: local time, `YYYY-MM-DD HH:MM:SS,mmm`; see parseTimestamp. */
  timestamp: string
  logger: string
  level: LogLevel
  message: string
  fields: Record<string, ParsedFieldValue>
}

/** Python's level names, so a line reads like the original's. */
export const LEVEL_NAMES: Record<LogLevel, string> = {
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARNING',
  error: 'ERROR',
}

// CRITICAL only appears in the original tool's logs; it reads back as an error.
const LEVELS_BY_NAME = new Map<string, LogLevel>([
  ['DEBUG', 'debug'],
  ['INFO', 'info'],
  ['WARNING', 'warn'],
  ['ERROR', 'error'],
  ['CRITICAL', 'error'],
])

const LINE =
  /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) - (.*?) - (DEBUG|INFO|WARNING|ERROR|CRITICAL) - (.*)$/s
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}),(\d{3})$/
const MESSAGE_NEEDS_QUOTES = /[=\p{Cc}\p{Cs}\u2028\u2029]|^"/u
const VALUE_NEEDS_QUOTES = /[\s"\p{Cc}\p{Cs}\u2028\u2029]|^$/u
const LINE_BREAKERS = /[\p{Cc}\p{Cs}\u2028\u2029]/gu
// JSON.stringify leaves these raw; escaped, a line stays one line in every viewer and readable.
const JSON_LEFT_RAW = /[\u007f-\u009f\u2028\u2029]/g

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** Python's `asctime`: local time, comma before the milliseconds. */
export function formatTimestamp(time: Date): string {
  const day = `${pad(time.getFullYear(), 4)}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`
  const clock = `${pad(time.getHours())}:${pad(time.getMinutes())}:${pad(time.getSeconds())}`
  return `${day} ${clock},${pad(time.getMilliseconds(), 3)}`
}

/** Reads a line's timestamp back as a Date in local time; undefined if it is not one. */
export function parseTimestamp(timestamp: string): Date | undefined {
  const m = TIMESTAMP.exec(timestamp)
  if (!m) return undefined
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  return new Date(y, mo - 1, d, h, mi, s, ms)
}

function quote(text: string): string {
  return JSON.stringify(text).replace(
    JSON_LEFT_RAW,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

function parseBare(token: string): ParsedFieldValue {
  if (token === 'true') return true
  if (token === 'false') return false
  if (token === 'null') return null
  const n = Number(token)
  if (String(n) === token) return n
  return token
}

function formatValue(value: string | number | boolean | null): string {
  if (typeof value !== 'string') return String(value)
  return VALUE_NEEDS_QUOTES.test(value) || value.startsWith('"') || parseBare(value) !== value
    ? quote(value)
    : value
}

function formatKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_.-]/gu, '_') || '_'
}

export function formatLine(entry: LogEntry, options: { redactor?: Redactor | undefined } = {}): string {
  const redact = (text: string): string => options.redactor?.text(text) ?? text
  const message = redact(entry.message)
  const logger = entry.logger.replace(LINE_BREAKERS, '_')
  let line = `${formatTimestamp(entry.time)} - ${logger} - ${LEVEL_NAMES[entry.level]} - `
  line += MESSAGE_NEEDS_QUOTES.test(message) ? quote(message) : message
  for (const [key, value] of Object.entries(entry.fields ?? {})) {
    if (value === undefined) continue
    const safe = isSecretFieldKey(key) ? REDACTED : typeof value === 'string' ? redact(value) : value
    line += ` ${formatKey(key)}=${formatValue(safe)}`
  }
  return line
}

/** Index just past the JSON string starting at `start` (which must be a `"`), or -1 if unterminated. */
function endOfJsonString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++
    else if (text[i] === '"') return i + 1
  }
  return -1
}

function readJsonString(text: string, start: number): { value: string; end: number } | undefined {
  const end = endOfJsonString(text, start)
  if (end < 0) return undefined
  try {
    return { value: JSON.parse(text.slice(start, end)) as string, end }
  } catch {
    return undefined
  }
}

function parseFields(text: string): Record<string, ParsedFieldValue> | undefined {
  const fields: Record<string, ParsedFieldValue> = {}
  let i = 0
  while (i < text.length) {
    if (text[i] !== ' ') return undefined
    const eq = text.indexOf('=', i + 1)
    const key = eq < 0 ? '' : text.slice(i + 1, eq)
    if (key === '' || key.includes(' ')) return undefined
    if (text[eq + 1] === '"') {
      const read = readJsonString(text, eq + 1)
      if (!read) return undefined
      fields[key] = read.value
      i = read.end
    } else {
      const space = text.indexOf(' ', eq + 1)
      const end = space < 0 ? text.length : space
      fields[key] = parseBare(text.slice(eq + 1, end))
      i = end
    }
  }
  return fields
}

/**
 * Reads a line written by formatLine back into its parts; undefined when the line is not in this format
 * (a stray line, a truncated last line). Lines of the original Python tool parse too, as long as their
 * message has no `=` (it would be read as a field).
 */
export function parseLine(line: string): ParsedLine | undefined {
  const m = LINE.exec(line.endsWith('\r') ? line.slice(0, -1) : line)
  if (!m) return undefined
  const [, timestamp = '', logger = '', levelName = '', rest = ''] = m
  const level = LEVELS_BY_NAME.get(levelName) ?? 'info'
  let message: string
  let fieldsText: string
  if (rest.startsWith('"')) {
    const read = readJsonString(rest, 0)
    if (!read) return undefined
    message = read.value
    fieldsText = rest.slice(read.end)
  } else {
    const eq = rest.indexOf('=')
    const split = eq < 0 ? rest.length : rest.lastIndexOf(' ', eq)
    if (split < 0) return undefined
    message = rest.slice(0, split)
    fieldsText = rest.slice(split)
  }
  const fields = parseFields(fieldsText)
  return fields ? { timestamp, logger, level, message, fields } : undefined
}
