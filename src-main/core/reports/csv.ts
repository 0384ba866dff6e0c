import type { ObjectReportRow } from './types'

/**
 * The per-object CSV, shaped for spreadsheets: RFC 4180 quoting with CRLF line ends, and a UTF-8
 * byte order mark because Excel otherwise opens UTF-8 as the local ANSI code page and garbles
 * non-ASCII object names.
 *
 * Formula injection guard: object names and failure reasons come from whoever wrote to the source
 * storage, and a spreadsheet runs a cell such as `=HYPERLINK(...)` or `@SUM(...)` as a formula. Any
 * text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return therefore gets a leading
 * apostrophe (OWASP's advice), which spreadsheets show as plain text. The price is that such a cell
 * is no longer byte-exact; the JSON report is the exact, machine-readable record. Numbers are
 * written as numbers and never prefixed.
 */

export const CSV_BOM = '\uFEFF'

export const CSV_COLUMNS = [
  'key',
  'name',
  'status',
  'verification',
  'integrity',
  'source_bytes',
  'target_bytes',
  'source_md5',
  'target_md5',
  'attempts',
  'reason',
] as const

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/** One cell: guarded against formula injection, then quoted if RFC 4180 requires it. */
export function csvCell(value: string | number | null): string {
  if (value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const guarded = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded
}

/** One record including its CRLF. */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

export function csvHeader(): string {
  return CSV_BOM + csvLine(CSV_COLUMNS)
}

export function csvRow(row: ObjectReportRow): string {
  return csvLine([
    row.key,
    row.name,
    row.status,
    row.verification,
    row.integrity,
    row.sourceBytes,
    row.targetBytes,
    row.sourceMd5,
    row.targetMd5,
    row.attempts,
    row.reason,
  ])
}
