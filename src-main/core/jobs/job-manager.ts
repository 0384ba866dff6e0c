import { randomUUID } from 'node:crypto'
import { AppError } from '../errors'
import { silentLogger, type Logger } from '../log/logger'
import type { S3Credentials } from '../s3/types'
import { createShared, type TransferShared } from '../transfer/engine'
import type { TransferEvent } from '../transfer/events'
import { mbPerSecond } from '../transfer/token-bucket'
import { JobHistory } from './history'
import { readReportHead } from './history-report'
import { WorkerCaps } from './job-manager-caps'
import { checkBandwidth, checkCredentials, checkStart } from './job-manager-checks'
import { systemManagerClock, type ManagerClock } from './job-manager-clock'
import { ManagedJob, newRecord, recordOutcome, summarize, totalsOf } from './job-manager-job'
import { DEFAULT_PART_BUDGET_MB, DEFAULT_WORKER_CAP, type JobManagerOptions } from './job-manager-options'
import { JobOutbox } from './job-manager-outbox'
import { canEstimate, JobProgress } from './job-manager-progress'
import { canTransition, isFinished } from './job-manager-states'
import type {
  JobDetail,
  JobId,
  JobManagerListener,
  JobRecord,
  JobReport,
  JobSummary,
  NotRunInput,
  RunnerFactory,
  StartInput,
} from './job-manager-types'
import type { JobSpec } from './job-spec'
import { retrySpec } from './retry-spec'
import { JobRun, type JobOutcome, type RunContext } from './run-job'

export { DEFAULT_WORKER_CAP, type JobManagerOptions } from './job-manager-options'
export { RETRY_LIST_LIMIT } from './retry-spec'

const defaultRunner: RunnerFactory = (spec, context) => new JobRun(spec, context)

/**
 * Runs migrations for the desktop app, browser mode and the scheduler: several at once under one worker
 * cap, one memory budget and one global bandwidth limit; pause, resume, cancel, new credentials and a
 * bandwidth change while they run; a history that outlives the process. Jobs belong here, not to a window:
 * closing or reloading the UI never stops one.
 *
 * Shells subscribe with {@link on}, then call {@link list} and replace their copy. State changes are pushed
 * at once; progress is coalesced and carries absolute totals, so a dropped message does no harm.
 */
export class JobManager {
  private readonly jobs = new Map<JobId, ManagedJob>()
  private readonly caps: WorkerCaps<JobId>
  private readonly shared: TransferShared
  private readonly outbox: JobOutbox
  private readonly runJob: RunnerFactory
  private readonly logger: Logger
  private globalBandwidthMb: number | null

  private constructor(
    private readonly history: JobHistory,
    private readonly options: JobManagerOptions,
    private readonly clock: ManagerClock,
  ) {
    this.caps = new WorkerCaps(options.workerCap ?? DEFAULT_WORKER_CAP)
    this.globalBandwidthMb = checkBandwidth(options.globalBandwidthMb ?? null)
    this.shared = createShared({
      budgetBytes: (options.partBudgetMb ?? DEFAULT_PART_BUDGET_MB) * 1024 * 1024,
      globalLimitMb: this.globalBandwidthMb,
    })
    this.runJob = options.runJob ?? defaultRunner
    this.logger = options.logger ?? silentLogger
    this.outbox = new JobOutbox(clock, this.logger, {
      job: (id) => this.jobs.get(id),
      all: () => this.jobs.values(),
      persist: (record) => this.persist(record),
    })
  }

  /** Loads history; runs it shows as under way (the app stopped mid-run) are marked interrupted. */
  static async open(options: JobManagerOptions): Promise<JobManager> {
    const clock = options.clock ?? systemManagerClock
    const history = await JobHistory.open({
      dir: options.historyDir,
      now: () => clock.now(),
      ...(options.historyLimit !== undefined && { limit: options.historyLimit }),
      ...(options.logger && { logger: options.logger }),
    })
    return new JobManager(history, options, clock)
  }

  /** Runs found interrupted when the manager opened, for a "resume?" prompt. */
  get interrupted(): readonly JobId[] {
    return this.history.interrupted
  }

  on(listener: JobManagerListener): () => void {
    return this.outbox.on(listener)
  }

  /** Queues a run and starts it when workers are free; returns at once. */
  start(input: StartInput): JobSummary {
    return this.summaryOf(this.launch(input, null))
  }

  /**
   * Puts a run that never started into history (a scheduled run skipped or left without its secrets),
   * so History shows every time a schedule came due. It is finished from the start.
   */
  recordNotRun(input: NotRunInput): JobSummary {
    checkStart(input)
    const at = this.iso()
    const record = newRecord(this.freshId(), input, input.spec, {
      retryOf: null,
      startedBy: input.startedBy ?? this.options.startedBy,
      createdAt: at,
    })
    record.state = input.state
    record.finishedAt = at
    record.error = input.reason
    this.persist(record)
    const summary = this.summaryOf(record)
    this.outbox.state(summary)
    return summary
  }

