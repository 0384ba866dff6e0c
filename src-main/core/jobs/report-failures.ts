import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { ObjectReportRow } from '../reports/types'

// jsonHead ends the report part with this line; every row after it is one compact JSON line.
const ROWS_START = '  "objects": ['

/** What makes a row worth retrying: its copy failed, or what is in the bucket is not the object. */
function needsRetry(row: Pick<ObjectReportRow, 'status' | 'verification'>): boolean {
  return row.status === 'failed' || row.verification === 'mismatched' || row.verification === 'missing'
}

/**
 * The Swift names of the objects a finished run failed to copy or could not verify, read from its
 * JSON report. The report's own `failures` list is bounded for the summary page; the rows are not, so
 * they are streamed line by line (a run of millions of objects has a report of hundreds of MB).
 * Undefined when the file cannot be read as a report, or when more than `limit` names would come back:
 * the caller then retries the whole run, which copies the same objects and anything else missing.
 */
export async function failedObjectNames(jsonPath: string, limit: number): Promise<string[] | undefined> {
  const names = new Set<string>()
  let inRows = false
  const lines = createInterface({ input: createReadStream(jsonPath, 'utf8'), crlfDelay: Infinity })
  try {
    for await (const line of lines) {
      if (!inRows) {
        inRows = line.startsWith(ROWS_START)
        continue
      }
      const text = line.trim().replace(/,$/, '')
      if (!text.startsWith('{')) continue
      const row = JSON.parse(text) as ObjectReportRow
      if (!needsRetry(row)) continue
      names.add(row.name)
      if (names.size > limit) return undefined
    }
  } catch {
    return undefined
  } finally {
    lines.close()
  }
  return inRows ? [...names] : undefined
}
