import type { ObjectReportRow, RunReport } from './types'

/**
 * The JSON report, `{ ...report, "objects": [ ...rows ] }`, cut into a head, one piece per row and a
 * tail so it can be written while the rows stream past, however many there are. The report part is
 * indented for people; each row is one compact line, so a file with millions of rows stays small and
 * line-oriented tools (grep, head) work on it.
 */

export function jsonHead(report: RunReport): string {
  // A stray `objects` field would be overwritten by the spread in `{ ...report, objects }`; drop it
  // so the key is not written twice.
  const { objects: _objects, ...rest } = report as RunReport & { objects?: unknown }
  const text = JSON.stringify(rest, null, 2)
  if (text === '{}') return '{\n  "objects": ['
  // JSON.stringify of a non-empty object with indentation always ends with "\n}".
  return `${text.slice(0, -2)},\n  "objects": [`
}

export function jsonRow(row: ObjectReportRow, first: boolean): string {
  return `${first ? '' : ','}\n    ${JSON.stringify(row)}`
}

export function jsonTail(rowCount: number): string {
  return rowCount === 0 ? ']\n}\n' : '\n  ]\n}\n'
}
