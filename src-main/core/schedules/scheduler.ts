import { AppError } from '../errors'
import type { JobManager } from '../jobs/job-manager'
import { systemManagerClock, type ManagerClock, type TimerHandle } from '../jobs/job-manager-clock'
import type { JobSummary } from '../jobs/job-manager-types'
import type { JobSpec } from '../jobs/job-spec'
import { silentLogger, type Logger } from '../log/logger'
import { MissingSecretError } from '../profiles/resolve-job-spec'
import { lowestLimit, nextBoundary, windowLimitAt, type WindowSet } from './bandwidth-windows'
import { latestDueBetween, nextRunAfter } from './next-runs'
import { jobBlocker, ownRunBlocker, type Blocker } from './overlap'
import { ScheduleRecorder, startedBy } from './schedule-recorder'
import type { RunResult, Schedule } from './schedule-schema'
import type { ScheduleStore } from './schedule-store'
import { ScheduleViews } from './schedule-views'
import type { SchedulePreview, SchedulerListener, ScheduleSaveResult, ScheduleView } from './scheduler-types'
import type { SpecSource } from './spec-source'

/** What the scheduler uses of the job manager. */
export type SchedulerJobs = Pick<
  JobManager,
  | 'start'
  | 'recordNotRun'
  | 'amendNotRun'
  | 'settled'
  | 'get'
  | 'list'
  | 'setBandwidth'
  | 'setGlobalBandwidth'
  | 'settings'
>

export interface SchedulerOptions {
  store: ScheduleStore
  jobs: SchedulerJobs
  specs: SpecSource
  /** Wall-clock time and timers; a fake in tests, the injected clock in browser-mode tests. */
  clock?: ManagerClock
  /** Read at start-up: whether runs missed while the app was closed run once now. */
  runMissedAtStartup: () => boolean
  /** The global limit from Settings (MB/s, null for none); global windows only ever go below it. */
  baseGlobalBandwidthMb: () => number | null
  logger?: Logger
  /** How often a run waiting for its secrets looks again; 30 s. */
  credentialPollMs?: number
  /** The longest the scheduler sleeps, so a clock change or a machine waking up is noticed; 60 s. */
  maxSleepMs?: number
}

/** A run of a schedule under way in this process (or waiting for its secrets). */
interface ActiveRun {
  /** Tells one run from the next, so the due times a run makes the schedule skip share an entry. */
  serial: number
  jobId: string | null
  phase: 'waiting-for-credentials' | 'running'
  /** The definition's own limit, which windows only ever lower. */
  baseLimitMb: number | null
  /** What the windows last set, so a limit someone set by hand stands until the next boundary. */
  appliedMb: number | null | undefined
}

const MINUTE = 60_000

/**
 * Runs schedules on time. It sleeps until the next due time or bandwidth-window boundary (never more
 * than a minute, so a changed clock or a machine waking from sleep is noticed), then:
 * - starts each due schedule's migration through the job manager, marked as scheduled;
 * - skips a due time while the schedule's previous run, or any run of its migration, is still under
 *   way, and says so in history: one entry per run in the way, counting the due times it skipped;
 * - waits up to the schedule's credentialsWaitMinutes for secrets a run needs, then records it as
 *   needs-credentials and sends a notice the shell can show as a notification;
 * - applies bandwidth windows (the schedule's to its runs, the global ones to every job) as they open
 *   and close.
 * Runs missed while the app was closed run once at start-up when the setting says so, and are
 * recorded as skipped otherwise. All time comes from the injected clock, so tests never sleep.
 */