  /**
   * Rewrites why a run that never started did not run: a schedule keeps one History entry for all the
   * due times one long run made it skip, and counts them there. @throws AppError CONFLICT for a real run
   */
  amendNotRun(id: string, reason: string): JobSummary {
    const record = this.record(id)
    if (this.jobs.has(record.id) || record.startedAt !== null || !isFinished(record.state)) {
      throw new AppError(
        'CONFLICT',
        `The job "${record.name}" ran; only a run that never started can be amended.`,
      )
    }
    record.error = reason
    this.persist(record)
    const summary = this.summaryOf(record)
    this.outbox.state(summary)
    return summary
  }

  /** Every run in history and in flight, newest first. */
  list(): JobSummary[] {
    return [...this.history.records()].reverse().map((record) => this.summaryOf(record))
  }

  get(id: string): JobDetail {
    const record = this.record(id)
    const job = this.jobs.get(record.id)
    return {
      ...this.summaryOf(record),
      progress: job?.takeProgress(this.clock.now()) ?? null,
      events: job ? structuredClone(job.events) : [],
      spec: structuredClone(record.spec),
    }
  }

  /** Dispatch nothing new; objects in flight finish. A pause taken between containers holds the next. */
  pause(id: string): void {
    const job = this.live(id)
    if (job.record.state === 'queued')
      throw new AppError('CONFLICT', 'A queued job cannot be paused: cancel it, or wait until it starts.')
    if (job.userPaused) return
    job.userPaused = true
    job.runner?.pause()
    this.refresh(job)
  }

  resume(id: string): void {
    if (this.record(id).state === 'interrupted') {
      throw new AppError(
        'CONFLICT',
        'This run was interrupted when the app stopped and its secrets are not kept; resume it with its spec.',
      )
    }
    const job = this.live(id)
    if (!job.userPaused) return
    job.userPaused = false
    job.runner?.resume()
    this.refresh(job)
  }

  /** Stops a run (it writes its report first) or takes a queued one out of the queue. */
  cancel(id: string): void {
    const record = this.record(id)
    const job = this.jobs.get(record.id)
    if (!job || isFinished(record.state)) return
    if (record.state === 'queued') {
      this.caps.dequeue(job.record.id)
      this.end(job, (r) => {
        r.state = 'cancelled'
        r.finishedAt = this.iso()
      })
      return
    }
    if (job.cancelRequested) return
    job.cancelRequested = true
    job.runner?.cancel()
    this.sendState(job)
  }

  /**
   * Stops a run because the app is quitting: it ends as `interrupted`, as after a crash, so Resume
   * continues it at the next start (a cancelled run is one the user chose to end). It writes its report
   * first, as a cancelled run does; a queued one never starts.
   */
  interrupt(id: string): void {
    const record = this.record(id)
    const job = this.jobs.get(record.id)
    if (!job || isFinished(record.state)) return
    job.interruptRequested = true
    if (record.state === 'queued') {
      this.caps.dequeue(job.record.id)
      this.end(job, (r) => {
        r.state = 'interrupted'
        r.finishedAt = this.iso()
      })
      return
    }
    job.runner?.cancel()
  }

  /**
   * Runs the job again as a new linked run, never deleting: mirror mode is off for a retry, whatever
   * the run had. A run that went through every object retries only those it failed to copy or verify
   * (its report lists them), so new or changed objects on the source wait for the next real run; a run
   * that stopped early (cancelled, failed, out of credentials) is run again whole, and the planner skips
   * what is already there. The spec with secrets is kept in memory for runs of this session; for older
   * ones the shell rebuilds it and passes it.
   */
  async retryFailed(id: string, spec?: JobSpec): Promise<JobSummary> {
    const record = this.record(id)
    if (!isFinished(record.state)) throw new AppError('CONFLICT', 'The job is still under way.')
    const base = spec ?? this.jobs.get(record.id)?.spec
    return this.rerun(record, base && (await retrySpec(record, base)))
  }

  /** Continues a run the app stopped in the middle of, as a new run linked to it. */
  resumeInterrupted(id: string, spec: JobSpec): JobSummary {
    const record = this.record(id)
    if (record.state !== 'interrupted') throw new AppError('CONFLICT', 'This run was not interrupted.')
    return this.rerun(record, spec)
  }

  /** New S3 keys for a run whose keys expired; later containers use them too. */
  provideCredentials(id: string, credentials: S3Credentials): void {
    checkCredentials(credentials)
    const job = this.live(id)
    job.spec.target.credentials = { ...credentials }
    job.runner?.provideCredentials({ ...credentials })
    // The engine says so itself unless paused, when it stays silent until resumed.
    if (job.phase === 'waiting-for-credentials') job.phase = 'running'
    this.refresh(job)
  }

