import type { Logger } from '../log/logger'
import type { ManagerClock, TimerHandle } from './job-manager-clock'
import { Coalescer } from './job-manager-coalescer'
import type { ManagedJob } from './job-manager-job'
import { isActive } from './job-manager-states'
import type { JobId, JobManagerEvent, JobManagerListener, JobRecord, JobSummary } from './job-manager-types'

/** At most four progress messages per second per job, as the house style asks. */
export const PROGRESS_INTERVAL_MS = 250
const LOG_INTERVAL_MS = 500
/** Bytes of a large object move without any engine event; this tick makes them visible. */
const HEARTBEAT_MS = 250

export interface OutboxJobs {
  job(id: JobId): ManagedJob | undefined
  all(): Iterable<ManagedJob>
  persist(record: JobRecord): void
}

/**
 * Everything the job manager pushes, and how often. State changes go out at once; progress and "the
 * log grew" are coalesced per job, and progress is also sent on a heartbeat while anything runs, since a
 * large object moves many bytes without a single engine event. An idle tick that would repeat the last
 * message sends nothing.
 */
export class JobOutbox {
  private readonly listeners = new Set<JobManagerListener>()
  private readonly progress: Coalescer<JobId>
  private readonly logs: Coalescer<JobId>
  private heartbeat: TimerHandle | undefined
  private closed = false

  constructor(
    private readonly clock: ManagerClock,
    private readonly logger: Logger,
    private readonly jobs: OutboxJobs,
  ) {
    this.progress = new Coalescer(clock, PROGRESS_INTERVAL_MS, (id) => this.sendProgress(id))
    this.logs = new Coalescer(clock, LOG_INTERVAL_MS, (id) => this.sendLog(id))
  }

  on(listener: JobManagerListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  state(job: JobSummary): void {
    this.emit({ type: 'job-state', job })
  }

  credentialsRequired(id: JobId, reason: string): void {
    this.emit({ type: 'credentials-required', id, reason })
  }

  progressChanged(id: JobId): void {
    this.progress.push(id)
  }

  logAppended(id: JobId): void {
    this.logs.push(id)
  }

  /** The last numbers and the finished log file still go out, within the rate limits. */
  ended(id: JobId): void {
    this.progress.push(id)
    this.progress.forget(id)
    this.logs.push(id)
    this.logs.forget(id)
  }

  /** Keeps progress flowing while anything runs, and stops when nothing does. */
  tick(): void {
    if (this.heartbeat !== undefined || this.closed) return
    this.heartbeat = this.clock.setTimer(() => {
      this.heartbeat = undefined
      let any = false
      for (const job of this.jobs.all()) {
        if (!job.runner || !isActive(job.record.state)) continue
        any = true
        this.progress.push(job.record.id)
      }
      if (any) this.tick()
    }, HEARTBEAT_MS)
  }

  close(): void {
    this.closed = true
    if (this.heartbeat !== undefined) this.clock.clearTimer(this.heartbeat)
    this.heartbeat = undefined
    this.progress.clear()
    this.logs.clear()
    this.listeners.clear()
  }

  private sendProgress(id: JobId): void {
    const job = this.jobs.job(id)
    const progress = job?.takeProgress(this.clock.now(), job.runner === undefined)
    if (!job || !progress) return
    const { samples: _samples, ...visible } = progress
    const signature = JSON.stringify(visible)
    if (signature === job.progressSignature) return
    job.progressSignature = signature
    this.emit({ type: 'job-progress', id, progress })
  }

  private sendLog(id: JobId): void {
    const job = this.jobs.job(id)
    const path = job?.runner?.logFile?.() ?? job?.record.logFile
    if (!job || !path) return
    if (job.record.logFile !== path) {
      // Known before the run ends: history then points at the log even if the app dies mid-run.
      job.record.logFile = path
      this.jobs.persist(job.record)
    }
    this.emit({ type: 'log-appended', id, path })
  }

  private emit(event: JobManagerEvent): void {
    if (this.closed) return
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch (error) {
        // One broken subscriber (a closed window) must not stop the others or the engine.
        this.logger.log('warn', 'A job event listener failed', {
          error: error instanceof Error ? error.message : String(error),
        })
      }
    }
  }
}