export class Scheduler {
  private readonly clock: ManagerClock
  private readonly logger: Logger
  private readonly listeners = new Set<SchedulerListener>()
  private readonly active = new Map<string, ActiveRun>()
  private readonly sleepers = new Set<{ handle: TimerHandle; wake: () => void }>()
  private readonly views: ScheduleViews
  private readonly record: ScheduleRecorder
  private serials = 0
  private timer: TimerHandle | undefined
  private running = false

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? systemManagerClock
    this.logger = options.logger ?? silentLogger
    this.views = new ScheduleViews(options.store, options.specs, (id) => this.activeView(id))
    this.record = new ScheduleRecorder({
      store: options.store,
      specs: options.specs,
      jobs: options.jobs,
      clock: this.clock,
      isActive: (id) => this.active.has(id),
      notice: (notice) => this.emit({ type: 'notice', notice }),
      changed: () => this.changed(),
    })
  }

  on(listener: SchedulerListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Catches up with what happened while the app was closed, then keeps time. */
  start(): void {
    if (this.running) return
    this.running = true
    this.reconcile()
    this.catchUp(this.options.runMissedAtStartup())
    this.tick()
  }

  /** Stops the timers; runs already started go on in the job manager. */
  stop(): void {
    this.running = false
    if (this.timer !== undefined) this.clock.clearTimer(this.timer)
    this.timer = undefined
    for (const sleeper of this.sleepers) {
      this.clock.clearTimer(sleeper.handle)
      sleeper.wake()
    }
    this.sleepers.clear()
  }

  list(): ScheduleView[] {
    return this.views.list(this.clock.now())
  }

  get(id: string): ScheduleView {
    return this.views.view(this.options.store.get(id), this.clock.now())
  }

  /** Whether any schedule will still fire: the shell keeps the app in the tray while one will. */
  hasActiveSchedules(): boolean {
    const now = this.clock.now()
    return this.options.store
      .list()
      .some(
        (s) =>
          s.enabled &&
          nextRunAfter(s.trigger, s.timeZone, Math.max(now, Date.parse(s.handledUntil))) !== null,
      )
  }

  /** The next five runs, the description and the unattended check of a draft, saving nothing. */
  preview(input: unknown): Promise<SchedulePreview> {
    return this.views.preview(input, this.clock.now())
  }

  /** Saves a schedule and checks it can run unattended. @throws AppError VALIDATION / CONFLICT / NOT_FOUND */
  async save(input: unknown): Promise<ScheduleSaveResult> {
    const definitionId = (input as { definitionId?: unknown } | null)?.definitionId
    if (
      typeof definitionId === 'string' &&
      definitionId !== '' &&
      !this.options.specs.definition(definitionId)
    ) {
      throw new AppError(
        'NOT_FOUND',
        'Schedule: definitionId is not a saved migration (was it deleted?)',
        'definitionId',
      )
    }
    const schedule = this.options.store.save(input)
    return this.saved(schedule)
  }

  async setEnabled(id: string, enabled: boolean): Promise<ScheduleSaveResult> {
    return this.saved(this.options.store.setEnabled(id, enabled))
  }

  delete(id: string): void {
    this.options.store.delete(id)
    this.changed()
    this.arm()
  }

  /**
   * Runs a schedule's migration now, on demand. Someone is at the screen, so missing secrets fail at
   * once (AUTH, naming them) instead of waiting.
   * @throws AppError CONFLICT while its last run, or another run of its migration, goes on
   */
  async runNow(id: string): Promise<JobSummary> {
    const schedule = this.options.store.get(id)
    if (this.active.has(id)) {
      throw new AppError('CONFLICT', `"${schedule.name}" is already running; wait for that run to end.`)
    }
    const other = jobBlocker(this.options.jobs.list(), schedule.definitionId)
    if (other) {
      throw new AppError(
        'CONFLICT',
        `"${schedule.name}" did not start: a run of its migration (${other.by}) is still under way; wait for it to end.`,
      )
    }
    const spec = await this.options.specs.resolve(schedule.definitionId)
    return this.launch(schedule, spec, null, 'manual')
  }

  /** Global windows, the shell's `schedules.windows.get`. */
  globalWindows(): ReturnType<ScheduleStore['globalWindows']> {
    return this.options.store.globalWindows()
  }

  saveGlobalWindows(input: unknown): ReturnType<ScheduleStore['globalWindows']> {
    const saved = this.options.store.saveGlobalWindows(input)
    this.applyWindows()
    this.arm()
    return saved
  }

  /** Settings changed the global limit: apply it with the windows on top. */
  baseGlobalBandwidthChanged(): void {
    this.applyWindows()
  }

  private async saved(schedule: Schedule): Promise<ScheduleSaveResult> {
    const unattended = await this.options.specs.unattended(schedule.definitionId)
    this.changed()
    // New windows apply to a run under way now, not at the next tick.
    this.applyWindows()
    this.arm()
    return { schedule: this.views.view(schedule, this.clock.now()), unattended }
  }

  /** Runs left `running` by a previous session take the state history gave them (interrupted …). */
  private reconcile(): void {
    for (const schedule of this.options.store.list()) {
      const last = schedule.lastRun
      if (!last || (last.result !== 'running' && last.result !== 'waiting-for-credentials')) continue
      let result: RunResult = 'interrupted'
      if (last.jobId !== null) {
        try {
          result = resultOf(this.options.jobs.get(last.jobId))
        } catch {
          // Pruned from history; interrupted is what is known.
        }
      }
      const message =
        result === 'interrupted' ? 'The app stopped while this run was under way.' : last.message
      this.options.store.recordRun(schedule.id, { lastRun: { ...last, result, message } })
    }
  }

  /** Due times that passed while the app was closed: one run now, or one skipped entry. */
  private catchUp(runMissed: boolean): void {
    const now = this.clock.now()
    for (const schedule of this.options.store.list()) {
      if (!schedule.enabled) continue
      const missed = latestDueBetween(
        schedule.trigger,
        schedule.timeZone,
        Date.parse(schedule.handledUntil),
        now,
      )
      if (missed === null) continue
      this.options.store.recordRun(schedule.id, { handledUntil: now })
      if (runMissed) {
        void this.fire(schedule, missed)
      } else {
        const reason =
          `Missed at ${new Date(missed).toISOString()} while the app was not running; ` +
          'running missed schedules at start-up is off in Settings.'
        void this.record.skip(schedule, missed, reason, 'missed')
      }
    }
  }

  private tick(): void {
    this.timer = undefined
    if (!this.running) return
    const now = this.clock.now()
    for (const schedule of this.options.store.list()) {
      if (!schedule.enabled) continue
      const handled = Date.parse(schedule.handledUntil)
      const due = nextRunAfter(schedule.trigger, schedule.timeZone, handled)
      if (due === null || due > now) continue
      // After a sleep several may have passed: one run, for the latest.
      const latest = latestDueBetween(schedule.trigger, schedule.timeZone, handled, now) ?? due
      this.options.store.recordRun(schedule.id, { handledUntil: now })
      void this.fire(schedule, latest)
    }
    this.applyWindows()
    this.arm()
  }

  /** Sleeps until the next due time or window boundary, a minute at most. */
  private arm(): void {
    if (!this.running) return
    if (this.timer !== undefined) this.clock.clearTimer(this.timer)
    const now = this.clock.now()
    let next = now + (this.options.maxSleepMs ?? MINUTE)
    for (const schedule of this.options.store.list()) {
      if (!schedule.enabled) continue
      const due = nextRunAfter(schedule.trigger, schedule.timeZone, Date.parse(schedule.handledUntil))
      if (due !== null) next = Math.min(next, due)
      const boundary = this.active.has(schedule.id) ? nextBoundary(windowsOf(schedule), now) : null
      if (boundary !== null) next = Math.min(next, boundary)
    }
    const global = nextBoundary(this.options.store.globalWindows(), now)
    if (global !== null) next = Math.min(next, global)
    this.timer = this.clock.setTimer(() => this.tick(), Math.max(0, next - now))
  }

  /**
   * A due time came: skip it while a run of the same migration goes on, else resolve (waiting for
   * secrets) and start.
   */
  private async fire(schedule: Schedule, scheduledFor: number): Promise<void> {
    const blocker = this.blockerOf(schedule)
    if (blocker) {
      await this.record.skipBehind(schedule, scheduledFor, blocker)
      return
    }
    const definition = this.options.specs.definition(schedule.definitionId)
    const baseLimitMb = definition?.options.bandwidthLimitMb ?? null
    this.active.set(schedule.id, {
      serial: ++this.serials,
      jobId: null,
      phase: 'waiting-for-credentials',
      baseLimitMb,
      appliedMb: undefined,
    })
    try {
      const spec = await this.resolveWaiting(schedule, scheduledFor)
      // Someone may have started the migration by hand while this run waited for its secrets.
      const late =
        spec && this.running ? jobBlocker(this.options.jobs.list(), schedule.definitionId) : undefined
      if (spec && this.running && !late) {
        this.launch(schedule, spec, scheduledFor, 'schedule')
      } else {
        this.active.delete(schedule.id)
        if (late) await this.record.skipBehind(schedule, scheduledFor, late)
      }
    } catch (error) {
      this.active.delete(schedule.id)
      const message = error instanceof Error ? error.message : String(error)
      this.logger.log('warn', `Schedule "${schedule.name}" could not start its run`, { error: message })
      this.record.last(schedule.id, { jobId: null, scheduledFor, result: 'failed', message })
      this.record.notify(schedule, 'failed', `"${schedule.name}" could not start: ${message}`, null)
    }
    this.changed()
  }

  /** A run of this schedule or of its migration that goes on now; undefined when none does. */
  private blockerOf(schedule: Schedule): Blocker | undefined {
    const own = this.active.get(schedule.id)
    if (own) return ownRunBlocker(own.serial)
    return jobBlocker(this.options.jobs.list(), schedule.definitionId)
  }

  /**
   * The spec with its secrets, waiting up to the schedule's limit while secrets are missing (someone
   * may enter them, or unlock the keyring). Undefined when the wait ran out or the scheduler stopped.
   */
  private async resolveWaiting(schedule: Schedule, scheduledFor: number): Promise<JobSpec | undefined> {
    const deadline = this.clock.now() + schedule.credentialsWaitMinutes * MINUTE
    let told = false
    for (;;) {
      try {
        return await this.options.specs.resolve(schedule.definitionId)
      } catch (error) {
        if (!(error instanceof MissingSecretError)) throw error
        // The app is closing: the secrets did not fail to come, the wait was cut short.
        if (!this.running) return this.stoppedWaiting(schedule, scheduledFor)
        const left = deadline - this.clock.now()
        if (left <= 0) {
          await this.record.needsCredentials(schedule, scheduledFor, error.message)
          return undefined
        }
        if (!told) {
          told = true
          this.record.waiting(schedule, scheduledFor, error.message)
        }
        await this.sleep(Math.min(left, this.options.credentialPollMs ?? 30_000))
        if (!this.running) return this.stoppedWaiting(schedule, scheduledFor)
        // Turned off or deleted while it waited: someone chose that it should not run.
        if (!this.options.store.find(schedule.id)?.enabled) return undefined
      }
    }
  }

  private stoppedWaiting(schedule: Schedule, scheduledFor: number): undefined {
    this.record.stoppedWaiting(schedule, scheduledFor)
    return undefined
  }

  private launch(
    schedule: Schedule,
    spec: JobSpec,
    scheduledFor: number | null,
    trigger: 'schedule' | 'manual',
  ): JobSummary {
    const definition = this.options.specs.definition(schedule.definitionId)
    const baseLimitMb = spec.options.bandwidthLimitMb
    const windowMb = windowLimitAt(windowsOf(schedule), this.clock.now())
    // Set before the start, so the very first object already goes at the window's pace.
    spec.options.bandwidthLimitMb = lowestLimit(baseLimitMb, windowMb)
    const job = this.options.jobs.start({
      spec,
      name: definition?.name ?? schedule.name,
      definitionId: schedule.definitionId,
      ...(definition && {
        profiles: { swift: definition.source.profileId, s3: definition.target.profileId },
      }),
      trigger,
      scheduleId: schedule.id,
      ...(trigger === 'schedule' && { startedBy: startedBy(schedule) }),
      credentialWaitMs: schedule.credentialsWaitMinutes * MINUTE,
    })
    this.active.set(schedule.id, {
      serial: this.active.get(schedule.id)?.serial ?? ++this.serials,
      jobId: job.id,
      phase: 'running',
      baseLimitMb,
      appliedMb: spec.options.bandwidthLimitMb,
    })
    this.record.last(schedule.id, { jobId: job.id, scheduledFor, result: 'running', message: null })
    this.changed()
    this.arm()
    void this.options.jobs.settled(job.id).then((summary) => this.ended(schedule, summary))
    return job
  }

  private ended(schedule: Schedule, summary: JobSummary): void {
    if (this.active.get(schedule.id)?.jobId === summary.id) this.active.delete(schedule.id)
    const result = resultOf(summary)
    const last = this.options.store.find(schedule.id)?.lastRun
    if (last?.jobId === summary.id) {
      this.options.store.recordRun(schedule.id, { lastRun: { ...last, result, message: summary.error } })
    }
    // How a started run ended is news the job manager tells (job.state, desktop notifications);
    // notices are for what only the scheduler knows: waiting, skipped, missed, never started.
    this.changed()
    this.arm()
  }

  /** Sets the limits the windows call for now: per schedule on its run, the global ones on all jobs. */
  private applyWindows(): void {
    const now = this.clock.now()
    const globalMb = lowestLimit(
      this.options.baseGlobalBandwidthMb(),
      windowLimitAt(this.options.store.globalWindows(), now),
    )
    // Compared with what the manager has, so a change from Settings is put right at the next tick.
    if (this.options.jobs.settings().globalBandwidthMb !== globalMb)
      this.options.jobs.setGlobalBandwidth(globalMb)
    for (const [scheduleId, run] of this.active) {
      const schedule = this.options.store.find(scheduleId)
      if (!schedule || run.jobId === null) continue
      const limit = lowestLimit(run.baseLimitMb, windowLimitAt(windowsOf(schedule), now))
      if (limit === run.appliedMb) continue
      run.appliedMb = limit
      try {
        this.options.jobs.setBandwidth(run.jobId, limit)
      } catch (error) {
        // It ended between the check and now; ended() tidies up.
        if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error
      }
    }
  }

  private activeView(id: string): ScheduleView['active'] {
    const run = this.active.get(id)
    return run ? { jobId: run.jobId, phase: run.phase } : null
  }

  private changed(): void {
    if (this.listeners.size === 0) return
    this.emit({ type: 'schedules-changed', schedules: this.list() })
  }

  private emit(event: Parameters<SchedulerListener>[0]): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch (error) {
        this.logger.log('warn', 'A schedule listener failed', { error: String(error) })
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const sleeper = {
        handle: undefined as TimerHandle,
        wake: () => {
          this.sleepers.delete(sleeper)
          resolve()
        },
      }
      sleeper.handle = this.clock.setTimer(() => sleeper.wake(), ms)
      this.sleepers.add(sleeper)
    })
  }
}

function windowsOf(schedule: Schedule): WindowSet {
  return { timeZone: schedule.timeZone, windows: schedule.bandwidthWindows }
}

/** A job's state as a schedule's last result. */
export function resultOf(job: Pick<JobSummary, 'state' | 'outcome'>): RunResult {
  switch (job.state) {
    case 'done':
      return job.outcome === 'completed-with-failures' ? 'completed-with-failures' : 'completed'
    case 'failed':
    case 'cancelled':
    case 'needs-credentials':
    case 'skipped':
    case 'interrupted':
      return job.state
    case 'waiting-for-credentials':
      return 'waiting-for-credentials'
    default:
      return 'running'
  }
}
