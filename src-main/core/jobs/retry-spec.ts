import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { ObjectReportRow } from '../reports/types'
import type { JobRecord } from './job-manager-types'
import type { JobSpec } from './job-spec'

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

/**
 * The most object names a retry lists in its spec (kept in history with the run): beyond it the retry
 * runs whole, which copies the same objects, and whatever else is missing, at the cost of a listing.
 */
export const RETRY_LIST_LIMIT = 10_000

/**
 * The spec of a retry of `record`: mirror off, and narrowed to the failed objects when they are known
 * (a retry of a retry that stopped early keeps the list it had).
 */
export async function retrySpec(record: JobRecord, spec: JobSpec): Promise<JobSpec> {
  const retry = structuredClone(spec)
  retry.options.mirror = { ...retry.options.mirror, enabled: false }
  const wentThrough = record.state === 'done' && record.outcome === 'completed-with-failures'
  const copied = !spec.options.dryRun && !spec.options.verifyOnly
  if (!wentThrough || !copied || !record.reports) return retry
  const names = await failedObjectNames(record.reports.json, RETRY_LIST_LIMIT)
  if (names !== undefined && names.length > 0) retry.source.only = names
  return retry
}
