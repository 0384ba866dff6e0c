import type { MetadataOptions } from '../../../src-preload/contract/metadata'
import { silentLogger, type Logger } from '../log/logger'
import type { ListingEntry } from '../swift/listing'
import { backoffMs, type RetryPolicy } from '../swift/retry'
import { ByteBudget } from './byte-budget'
import { classifyFailure, type FailureAction, type TargetClassifier } from './classify'
import { systemClock, type Clock } from './clock'
import { copyObject, MIN_PART_SIZE, type CopyDeps } from './copier'
import { Gate } from './gate'
import { governMemory } from './memory-governor'
import type { JobState, TransferEvent, TransferListener } from './events'
import { keptListings, type KeepEntry } from './kept-listings'
import { plan, type TargetEntry } from './planner'
import type { SourcePort, TargetPort, UploadJournal } from './ports'
import { ProgressTracker, type ProgressSnapshot } from './progress'
import { InProcessQueue, type TaskQueue } from './queue'
import type { CopyResult, CopyTask } from './task'
import { mbPerSecond, TokenBucket } from './token-bucket'

/** One migration run: a container (or a prefix of it) into a bucket (under a prefix). */
export interface TransferSpec {
  container: string
  /** Only Swift objects whose names start with this. */
  sourcePrefix?: string
  /** Prepended to every Swift name to make its S3 key. */
  targetPrefix?: string
  /** Objects in flight, 1–256 (the original's --maxWorkers). */
  maxWorkers: number
  /** This job's limit in MB/s (the original's --bandwidthLimitMb); the global limit applies too. */
  bandwidthLimitMb?: number | null
  multipartThreshold?: number
  partConcurrency?: number
  retry?: Partial<RetryPolicy>
  /** Delete target objects the source does not have. Off by default. */
  mirror?: { enabled: boolean; dryRun: boolean; maxDeletions: number }
  /** Swift user metadata, extra pairs, oversized objects; the defaults (copy, none, fail) when unset. */
  metadata?: MetadataOptions
}

export interface SourceLister extends SourcePort {
  listObjects(
    container: string,
    options?: { prefix?: string; signal?: AbortSignal },
  ): AsyncIterable<ListingEntry>
}

export interface TransferTarget extends TargetPort {
  checkBucket(signal?: AbortSignal): Promise<void>
  list(prefix?: string): AsyncIterable<TargetEntry>
  deleteObject(key: string): Promise<unknown>
  /** Swaps credentials on the live target (after they expired mid-run). */
  setCredentials?(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }): void
}

/** Shared by every job in the process: one memory budget, one global bandwidth limit. */
export interface TransferShared {
  budget: ByteBudget
  globalBandwidth: TokenBucket
}

export function createShared(
  options: { budgetBytes?: number; globalLimitMb?: number | null; clock?: Clock } = {},
): TransferShared {
  return {
    budget: new ByteBudget(options.budgetBytes ?? 512 * 1024 * 1024),
    globalBandwidth: new TokenBucket(mbPerSecond(options.globalLimitMb), options.clock ?? systemClock),
  }
}

export interface TransferDeps {
  source: SourceLister
  target: TransferTarget
  shared: TransferShared
  classifyTarget?: TargetClassifier
  journal?: UploadJournal
  logger?: Logger
  clock?: Clock
  random?: () => number
  signal?: AbortSignal
  queue?: TaskQueue
  /** How long to wait for new credentials before ending as needs-credentials; forever when unset. */
  credentialWaitMs?: number
  /** Include/exclude rules and directory markers: applied to both listings, so filtered-out objects are never extras. */
  filter?: KeepEntry
}

export interface TransferSummary {
  state: Extract<JobState, 'completed' | 'failed' | 'cancelled' | 'needs-credentials'>
  progress: ProgressSnapshot
  extras: { found: number; deleted: number }
  error?: string
}

// Normal objects up to this size stream in one PUT (their MD5 is known up front); larger ones go in
// parts uploaded while the rest is read. rclone's cutoff is 200 MiB; parts cost S3-compatible servers more.
export const DEFAULT_MULTIPART_THRESHOLD = 128 * 1024 * 1024
// SLO/DLO objects have no known MD5, so a single PUT means reading them whole first: only small ones.
export const BUFFER_THRESHOLD = 16 * 1024 * 1024

/**
 * Per-object retries: patient, because a night's run must ride out a proxy restart or a short outage
 * (about a minute of backoff in all) rather than fail objects that the next run would copy anyway.
 */
export const OBJECT_RETRY: RetryPolicy = { attempts: 8, baseMs: 1000, capMs: 60_000 }

/** The job ended waiting for credentials that never came. */
export class CredentialsNeededError extends Error {
  constructor(reason: string) {
    super(`New S3 credentials are needed to continue: ${reason}`)
    this.name = 'CredentialsNeededError'
  }
}
const MAX_WORKERS = 256

