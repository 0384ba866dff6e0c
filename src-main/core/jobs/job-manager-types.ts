import type { ReportPaths } from '../reports'
import type { RunReport, VerificationClass } from '../reports/types'
import type { S3Credentials } from '../s3/types'
import type { TransferEvent } from '../transfer/events'
import type { ProgressSnapshot } from '../transfer/progress'
import type { RedactedJobSpec } from './history-redact'
import type { JobSpec } from './job-spec'
import type { ExitCode, JobOutcome, RunContext } from './run-job'

/**
 * The plain data the job manager hands to its shells (IPC, browser mode, scheduler): serializable, no
 * classes, so it can travel over IPC as is.
 */

/** Branded so a job id cannot be passed where a profile or definition id goes. */
export type JobId = string & { readonly __brand: 'JobId' }

/**
 * Where a managed job is. `planning` covers preflight, the bucket check and the listing; `done` is a
 * run that finished (see `outcome`); `interrupted` is a run the app stopped in the middle of (it quit or
 * crashed) and `needs-credentials` one that ended because expired S3 keys were never replaced (or, for
 * a scheduled run, whose secrets were not there in time for it to start). `skipped` is a scheduled run
 * that never started because the schedule's previous run was still under way.
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
  | 'skipped'

/** What started a run: a person (the app, the CLI) or a schedule. */
export type JobTrigger = 'manual' | 'schedule'

/** How a `done` job ended. */
export type DoneOutcome = 'completed' | 'completed-with-failures'

/**
 * The saved profiles a run's source and target came from, by id (nothing secret). A run outlives its
 * saved migration (edited, deleted, or never saved: the wizard's Start), yet a resume must fill in its
 * secrets and "re-read the profile" must know whose keys to read: these ids say where to look.
 */
export interface RunProfiles {
  swift: string
  s3: string
}

/** Absolute counts, never deltas, so a dropped message does no harm. */
export interface JobTotals {
  objects: number
  objectsDone: number
  copied: number
  skipped: number
  failed: number
  bytesTotal: number
  bytesDone: number
}

/** Counts by verification class, plus objects on the target the source does not have. */
export type VerificationSummary = Record<VerificationClass, number> & { extras: number }

/** What history keeps of one run: everything but secrets, enough to show it and to run it again. */
export interface JobRecord {
  id: JobId
  name: string
  /** The saved migration it was started from; null for an ad-hoc run. */
  definitionId: string | null
  /** The profiles it ran with; null for runs recorded before these were kept, or not from profiles. */
  profiles: RunProfiles | null
  /** What started it; history written before schedules existed reads as `manual`. */
  trigger: JobTrigger
  /** The schedule that started it, when `trigger` is `schedule`. */
  scheduleId: string | null
  /** The run this one retries or resumes. */
  retryOf: JobId | null
  /** The later run that retried or resumed this one, if any. */
  rerunBy: JobId | null
  state: JobState
  outcome: DoneOutcome | null
  startedBy: string
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  /** Workers asked for, and those granted under the global cap (null until it starts). */
  requestedWorkers: number
  workers: number | null
  bandwidthLimitMb: number | null
  totals: JobTotals
  verification: VerificationSummary | null
  error: string | null
  exitCode: ExitCode | null
  logFile: string | null
  reports: ReportPaths | null
  spec: RedactedJobSpec
}

/** A job as lists show it. */
export interface JobSummary extends Omit<JobRecord, 'spec'> {
  mode: RunReport['mode']
  source: { containers: string[] | 'all'; prefix: string | null }
  target: { bucket: string; endpoint: string | null; prefix: string | null }
  /** 1-based place in the queue while `queued`. */
  queuePosition: number | null
  /** Cancel was asked for; the run is stopping and writing its report. */
  cancelRequested: boolean
}

/** One engine event, for the job's recent-events list. */
export interface RecentEvent {
  at: string
  container: string
  event: TransferEvent
}

/** A container of the source as preflight found it: Swift's X-Container-Object-Count and bytes used. */
export interface SourceContainer {
  name: string
  objectCount: number
  bytesUsed: number
}

/**
 * The whole job's size before the listing is complete, from the containers' stats; see
 * JobProgress in job-manager-progress.ts for how it is made and when there is none.
 */
export interface ProgressEstimate {
  objects: number
  bytes: number
  /** Seconds left at the current rate for the estimated bytes; null when nothing moves. */
  etaSeconds: number | null
}

/**
 * Whole-job progress: the engine's absolute totals over every container, plus an estimate of the
 * final totals while they still grow (null once they are final, or when the source's stats do not
 * describe what is copied: a prefix or an include/exclude filter).
 */
export interface JobProgressSnapshot extends ProgressSnapshot {
  estimate: ProgressEstimate | null
}

/** A job as its detail page shows it. */
export interface JobDetail extends JobSummary {
  /** Whole-job progress with rate samples; null for a job that never ran in this process. */
  progress: JobProgressSnapshot | null
  /** The latest engine events, oldest first (bounded). */
  events: RecentEvent[]
  /** The job without its secrets: what a rerun needs once the secrets are filled in again. */
  spec: RedactedJobSpec
}

/** Where a run's reports are, and the report itself when it can be read. */
export interface JobReport {
  logFile: string | null
  reports: ReportPaths | null
  report: RunReport | null
}

/** What the manager pushes to its shells. */
export type JobManagerEvent =
  | { type: 'job-state'; job: JobSummary }
  | { type: 'job-progress'; id: JobId; progress: JobProgressSnapshot }
  | { type: 'credentials-required'; id: JobId; reason: string }
  | { type: 'log-appended'; id: JobId; path: string }

export type JobManagerListener = (event: JobManagerEvent) => void

/** One run of a spec, as the manager drives it; JobRun is one, unit tests use a fake. */
export interface JobRunner {
  run(): Promise<JobOutcome>
  pause(): void
  resume(): void
  cancel(): void
  provideCredentials(credentials: S3Credentials): void
  setBandwidthLimit(mb: number | null): void
  progress(): ProgressSnapshot | undefined
  /** The run log's path once it is open; without it the path is known only when the run ends. */
  logFile?(): string | undefined
}

export type RunnerFactory = (spec: JobSpec, context: RunContext) => JobRunner

export interface StartInput {
  spec: JobSpec
  name: string
  definitionId?: string
  /** The profiles the spec was resolved from, kept with the run (see RunProfiles). */
  profiles?: RunProfiles
  /** Who started it (a schedule's name); the manager's default otherwise. */
  startedBy?: string
  /** `manual` unless a schedule starts it. */
  trigger?: JobTrigger
  scheduleId?: string
  /**
   * How long this run waits for new S3 credentials before it ends as `needs-credentials`; the manager's
   * default otherwise. A scheduled run sets it: nobody may be at the screen to type new keys.
   */
  credentialWaitMs?: number
}

/**
 * A run that never started, for history: a scheduled run skipped because the previous one still runs,
 * or one whose secrets never became available. The spec gives history its outline (source, bucket);
 * its secrets may be placeholders, since they are dropped before anything is stored.
 */
export interface NotRunInput {
  spec: JobSpec
  name: string
  definitionId?: string
  profiles?: RunProfiles
  startedBy?: string
  trigger?: JobTrigger
  scheduleId?: string
  state: Extract<JobState, 'skipped' | 'needs-credentials' | 'failed'>
  /** Why it did not run, in words for the History screen. */
  reason: string
}