  /** This job's limit in MB/s (null: none); the global limit applies as well. */
  setBandwidth(id: string, mb: number | null): void {
    const limit = checkBandwidth(mb)
    const job = this.live(id)
    // Each container's copy reads the spec when it starts, and a retry reuses it.
    job.spec.options.bandwidthLimitMb = limit
    if (job.runSpec) job.runSpec.options.bandwidthLimitMb = limit
    job.record.bandwidthLimitMb = limit
    job.runner?.setBandwidthLimit(limit)
    this.persist(job.record)
    this.sendState(job)
  }

  setGlobalBandwidth(mb: number | null): void {
    this.globalBandwidthMb = checkBandwidth(mb)
    this.shared.globalBandwidth.setRate(mbPerSecond(this.globalBandwidthMb))
  }

  /** Memory for part buffers across all jobs, MiB; parts already held keep their bytes until uploaded. */
  setPartBudget(mb: number): void {
    if (!Number.isInteger(mb) || mb < 1) {
      throw new AppError(
        'VALIDATION',
        `partBudgetMb must be a whole number of at least 1 (got ${mb})`,
        'partBudgetMb',
      )
    }
    this.shared.budget.setCapacity(mb * 1024 * 1024)
  }

  /** A higher cap starts queued jobs at once; a lower one takes effect as running jobs finish. */
  setWorkerCap(cap: number): void {
    this.caps.setCap(cap)
    this.admit()
  }

  settings(): { workerCap: number; workersInUse: number; globalBandwidthMb: number | null } {
    return {
      workerCap: this.caps.cap,
      workersInUse: this.caps.inUse,
      globalBandwidthMb: this.globalBandwidthMb,
    }
  }

  async report(id: string): Promise<JobReport> {
    const record = this.record(id)
    const inMemory = this.jobs.get(record.id)?.report
    const report = inMemory ?? (record.reports ? await readReportHead(record.reports.json) : undefined)
    return {
      logFile: record.logFile,
      reports: record.reports && { ...record.reports },
      report: report ? structuredClone(report) : null,
    }
  }

  /** Resolves when the job has finished, with its final summary. */
  settled(id: string): Promise<JobSummary> {
    const record = this.record(id)
    const job = this.jobs.get(record.id)
    if (job && !isFinished(record.state)) return job.settled
    return Promise.resolve(this.summaryOf(record))
  }

  /** Resolves once history is on disk. */
  flush(): Promise<void> {
    return this.history.flush()
  }

  /** Stops pushing events and writes history out. Jobs keep running; cancel them first to stop them. */
  async close(): Promise<void> {
    this.outbox.close()
    await this.history.flush()
  }

  private launch(input: StartInput, retryOf: JobId | null): ManagedJob {
    checkStart(input)
    const spec = structuredClone(input.spec)
    const id = this.freshId()
    const record = newRecord(id, input, spec, {
      retryOf,
      startedBy: input.startedBy ?? this.options.startedBy,
      createdAt: this.iso(),
    })
    const job = new ManagedJob(record, spec)
    job.credentialWaitMs = input.credentialWaitMs
    this.jobs.set(id, job)
    this.persist(record)
    this.caps.enqueue(id, spec.options.maxWorkers)
    this.sendState(job)
    this.admit()
    return job
  }

  private rerun(record: JobRecord, spec: JobSpec | undefined): JobSummary {
    const previous = record.rerunBy ? this.jobs.get(record.rerunBy) : undefined
    // A second click must not start a second run into the same bucket.
    if (previous && !isFinished(previous.record.state)) return this.summaryOf(previous)
    if (!spec) {
      throw new AppError(
        'AUTH',
        'The secrets of this run are not kept in history: resolve the job again and pass its spec.',
      )
    }
    const job = this.launch(
      {
        spec,
        name: record.name,
        ...(record.definitionId !== null && { definitionId: record.definitionId }),
        ...(record.profiles !== null && { profiles: record.profiles }),
      },
      record.id,
    )
    record.rerunBy = job.record.id
    this.persist(record)
    this.outbox.state(this.summaryOf(record))
    return this.summaryOf(job)
  }

  private admit(): void {
    for (const { key, workers } of this.caps.admit()) {
      const job = this.jobs.get(key)
      if (job) this.begin(job, workers)
      else this.caps.release(key)
    }
  }

