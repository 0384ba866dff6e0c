/**
 * The jobs.* channels and job.* events. Plain data copied from main's job manager (core/jobs/
 * job-manager-types.ts) rather than imported, so the renderer bundle never reaches into core; the
 * handlers return core's values where these types are expected, so the compiler notices a drift.
 * Secrets never appear here: specs come redacted and credentials are write-only.
 */

export type JobState =
  | 'queued'
  | 'planning'
  | 'running'
  | 'paused'
  | 'waiting-for-credentials'
  | 'verifying'
  | 'done'
  | 'failed'
  | 'cancelled'
  | 'interrupted'
  | 'needs-credentials'

export type VerificationClass = 'verified-md5' | 'verified-recorded' | 'mismatched' | 'missing'

/** Absolute counts, never deltas, so a dropped event does no harm. */
export interface JobTotals {
  objects: number
  objectsDone: number
  copied: number
  skipped: number
  failed: number
  bytesTotal: number
  bytesDone: number
}

/** The run's options, as the New Migration form and the detail page show them. */
export interface JobRunOptions {
  maxWorkers: number
  /** MB/s; null for no limit. */
  bandwidthLimitMb: number | null
  dryRun: boolean
  verifyOnly: boolean
  deep: boolean
  mirror: { enabled: boolean; maxDeletions: number }
  partBudgetMb?: number
  multipartThresholdMb?: number
}

/** A job as lists show it. */
export interface JobSummary {
  id: string
  name: string
  definitionId: string | null
  retryOf: string | null
  rerunBy: string | null
  state: JobState
  outcome: 'completed' | 'completed-with-failures' | null
  startedBy: string
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  requestedWorkers: number
  workers: number | null
  bandwidthLimitMb: number | null
  totals: JobTotals
  verification: (Record<VerificationClass, number> & { extras: number }) | null
  error: string | null
  exitCode: number | null
  /** Paths on the machine running the engine, for display. */
  logFile: string | null
  reports: ReportFiles | null
  mode: 'copy' | 'verify-only' | 'dry-run'
  source: { containers: string[] | 'all'; prefix: string | null }
  target: { bucket: string; endpoint: string | null; prefix: string | null }
  queuePosition: number | null
  cancelRequested: boolean
}

export interface ReportFiles {
  json: string
  csv: string
  html: string
}

/** Whole-job progress; pushed as `job.progress` and part of the detail. */
export interface JobProgress {
  objects: { total: number; done: number; copied: number; skipped: number; failed: number }
  bytes: { total: number; done: number }
  planned: boolean
  rate: number
  etaSeconds: number | null
  samples: [number, number][]
  workers: { id: number; key: string }[]
  elapsedSeconds: number
}

/** One engine event; its fields depend on `type` (object-copied, object-failed, warning …). */
export interface JobRecentEvent {
  at: string
  container: string
  event: { type: string }
}

/** The run's spec without secrets; only the fields the detail page reads are typed. */
export interface JobSpecView {
  source: {
    auth: { type: string; authUrl?: string }
    containers: string[] | 'all'
    prefix?: string
    include?: string[]
    exclude?: string[]
    directoryMarkers: 'keep' | 'skip'
  }
  target: {
    bucket: string
    endpoint?: string
    region?: string
    bucketMode: 'single' | 'per-container'
    destPrefix?: string
    /** An identifier, kept so a rerun knows which key to ask for; the secret key never is. */
    credentials?: { accessKeyId: string }
  }
  options: JobRunOptions
}

/** A job as its detail page shows it. */
export interface JobDetail extends JobSummary {
  progress: JobProgress | null
  events: JobRecentEvent[]
  spec: JobSpecView
}

/** Input of `jobs.start`. */
export interface JobStartInput {
  /** The saved migration to run. */
  definitionId: string
  /** Choices for this run only, replacing the saved ones. */
  options?: Partial<Pick<JobRunOptions, 'dryRun' | 'verifyOnly' | 'deep' | 'maxWorkers' | 'bandwidthLimitMb'>>
  /** Secrets the vault lacks, by the `field` an AUTH error named; used for this run and not stored. */
  secrets?: Record<string, string>
}

/** Input of `jobs.retryFailed`: secrets again when the run is from an earlier session. */
export interface JobRetryInput {
  id: string
  secrets?: Record<string, string>
}

export interface JobBandwidthInput {
  id: string
  /** MB/s; null (or 0) for no limit. */
  mb: number | null
}

/** Input of `jobs.provideCredentials`: write-only, never returned. */
export interface JobCredentialsInput {
  id: string
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
}

/** What `jobs.report` returns: the report's summary and the names of its files. */
export interface JobReportView {
  id: string
  /** File names only; the files are in the log folder on the machine running the engine. */
  files: { log: string | null; json: string | null; csv: string | null; html: string | null }
  /** Null while the run is under way, or when its report file cannot be read. */
  summary: JobReportSummary | null
}

export interface JobReportSummary {
  outcome: 'completed' | 'completed-with-failures' | 'failed' | 'cancelled' | 'needs-credentials'
  error: string | null
  mode: 'copy' | 'verify-only' | 'dry-run'
  startedAt: string
  finishedAt: string
  durationSeconds: number
  totals: {
    objects: number
    copied: number
    skipped: number
    failed: number
    bytesCopied: number
    bytesTotal: number
    verification: Record<VerificationClass, number>
    extras: number
    extrasDeleted: number
  }
  /** Bytes per second over the run. */
  throughput: number
  failures: { key: string; reason: string }[]
}

/** Payload of `job.progress`. */
export interface JobProgressEvent {
  id: string
  progress: JobProgress
}

/** Payload of `job.credentialsRequired`: the run waits for `jobs.provideCredentials`. */
export interface JobCredentialsRequiredEvent {
  id: string
  reason: string
}
