import type { RunReport } from '../reports/types'
import type { TransferEvent } from '../transfer/events'
import type { ProgressSnapshot } from '../transfer/progress'
import { redactSpec } from './history-redact'
import type { JobProgress } from './job-manager-progress'
import { endsContainer, finalState, isFinished, phaseAfter, type JobPhase } from './job-manager-states'
import type {
  JobId,
  JobProgressSnapshot,
  JobRecord,
  JobRunner,
  JobState,
  JobSummary,
  JobTotals,
  RecentEvent,
  StartInput,
} from './job-manager-types'
import type { JobSpec } from './job-spec'
import type { JobOutcome } from './run-job'

const MAX_EVENTS = 100

/**
 * A job started in this process: its history record plus what only lives while it runs (the runner,
 * the spec with its secrets, progress and recent events). Finished jobs stay, so a retry can reuse the
 * spec without asking for the secrets again and the detail page can still show the last progress.
 */
export class ManagedJob {
  runner: JobRunner | undefined
  /** The spec the runner holds (workers clamped to the grant), for changes that later containers read. */
  runSpec: JobSpec | undefined
  phase: JobPhase
  userPaused = false
  cancelRequested = false
  /** Stopped because the app quits: it ends interrupted rather than cancelled, so it can be resumed. */
  interruptRequested = false
  progress: JobProgress | undefined
  /** The whole-job progress as last taken, kept once the run is over. */
  lastProgress: JobProgressSnapshot | undefined
  report: RunReport | undefined
  /** What the last progress message said, so an idle tick sends nothing new. */
  progressSignature = ''
  readonly events: RecentEvent[] = []
  readonly settled: Promise<JobSummary>
  /** This run's own wait for new S3 credentials (a scheduled run's); the manager's default when unset. */
  credentialWaitMs: number | undefined
  private resolveSettled: (summary: JobSummary) => void = () => {}

  constructor(
    readonly record: JobRecord,
    /** With secrets and the workers asked for; the runner gets a copy clamped to the grant. */
    readonly spec: JobSpec,
  ) {
    this.phase = spec.options.verifyOnly ? 'verifying' : 'planning'
    this.settled = new Promise((resolve) => (this.resolveSettled = resolve))
  }

  /** The state the job should show now: engine phase, with waiting for credentials above a pause. */
  wanted(): JobState {
    const state = this.record.state
    // Queued until it has a runner; finished for good.
    if (!this.runner || isFinished(state)) return state
    if (this.phase === 'waiting-for-credentials') return this.phase
    return this.userPaused ? 'paused' : this.phase
  }

  /** Follows an engine event: recent events, whole-job progress, the phase. */
  apply(container: string, event: TransferEvent, now: number): void {
    // One per object started would crowd out everything else; the workers list shows them.
    if (event.type !== 'object-started') {
      this.events.push({ at: new Date(now).toISOString(), container, event })
      if (this.events.length > MAX_EVENTS) this.events.shift()
    }
    if (event.type !== 'state') return
    if (event.state === 'checking') this.progress?.containerStarted(now, container)
    // Taken inside the event: the engine's tracker for this container is gone once its copy returns.
    if (endsContainer(event.state)) this.progress?.containerEnded(this.runner?.progress())
    this.phase = phaseAfter(event.state, this.phase)
  }

  takeProgress(now: number, finished = false): JobProgressSnapshot | undefined {
    if (!this.progress) return this.lastProgress
    this.lastProgress = this.progress.snapshot(this.runner?.progress(), now, finished)
    return this.lastProgress
  }

  settle(summary: JobSummary): void {
    this.resolveSettled(summary)
  }
}

/** The record of a job just queued. */
export function newRecord(
  id: JobId,
  input: Pick<StartInput, 'name' | 'definitionId' | 'profiles' | 'trigger' | 'scheduleId'>,
  spec: JobSpec,
  at: { retryOf: JobId | null; startedBy: string; createdAt: string },
): JobRecord {
  return {
    id,
    name: input.name.trim(),
    definitionId: input.definitionId ?? null,
    profiles: input.profiles ? { swift: input.profiles.swift, s3: input.profiles.s3 } : null,
    trigger: input.trigger ?? 'manual',
    scheduleId: input.scheduleId ?? null,
    retryOf: at.retryOf,
    rerunBy: null,
    state: 'queued',
    outcome: null,
    startedBy: at.startedBy,
    createdAt: at.createdAt,
    startedAt: null,
    finishedAt: null,
    requestedWorkers: spec.options.maxWorkers,
    workers: null,
    bandwidthLimitMb: spec.options.bandwidthLimitMb,
    totals: zeroTotals(),
    verification: null,
    error: null,
    exitCode: null,
    logFile: null,
    reports: null,
    spec: redactSpec(spec),
  }
}

export function zeroTotals(): JobTotals {
  return { objects: 0, objectsDone: 0, copied: 0, skipped: 0, failed: 0, bytesTotal: 0, bytesDone: 0 }
}

export function totalsOf(progress: ProgressSnapshot): JobTotals {
  return {
    objects: progress.objects.total,
    objectsDone: progress.objects.done,
    copied: progress.objects.copied,
    skipped: progress.objects.skipped,
    failed: progress.objects.failed,
    bytesTotal: progress.bytes.total,
    bytesDone: progress.bytes.done,
  }
}

/**
 * Writes a finished run into its record. Counts come from the report, which covers dry runs and
 * verify-only runs too; bytes done from the engine's progress when it copied, since the report counts
 * copied bytes only and skipped objects are done as well.
 */
export function recordOutcome(
  record: JobRecord,
  outcome: JobOutcome,
  progress: ProgressSnapshot | undefined,
  finishedAt: string,
): void {
  const { report } = outcome
  const t = report.totals
  const final = finalState(outcome.exitCode, report.outcome)
  record.state = final.state
  record.outcome = final.outcome
  record.exitCode = outcome.exitCode
  record.finishedAt = finishedAt
  record.error = report.error
  record.logFile = outcome.logFile
  record.reports = outcome.reports
  record.totals = {
    objects: t.objects,
    objectsDone: t.copied + t.skipped + t.failed,
    copied: t.copied,
    skipped: t.skipped,
    failed: t.failed,
    bytesTotal: t.bytesTotal,
    bytesDone: progress && progress.bytes.done > 0 ? progress.bytes.done : t.bytesCopied,
  }
  record.verification = report.mode === 'dry-run' ? null : { ...t.verification, extras: t.extras }
}

/** A record as lists show it; live fields (queue place, progress totals) come from the manager. */
export function summarize(
  record: JobRecord,
  live: { queuePosition?: number | null; cancelRequested?: boolean; totals?: JobTotals } = {},
): JobSummary {
  const { spec, ...rest } = record
  const o = spec.options
  return {
    ...structuredClone(rest),
    ...(live.totals ? { totals: { ...live.totals } } : {}),
    mode: o.verifyOnly ? 'verify-only' : o.dryRun ? 'dry-run' : 'copy',
    source: {
      containers: spec.source.containers === 'all' ? 'all' : [...spec.source.containers],
      prefix: spec.source.prefix ?? null,
    },
    target: {
      bucket: spec.target.bucket,
      endpoint: spec.target.endpoint ?? null,
      prefix: spec.target.destPrefix ?? null,
    },
    queuePosition: live.queuePosition ?? null,
    cancelRequested: live.cancelRequested ?? false,
  }
}