  private begin(job: ManagedJob, workers: number): void {
    const record = job.record
    record.workers = workers
    record.startedAt = this.iso()
    const runSpec = structuredClone(job.spec)
    runSpec.options.maxWorkers = workers
    let running: Promise<JobOutcome>
    try {
      job.runner = this.runJob(runSpec, this.contextFor(job))
      job.runSpec = runSpec
      job.progress = new JobProgress(this.clock.now(), canEstimate(runSpec))
      this.refresh(job)
      running = job.runner.run()
    } catch (error) {
      running = Promise.reject(error)
    }
    this.outbox.tick()
    running
      .then(
        (outcome) => this.finish(job, outcome),
        (error: unknown) => this.crash(job, error),
      )
      .catch((error: unknown) =>
        this.logger.log('error', `Job ${record.id} could not be wound up`, {
          error: error instanceof Error ? error.message : String(error),
        }),
      )
  }

  private contextFor(job: ManagedJob): RunContext {
    const id = job.record.id
    const credentialWaitMs = job.credentialWaitMs ?? this.options.credentialWaitMs
    return {
      tool: this.options.tool,
      startedBy: job.record.startedBy,
      now: () => new Date(this.clock.now()),
      console: () => this.outbox.logAppended(id),
      onEvent: (container, event) => this.onEngineEvent(job, container, event),
      onSourceStats: (containers) => {
        job.progress?.sourceKnown(containers)
        this.outbox.progressChanged(id)
      },
      shared: this.shared,
      ...(credentialWaitMs !== undefined && { credentialWaitMs }),
    }
  }

  private onEngineEvent(job: ManagedJob, container: string, event: TransferEvent): void {
    job.apply(container, event, this.clock.now())
    if (event.type === 'state') this.refresh(job)
    if (event.type === 'credentials-required') this.outbox.credentialsRequired(job.record.id, event.reason)
    this.outbox.progressChanged(job.record.id)
  }

  private finish(job: ManagedJob, outcome: JobOutcome): void {
    job.progress?.containerEnded(job.runner?.progress())
    const progress = job.takeProgress(this.clock.now(), true)
    job.report = outcome.report
    this.end(job, (r) => {
      recordOutcome(r, outcome, progress, this.iso())
      if (job.interruptRequested && r.state === 'cancelled') r.state = 'interrupted'
    })
  }

  private crash(job: ManagedJob, error: unknown): void {
    const progress = job.takeProgress(this.clock.now(), true)
    this.end(job, (r) => {
      if (progress) r.totals = totalsOf(progress)
      r.state = 'failed'
      r.finishedAt = this.iso()
      r.error = error instanceof Error ? error.message : String(error)
    })
  }

  /** Everything that happens once, when a job stops for good. */
  private end(job: ManagedJob, update: (record: JobRecord) => void): void {
    const id = job.record.id
    update(job.record)
    job.runner = undefined
    job.progress = undefined
    this.caps.release(id)
    this.persist(job.record)
    this.sendState(job)
    this.outbox.ended(id)
    job.settle(this.summaryOf(job))
    this.admit()
  }

  private refresh(job: ManagedJob): void {
    const to = job.wanted()
    const from = job.record.state
    if (to === from) return
    if (!canTransition(from, to)) {
      this.logger.log('warn', `Job ${job.record.id}: ignored a move from ${from} to ${to}`)
      return
    }
    job.record.state = to
    const progress = job.takeProgress(this.clock.now())
    if (progress) job.record.totals = totalsOf(progress)
    this.persist(job.record)
    this.sendState(job)
  }

  private persist(record: JobRecord): void {
    for (const dropped of this.history.put(record)) this.jobs.delete(dropped)
  }

  private sendState(job: ManagedJob): void {
    this.outbox.state(this.summaryOf(job))
  }

  private summaryOf(subject: JobRecord | ManagedJob): JobSummary {
    const record = subject instanceof ManagedJob ? subject.record : subject
    const job = this.jobs.get(record.id)
    if (!job) return summarize(record)
    const progress = job.runner ? job.takeProgress(this.clock.now()) : undefined
    return summarize(record, {
      queuePosition: this.caps.position(record.id),
      cancelRequested: job.cancelRequested,
      ...(progress && { totals: totalsOf(progress) }),
    })
  }

  private record(id: string): JobRecord {
    const record = this.history.get(id)
    if (!record) throw new AppError('NOT_FOUND', `There is no job ${id}.`)
    return record
  }

  /** A job of this session that has not finished. */
  private live(id: string): ManagedJob {
    const record = this.record(id)
    const job = this.jobs.get(record.id)
    if (!job || isFinished(record.state)) {
      throw new AppError('CONFLICT', `The job "${record.name}" is not running (${record.state}).`)
    }
    return job
  }

  /** Ids must stay unique across restarts: history links runs by them. */
  private freshId(): JobId {
    const newId = this.options.newId ?? randomUUID
    for (let attempt = 0; attempt < 10; attempt++) {
      const id = newId()
      if (!this.history.get(id)) return id as JobId
    }
    throw new AppError('INTERNAL', 'Could not find an unused job id.')
  }

  private iso(): string {
    return new Date(this.clock.now()).toISOString()
  }
}