export class Transfer {
  readonly progress: ProgressTracker
  private readonly listeners = new Set<TransferListener>()
  private readonly jobBandwidth: TokenBucket
  private readonly clock: Clock
  private readonly logger: Logger
  private readonly controller = new AbortController()
  private stopError: unknown
  private extras: { key: string; size: number }[] = []
  private extrasFound = 0
  private extrasOverCap = false
  private orderTrusted = true
  /** Closed while paused or waiting for credentials: nothing new is dispatched. */
  private readonly gate = new Gate()
  private paused = false
  private waitingForCredentials = false
  private credentialTimer: NodeJS.Timeout | undefined
  /** Tasks handed back while dispatch was stopped (credentials expired in flight); run first. */
  private readonly parked: CopyTask[] = []
  private deleted = 0
  private cancelled = false
  /** Bumped on every provideCredentials: a failure of a request signed before that is not news. */
  private credentialGeneration = 0
  /** Multipart uploads that failed and could not be aborted at the time. */
  private readonly unaborted: { key: string; uploadId: string }[] = []

  constructor(
    readonly spec: TransferSpec,
    private readonly deps: TransferDeps,
  ) {
    if (!Number.isInteger(spec.maxWorkers) || spec.maxWorkers < 1 || spec.maxWorkers > MAX_WORKERS) {
      throw new RangeError(
        `maxWorkers must be a whole number from 1 to ${MAX_WORKERS} (got ${spec.maxWorkers}).`,
      )
    }
    this.clock = deps.clock ?? systemClock
    this.logger = deps.logger ?? silentLogger
    this.progress = new ProgressTracker(this.clock)
    this.jobBandwidth = new TokenBucket(mbPerSecond(spec.bandwidthLimitMb), this.clock)
    deps.signal?.addEventListener('abort', () => this.controller.abort(deps.signal?.reason), { once: true })
  }

