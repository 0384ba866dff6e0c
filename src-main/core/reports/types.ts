/**
 * What a run leaves behind for people: the data behind the JSON, CSV and HTML reports. One meaning of
 * "verified" everywhere (CLI, report, UI):
 * - `verified-md5`: the target's ETag or recorded md5chksum equals the source content MD5;
 * - `verified-recorded`: an SLO/DLO source (no content MD5 without reading it) whose recorded source ETag
 *   and size match the target;
 * - `mismatched`: the target object exists but differs;
 * - `missing`: the target object does not exist.
 * With `deep`, every target object was also downloaded and hashed, and `verified-md5` means that hash.
 */
export type VerificationClass = 'verified-md5' | 'verified-recorded' | 'mismatched' | 'missing'

export type ObjectStatus = 'copied' | 'skipped' | 'failed' | 'planned'

/** How integrity was established for the object. */
export type IntegrityMethod =
  | 'content-md5' // S3 checked the body against Swift's ETag (single PUT of a normal object)
  | 'part-md5+whole-md5' // multipart: per-part Content-MD5 and the whole-object MD5 compared before completing
  | 'computed-md5' // SLO/DLO: MD5 computed while reading, sent as Content-MD5
  | 'recorded-etag' // SLO/DLO verified by the recorded source ETag and size
  | 'deep-hash' // target downloaded and hashed
  | 'none'

export interface ObjectReportRow {
  /** Swift object name. */
  name: string
  /** S3 key. */
  key: string
  status: ObjectStatus
  verification: VerificationClass | null
  integrity: IntegrityMethod
  sourceBytes: number
  targetBytes: number | null
  sourceMd5: string | null
  targetMd5: string | null
  attempts: number
  /** Why it failed, was skipped or mismatched. */
  reason: string | null
}

export interface RunReport {
  /** Report format version. */
  version: 1
  runId: string
  tool: { name: string; version: string }
  /** Who ran it: OS user and host, or the schedule name. */
  startedBy: string
  startedAt: string
  finishedAt: string
  durationSeconds: number
  outcome: 'completed' | 'completed-with-failures' | 'failed' | 'cancelled' | 'needs-credentials'
  /** Human-readable error when the run failed as a whole. */
  error: string | null
  mode: 'copy' | 'verify-only' | 'dry-run'
  source: { authUrl: string; storageUrl: string; containers: string[]; prefix: string | null }
  target: { endpoint: string; region: string; bucket: string; prefix: string | null }
  options: Record<string, string | number | boolean | null>
  totals: {
    objects: number
    copied: number
    skipped: number
    failed: number
    bytesCopied: number
    bytesTotal: number
    /** Counts by verification class. */
    verification: Record<VerificationClass, number>
    /** Objects on the target the source does not have. */
    extras: number
    extrasDeleted: number
    /** The original tool's check: objects under the prefix in Swift vs in S3. */
    sourceCount: number
    targetCount: number
    /** The container's X-Container-Object-Count, for the completeness check of the listing. */
    containerObjectCount: number | null
  }
  /** Average bytes per second over the run. */
  throughput: number
  /** Path of the run's log file. */
  logFile: string | null
  /** Up to a bounded number of failures with reasons, for the summary page. */
  failures: { key: string; reason: string }[]
  extras: { key: string; bytes: number; deleted: boolean }[]
  /** Dry runs only: what a real run would copy, skip and (mirror mode) delete. */
  plan?: {
    copy: number
    copyBytes: number
    skip: number
    skipBytes: number
    extras: number
    extrasBytes: number
    delete: number
    deleteBytes: number
  }
}
