import type { MetadataOptions } from './metadata'
import type { JobDefinitionDraft } from './profiles'

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
  /** A scheduled run that did not start because the schedule's previous run was still under way. */
  | 'skipped'

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
  /** Absent in runs recorded before the option existed, which copied user metadata and failed oversized objects. */
  metadata?: MetadataOptions
  partBudgetMb?: number
  multipartThresholdMb?: number
}

/** A job as lists show it. */
export interface JobSummary {
  id: string
  name: string
  definitionId: string | null
  /**
   * The saved profiles it ran with, by id; null for runs recorded before runs kept them. "Use the
   * profile's current keys" reads the S3 one, whether or not the migration was saved.
   */
  profiles: { swift: string; s3: string } | null
  /** A person started it, or a schedule (then `scheduleId` says which). */
  trigger: 'manual' | 'schedule'
  scheduleId: string | null
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

/** Whole-job progress; pushed as `job.progress` and part of the detail. Absolute totals, never deltas. */
export interface JobProgress {
  objects: { total: number; done: number; copied: number; skipped: number; failed: number }
  bytes: { total: number; done: number }
  /** True once every container is listed: the totals are final (until then they only grow). */
  planned: boolean
  rate: number
  /** Seconds left; null until the totals are final (see `estimate` for the time before that). */
  etaSeconds: number | null
  samples: [number, number][]
  workers: { id: number; key: string }[]
  elapsedSeconds: number
  /** The final totals as estimated while the listing goes on; null once `planned`, or when none can be made. */
  estimate: JobProgressEstimate | null
}

/**
 * The job's size before the listing is complete: the exact totals of the containers listed so far plus
 * the containers' own counts (Swift's X-Container-Object-Count and bytes used) for the rest. None is made
 * when a prefix or an include/exclude pattern copies only part of a container (the counts would
 * overstate it by an unknown share), nor for dry runs and verify-only runs, which copy nothing.
 */
export interface JobProgressEstimate {
  objects: number
  bytes: number
  /** Seconds left at the current rate for the estimated bytes; null when nothing moves. */
  etaSeconds: number | null
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

/** Input of `jobs.start`: a saved migration by id, or one the New Migration form has not saved. */
export type JobStartInput = JobStartFromDefinition | JobStartInline

interface JobStartBase {
  /** Choices for this run only, replacing the saved ones. */
  options?: Partial<Pick<JobRunOptions, 'dryRun' | 'verifyOnly' | 'deep' | 'maxWorkers' | 'bandwidthLimitMb'>>
  /** Secrets the vault lacks, by the `field` an AUTH error named; used for this run and not stored. */
  secrets?: Record<string, string>
}

export interface JobStartFromDefinition extends JobStartBase {
  /** The saved migration to run. */
  definitionId: string
}

export interface JobStartInline extends JobStartBase {
  /** A migration as the form holds it, checked like `profiles.save` would but not saved. */
  definition: JobDefinitionDraft
}

/** Input of `jobs.cliCommand`: a saved migration, or one not saved yet. */
export type JobCommandInput = { definitionId: string } | { definition: JobDefinitionDraft }

/** The same migration as a command line, without any secret. */
export interface JobCommand {
  /** POSIX shell quoting; one line. */
  command: string
  /** Environment variables the command reads secrets from; the user sets them before running it. */
  secretEnv: string[]
  /** Settings of the profiles the command line cannot express, said in words. */
  notes: string[]
}

/** Input of `jobs.retryFailed` and `jobs.resume`: secrets again when the run is from an earlier session. */
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
  /** A dry run's plan: what a real run would copy, skip and (in mirror mode) delete. Null otherwise. */
  plan: JobPlanSummary | null
  failures: { key: string; reason: string }[]
  /**
   * Whether the Swift listing returned every object the container reports (X-Container-Object-Count;
   * with a prefix, not more than it). Null when the count was not available.
   */
  listingComplete?: boolean | null
}

/**
 * A dry run's plan. The byte counts of skip, extras and delete are absent in reports written before
 * they were recorded; such a report says nothing about them rather than 0.
 */
export interface JobPlanSummary {
  copy: number
  copyBytes: number
  skip: number
  /** Bytes of the objects already in the bucket (same size and checksum). */
  skipBytes?: number
  /** Objects in the bucket that Swift does not have. */
  extras: number
  extrasBytes?: number
  /** How many of those mirror mode would delete (0 unless mirror is on and within its cap). */
  delete: number
  deleteBytes?: number
}

/** Payload of `job.progress`. */
export interface JobProgressEvent {
  id: string
  progress: JobProgress
}

/**
 * Payload of `job.credentialsRequired`: the run waits for `jobs.provideCredentials` (keys typed in) or
 * `jobs.reloadCredentials` (the keys its saved migration's S3 profile gives now).
 */
export interface JobCredentialsRequiredEvent {
  id: string
  reason: string
}
