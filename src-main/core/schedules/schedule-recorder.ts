import { AppError } from '../errors'
import type { JobManager } from '../jobs/job-manager'
import type { ManagerClock } from '../jobs/job-manager-clock'
import type { JobSummary } from '../jobs/job-manager-types'
import { SkipTally, type Blocker } from './overlap'
import type { LastRun, Schedule } from './schedule-schema'
import type { ScheduleStore } from './schedule-store'
import type { ScheduleNotice } from './scheduler-types'
import type { SpecSource } from './spec-source'

/** What the recorder writes to and asks: the scheduler's own parts, passed in so it stays small. */
export interface RecorderDeps {
  store: ScheduleStore
  specs: SpecSource
  jobs: Pick<JobManager, 'recordNotRun' | 'amendNotRun'>
  clock: ManagerClock
  /** Whether the scheduler has a run of the schedule going on (its row keeps showing that run). */
  isActive: (scheduleId: string) => boolean
  notice: (notice: ScheduleNotice) => void
  changed: () => void
}

/** A schedule's last run as the scheduler knows it, with instants for times. */
export type LastRunInput = Omit<LastRun, 'at' | 'scheduledFor'> & { scheduledFor: number | null }

/**
 * What the scheduler writes down about due times: the schedule row's last run, History entries for
 * runs that never started (skipped, missed, left without secrets), and the notices a shell may show
 * as notifications. Secrets never go anywhere: History gets the migration's outline.
 */
export class ScheduleRecorder {
  private readonly skips = new SkipTally()

  constructor(private readonly deps: RecorderDeps) {}

  /** Sets the schedule row's last run, stamped with the time now. */
  last(id: string, run: LastRunInput): void {
    const iso = (ms: number) => new Date(ms).toISOString()
    const lastRun: LastRun = {
      ...run,
      at: iso(this.deps.clock.now()),
      scheduledFor: run.scheduledFor === null ? null : iso(run.scheduledFor),
    }
    this.deps.store.recordRun(id, { lastRun })
  }

  /** Sends a notice the shells may show as a desktop notification. */
  notify(schedule: Schedule, kind: ScheduleNotice['kind'], message: string, jobId: string | null): void {
    this.deps.notice({
      scheduleId: schedule.id,
      scheduleName: schedule.name,
      kind,
      message,
      jobId,
      at: new Date(this.deps.clock.now()).toISOString(),
    })
  }

  /** The first time a run finds its secrets missing: the row says so, and a notice goes out. */
  waiting(schedule: Schedule, scheduledFor: number, why: string): void {
    this.last(schedule.id, { jobId: null, scheduledFor, result: 'waiting-for-credentials', message: why })
    this.notify(
      schedule,
      'waiting-for-credentials',
      `"${schedule.name}" is waiting for secrets (up to ${schedule.credentialsWaitMinutes} min): ${why}`,
      null,
    )
    this.deps.changed()
  }

  /** The wait for secrets ran out: a needs-credentials entry in History, and a notice. */
  async needsCredentials(schedule: Schedule, scheduledFor: number, why: string): Promise<void> {
    const reason = `Waited ${schedule.credentialsWaitMinutes} min for secrets that never came. ${why}`
    const job = await this.notRun(schedule, 'needs-credentials', reason)
    this.last(schedule.id, {
      jobId: job?.id ?? null,
      scheduledFor,
      result: 'needs-credentials',
      message: reason,
    })
    this.notify(schedule, 'needs-credentials', `"${schedule.name}" did not run: ${reason}`, job?.id ?? null)
  }

  /**
   * Stopped while waiting for secrets: the row says the run was interrupted, as it would after a
   * restart; nothing goes to History and no notice is sent, since nothing failed.
   */
  stoppedWaiting(schedule: Schedule, scheduledFor: number): void {
    const last = this.deps.store.find(schedule.id)?.lastRun
    if (
      last?.result !== 'waiting-for-credentials' ||
      last.scheduledFor !== new Date(scheduledFor).toISOString()
    )
      return
    this.deps.store.recordRun(schedule.id, {
      lastRun: {
        ...last,
        result: 'interrupted',
        message: 'The app stopped while this run waited for its secrets; it did not start.',
      },
    })
  }

  /** A due time that did not run, in History, on the row (unless a run goes on) and as a notice. */
  async skip(
    schedule: Schedule,
    scheduledFor: number,
    reason: string,
    kind: 'skipped' | 'missed',
  ): Promise<JobSummary | undefined> {
    const job = await this.notRun(schedule, 'skipped', reason)
    // A skip while a run goes on must not hide that run's result; it still shows in history.
    if (!this.deps.isActive(schedule.id)) {
      this.last(schedule.id, { jobId: job?.id ?? null, scheduledFor, result: 'skipped', message: reason })
    }
    this.notify(schedule, kind, `"${schedule.name}" was skipped: ${reason}`, job?.id ?? null)
    this.deps.changed()
    return job
  }

  /**
   * A due time skipped behind a run in the way: the first gets a History entry and a notice, the
   * next ones behind the same run are counted in that entry's reason.
   */
  async skipBehind(schedule: Schedule, scheduledFor: number, blocker: Blocker): Promise<void> {
    if (this.skips.add(schedule.id, blocker, scheduledFor)) {
      const job = await this.skip(schedule, scheduledFor, blocker.reason, 'skipped')
      this.skips.recorded(schedule.id, blocker, job?.id ?? null)
    }
    // Also after the first: due times counted while its entry was being written.
    const amendment = this.skips.amendment(schedule.id, blocker, schedule.timeZone)
    if (!amendment) return
    try {
      this.deps.jobs.amendNotRun(amendment.jobId, amendment.reason)
    } catch (error) {
      // History pruned the entry meanwhile; the count has nowhere to go.
      if (!(error instanceof AppError)) throw error
    }
    const shown = this.deps.store.find(schedule.id)?.lastRun?.jobId === amendment.jobId
    if (shown && !this.deps.isActive(schedule.id)) {
      this.last(schedule.id, {
        jobId: amendment.jobId,
        scheduledFor,
        result: 'skipped',
        message: amendment.reason,
      })
      this.deps.changed()
    }
  }

  /** Puts a run that never started into History; undefined when its migration or a profile is gone. */
  private async notRun(
    schedule: Schedule,
    state: 'skipped' | 'needs-credentials',
    reason: string,
  ): Promise<JobSummary | undefined> {
    const spec = await this.deps.specs.outline(schedule.definitionId)
    const definition = this.deps.specs.definition(schedule.definitionId)
    if (!spec || !definition) return undefined
    return this.deps.jobs.recordNotRun({
      spec,
      name: definition.name,
      definitionId: definition.id,
      profiles: { swift: definition.source.profileId, s3: definition.target.profileId },
      trigger: 'schedule',
      scheduleId: schedule.id,
      startedBy: startedBy(schedule),
      state,
      reason,
    })
  }
}

/** Who History says started a scheduled run. */
export function startedBy(schedule: Schedule): string {
  return `schedule "${schedule.name}"`
}
