import type { JobManager } from '../core/jobs/job-manager'
import { isFinished } from '../core/jobs/job-manager-states'
import type { JobState, JobSummary } from '../core/jobs/job-manager-types'

/** States in which a run is doing work the machine must stay awake for. */
const WORKING: ReadonlySet<JobState> = new Set([
  'planning',
  'running',
  'verifying',
  'waiting-for-credentials',
])

/**
 * What the desktop shell needs to know of the jobs: which have not finished (quit asks first, closing
 * the window keeps them in the tray) and which are working (the machine must not sleep). A mirror of the
 * job manager's state events, seeded from its list, so every piece of glue reads the same numbers.
 */
export class JobActivity {
  private readonly jobs = new Map<string, JobSummary>()
  private readonly listeners = new Set<() => void>()
  private readonly unsubscribe: () => void

  constructor(manager: Pick<JobManager, 'on' | 'list'>) {
    // Subscribe first, then list: a state sent in between is not lost (the newer one wins below).
    this.unsubscribe = manager.on((event) => {
      if (event.type === 'job-state') this.update(event.job)
    })
    for (const job of manager.list()) if (!this.jobs.has(job.id)) this.jobs.set(job.id, job)
  }

  /** The last summary of a job, for names in notifications. */
  job(id: string): JobSummary | undefined {
    return this.jobs.get(id)
  }

  /** Jobs that have not finished: queued, paused and waiting ones included. */
  unfinished(): JobSummary[] {
    return [...this.jobs.values()].filter((job) => !isFinished(job.state))
  }

  /** Jobs working now: planning, copying, verifying or waiting for new credentials. */
  working(): JobSummary[] {
    return [...this.jobs.values()].filter((job) => WORKING.has(job.state))
  }

  /** Told after every change of any job's state; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  close(): void {
    this.unsubscribe()
    this.listeners.clear()
  }

  private update(job: JobSummary): void {
    const before = this.jobs.get(job.id)?.state
    this.jobs.set(job.id, job)
    if (before !== job.state) for (const listener of this.listeners) listener()
  }
}