  on(listener: TransferListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Changes this job's limit while it runs. */
  setBandwidthLimit(mb: number | null): void {
    this.jobBandwidth.setRate(mbPerSecond(mb))
  }

  private emit(event: TransferEvent): void {
    for (const listener of this.listeners) listener(event)
  }

  private stop(error: unknown): void {
    this.stopError ??= error
    this.controller.abort(error)
  }

  /** Dispatch nothing new; objects in flight finish. */
  pause(): void {
    if (this.paused) return
    this.paused = true
    this.gate.close()
    this.emit({ type: 'state', state: 'paused' })
  }

  resume(): void {
    if (!this.paused) return
    this.paused = false
    if (!this.waitingForCredentials) {
      this.gate.openUp()
      this.emit({ type: 'state', state: 'running' })
    }
  }

  /** Aborts requests in flight (multipart uploads are aborted by their copiers) and ends the job. */
  cancel(): void {
    this.cancelled = true
    this.controller.abort(Object.assign(new Error('Cancelled'), { name: 'AbortError' }))
  }

  get waitingForNewCredentials(): boolean {
    return this.waitingForCredentials
  }

  /** New S3 credentials while waiting: swap them in and continue with the objects handed back. */
  provideCredentials(credentials: {
    accessKeyId: string
    secretAccessKey: string
    sessionToken?: string
  }): void {
    this.deps.target.setCredentials?.(credentials)
    this.credentialGeneration++
    if (!this.waitingForCredentials) return
    this.waitingForCredentials = false
    clearTimeout(this.credentialTimer)
    this.logger.log('info', 'New credentials received; continuing')
    void this.abortLeftovers()
    if (!this.paused) {
      this.gate.openUp()
      this.emit({ type: 'state', state: 'running' })
    }
  }

  /** Aborts the uploads that could not be aborted when they failed; those that still fail stay journalled. */
  private async abortLeftovers(): Promise<void> {
    for (const upload of this.unaborted.splice(0)) {
      try {
        await this.deps.target.abortMultipartUpload(upload.key, upload.uploadId)
        await this.deps.journal?.uploadEnded(upload.key, upload.uploadId)
      } catch (error) {
        this.logger.log('warn', `Could not abort the multipart upload of ${upload.key}; the next run will`, {
          uploadId: upload.uploadId,
          error: error instanceof Error ? error.message : String(error),
        })
      }
    }
  }

  private needCredentials(task: CopyTask, reason: string): void {
    this.parked.push(task)
    if (this.waitingForCredentials) return
    this.waitingForCredentials = true
    this.gate.close()
    this.emit({ type: 'state', state: 'waiting-for-credentials', message: reason })
    this.emit({ type: 'credentials-required', reason, key: task.key })
    const limit = this.deps.credentialWaitMs
    if (limit !== undefined) {
      this.credentialTimer = setTimeout(() => this.stop(new CredentialsNeededError(reason)), limit)
      this.credentialTimer.unref?.()
    }
  }

  async run(): Promise<TransferSummary> {
    const signal = this.controller.signal
    const budget = this.deps.shared.budget
    const stopGoverning = governMemory(() => budget.capacity)
    try {
      this.emit({ type: 'state', state: 'checking' })
      await this.deps.target.checkBucket(signal)
      this.emit({ type: 'state', state: 'planning' })
      const queue = this.deps.queue ?? new InProcessQueue(this.spec.maxWorkers * 2)
      const workers = Array.from({ length: this.spec.maxWorkers }, (_, i) => this.worker(i + 1, queue))
      this.emit({ type: 'state', state: 'running' })
      // A failed listing stops the workers, but the run only ends once every worker has settled: a
      // copier still finishing would otherwise leave an upload behind after the job reported its end.
      const planning = this.planInto(queue)
        .catch((error: unknown) => {
          if (!signal.aborted) this.stop(error)
        })
        .finally(() => queue.close())
      await Promise.allSettled([planning, ...workers])
      if (signal.aborted) throw this.stopError ?? signal.reason
      await this.mirror()
      return this.finish('completed')
    } catch (error) {
      const cancelled = (this.cancelled || this.deps.signal?.aborted === true) && !this.stopError
      const message = error instanceof Error ? error.message : String(error)
      if (this.stopError instanceof CredentialsNeededError)
        return this.finish('needs-credentials', this.stopError.message)
      return this.finish(cancelled ? 'cancelled' : 'failed', cancelled ? undefined : message)
    } finally {
      clearTimeout(this.credentialTimer)
      await this.abortLeftovers()
      stopGoverning()
    }
  }

  private finish(state: TransferSummary['state'], error?: string): TransferSummary {
    this.emit({ type: 'state', state, ...(error ? { message: error } : {}) })
    const summary: TransferSummary = {
      state,
      progress: this.progress.snapshot(),
      extras: { found: this.extrasFound, deleted: this.deleted },
    }
    if (error) summary.error = error
    return summary
  }

  private async planInto(queue: TaskQueue): Promise<void> {
    const signal = this.controller.signal
    const { container, sourcePrefix = '', targetPrefix = '' } = this.spec
    const both = keptListings(
      this.deps.source,
      this.deps.target,
      { container, sourcePrefix, targetPrefix, signal },
      this.deps.filter,
    )
    const items = plan(both.source, both.target, { container, targetPrefix })
    for await (const item of items) {
      if (signal.aborted) return
      switch (item.type) {
        case 'copy':
          this.progress.addPlanned(1, item.task.size)
          await queue.push(item.task, signal)
          break
        case 'skip':
          this.progress.addPlanned(1, item.size)
          this.progress.outcome('skipped', item.size)
          this.emit({ type: 'object-skipped', key: item.key, bytes: item.size, reason: item.reason })
          break
        case 'extra':
          this.noteExtra(item.key, item.size)
          break
        case 'order-fallback':
          this.orderTrusted = false
          this.emit({
            type: 'warning',
            message: `Listing order differs between Swift and S3 (${item.detail}); every remaining object is checked by HEAD and extras are not computed.`,
          })
          break
      }
    }
    this.progress.planComplete()
  }

  private noteExtra(key: string, size: number): void {
    this.extrasFound++
    const mirror = this.spec.mirror
    // Held only up to the deletion cap: beyond it nothing is deleted, so nothing more need be kept.
    if (mirror?.enabled && !this.extrasOverCap) {
      if (this.extras.length < mirror.maxDeletions) this.extras.push({ key, size })
      else {
        this.extrasOverCap = true
        this.extras = []
      }
    }
    this.emit({ type: 'extra', key, bytes: size, action: 'reported' })
  }

  private async mirror(): Promise<void> {
    const mirror = this.spec.mirror
    if (!mirror?.enabled || this.extrasFound === 0) return
    this.emit({ type: 'state', state: 'mirroring' })
    if (!this.orderTrusted) {
      this.emit({
        type: 'warning',
        message: 'Mirror deletions skipped: the listings could not be compared safely.',
      })
      return
    }
    if (this.extrasOverCap) {
      this.emit({
        type: 'warning',
        message: `Mirror deletions skipped: ${this.extrasFound} extra objects exceed the cap of ${mirror.maxDeletions}.`,
      })
      return
    }
    for (const extra of this.extras) {
      if (mirror.dryRun) {
        this.emit({ type: 'extra', key: extra.key, bytes: extra.size, action: 'would-delete' })
        continue
      }
      await this.deps.target.deleteObject(extra.key)
      this.deleted++
      this.emit({ type: 'extra', key: extra.key, bytes: extra.size, action: 'deleted' })
    }
  }

  private copyDeps(): CopyDeps {
    const spec = this.spec
    return {
      source: this.deps.source,
      target: this.deps.target,
      budget: this.deps.shared.budget,
      buckets: [this.deps.shared.globalBandwidth, this.jobBandwidth],
      multipartThreshold: Math.max(MIN_PART_SIZE, spec.multipartThreshold ?? DEFAULT_MULTIPART_THRESHOLD),
      bufferThreshold: BUFFER_THRESHOLD,
      partConcurrency: spec.partConcurrency ?? 4,
      signal: this.controller.signal,
      onAbortFailed: (key, uploadId) => void this.unaborted.push({ key, uploadId }),
      ...(this.deps.journal ? { journal: this.deps.journal } : {}),
      ...(spec.metadata ? { metadata: spec.metadata } : {}),
    }
  }

  /** The next task: parked ones first; none while the gate is closed; undefined once all is done. */
  private async nextTask(queue: TaskQueue): Promise<CopyTask | undefined> {
    const signal = this.controller.signal
    for (;;) {
      await this.gate.wait(signal)
      if (signal.aborted) return undefined
      const parked = this.parked.shift()
      if (parked) return parked
      const task = await queue.pull(signal)
      if (signal.aborted) return undefined
      if (task && !this.gate.open) {
        // Pulled just as dispatch stopped: hold it for later rather than start it now.
        this.parked.unshift(task)
        continue
      }
      if (task) return task
      // The queue is done; stay while handed-back tasks may still come back to life.
      if (this.gate.open && this.parked.length === 0) return undefined
    }
  }

  private async worker(id: number, queue: TaskQueue): Promise<void> {
    const signal = this.controller.signal
    for (let task = await this.nextTask(queue); task && !signal.aborted; task = await this.nextTask(queue)) {
      this.progress.workerOn(id, task.key)
      this.emit({ type: 'object-started', key: task.key, worker: id, bytes: task.size })
      const result = await this.copyWithRetries(task)
      this.progress.workerOn(id, undefined)
      if (!result) continue
      this.progress.outcome(result.outcome, result.outcome === 'copied' ? 0 : task.size)
      if (result.outcome === 'copied') {
        this.emit({
          type: 'object-copied',
          key: result.key,
          bytes: result.bytes,
          attempts: result.attempts,
          multipart: result.multipart === true,
          ...(result.md5 ? { md5: result.md5 } : {}),
          ...(result.encodedMetadata ? { encodedMetadata: result.encodedMetadata } : {}),
          ...(result.metadataDropped ? { metadataDropped: result.metadataDropped } : {}),
        })
      } else if (result.outcome === 'skipped') {
        this.emit({
          type: 'object-skipped',
          key: result.key,
          bytes: result.bytes,
          reason: result.reason ?? '',
        })
      } else {
        this.emit({
          type: 'object-failed',
          key: result.key,
          reason: result.reason ?? 'unknown error',
          attempts: result.attempts,
        })
      }
    }
  }

  /** Per-object retries with backoff and jitter; returns undefined when the job was stopped. */
  private async copyWithRetries(task: CopyTask): Promise<CopyResult | undefined> {
    const policy = { ...OBJECT_RETRY, ...this.spec.retry }
    const deps = this.copyDeps()
    for (let attempt = 1; ; attempt++) {
      const generation = this.credentialGeneration
      let counted = 0
      try {
        const result = await copyObject(task, {
          ...deps,
          onBytes: (n) => ((counted += n), this.progress.bytes(n)),
        })
        return { ...result, attempts: attempt }
      } catch (error) {
        this.progress.unbytes(counted)
        if (this.controller.signal.aborted) return undefined
        const action: FailureAction = classifyFailure(error, this.deps.classifyTarget)
        const reason = error instanceof Error ? error.message : String(error)
        if (action === 'need-credentials') {
          // Signed with keys replaced since: try again at once with the new ones.
          if (generation !== this.credentialGeneration) continue
          this.needCredentials(task, reason)
          return undefined
        }
        if (action === 'stop-job') {
          this.logger.log('error', 'Stopping the job', { key: task.key, reason })
          this.stop(error)
          return undefined
        }
        if (action === 'fail-object' || attempt >= policy.attempts) {
          return { key: task.key, name: task.name, outcome: 'failed', bytes: 0, attempts: attempt, reason }
        }
        const waitMs = backoffMs(policy, attempt, this.deps.random ?? Math.random)
        this.emit({ type: 'retry', key: task.key, attempt, waitMs, reason })
        try {
          await this.clock.sleep(waitMs, this.controller.signal)
        } catch {
          return undefined
        }
      }
    }
  }
}
