import type { RunReport } from '../reports/types'
import type { S3Credentials } from '../s3/types'
import type { TransferEvent } from '../transfer/events'
import type { ProgressSnapshot } from '../transfer/progress'
import type { ManagerClock, TimerHandle } from './job-manager-clock'
import type { JobRunner, RunnerFactory, SourceContainer } from './job-manager-types'
import type { JobSpec } from './job-spec'
import type { ExitCode, JobOutcome, RunContext } from './run-job'

/** Test doubles for the job manager: a clock that moves only when told, and a scripted runner. */

export class FakeManagerClock implements ManagerClock {
  private time: number
  private nextId = 0
  private timers: { id: number; at: number; callback: () => void }[] = []

  constructor(start = Date.UTC(2025, 0, 1, 9)) {
    this.time = start
  }

  now(): number {
    return this.time
  }

  setTimer(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++
    this.timers.push({ id, at: this.time + Math.max(0, ms), callback })
    return id
  }

  clearTimer(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle)
  }

  /** When the earliest pending timer is due, if any (for tests that step from timer to timer). */
  nextAt(): number | undefined {
    return this.timers.reduce<number | undefined>(
      (at, t) => (at === undefined || t.at < at ? t.at : at),
      undefined,
    )
  }

  /** Moves time on, firing due timers in order (timers they set fire too, if due). */
  advance(ms: number): void {
    const until = this.time + ms
    for (;;) {
      const due = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (!due) break
      this.timers = this.timers.filter((t) => t !== due)
      this.time = Math.max(this.time, due.at)
      due.callback()
    }
    this.time = until
  }
}

/** A runner whose events, progress and end the test decides. */
export class FakeRunner implements JobRunner {
  readonly calls: string[] = []
  credentials: S3Credentials | undefined
  bandwidth: number | null | undefined
  current: ProgressSnapshot | undefined
  logPath: string | undefined
  private resolveRun: (outcome: JobOutcome) => void = () => {}
  private rejectRun: (error: unknown) => void = () => {}

  constructor(
    readonly spec: JobSpec,
    readonly context: RunContext,
  ) {}

  run(): Promise<JobOutcome> {
    this.calls.push('run')
    return new Promise((resolve, reject) => {
      this.resolveRun = resolve
      this.rejectRun = reject
    })
  }
  pause(): void {
    this.calls.push('pause')
  }
  resume(): void {
    this.calls.push('resume')
  }
  cancel(): void {
    this.calls.push('cancel')
  }
  provideCredentials(credentials: S3Credentials): void {
    this.calls.push('provideCredentials')
    this.credentials = credentials
  }
  setBandwidthLimit(mb: number | null): void {
    this.calls.push('setBandwidthLimit')
    this.bandwidth = mb
  }
  progress(): ProgressSnapshot | undefined {
    return this.current
  }
  logFile(): string | undefined {
    return this.logPath
  }

  /** What preflight found: every container with its object count and bytes used. */
  sourceStats(containers: SourceContainer[]): void {
    this.context.onSourceStats?.(containers)
  }

  emit(event: TransferEvent, container = 'photos'): void {
    this.context.onEvent?.(container, event)
  }

  logLine(line = 'a line'): void {
    this.context.console?.(line, 'info')
  }

  finish(outcome: JobOutcome): void {
    this.resolveRun(outcome)
  }

  crash(error: Error): void {
    this.rejectRun(error)
  }
}

/** A factory that keeps every runner it made, in order. */
export function fakeRunners(): { factory: RunnerFactory; runners: FakeRunner[] } {
  const runners: FakeRunner[] = []
  return {
    runners,
    factory: (spec, context) => {
      const runner = new FakeRunner(spec, context)
      runners.push(runner)
      return runner
    },
  }
}

export function fakeSnapshot(done: number, total: number, bytesPerObject = 100): ProgressSnapshot {
  return {
    objects: { total, done, copied: done, skipped: 0, failed: 0 },
    bytes: { total: total * bytesPerObject, done: done * bytesPerObject },
    planned: true,
    rate: 1000,
    etaSeconds: 1,
    samples: [[1, 1000]],
    workers: [],
    elapsedSeconds: 1,
  }
}

export function fakeOutcome(
  exitCode: ExitCode,
  outcome: RunReport['outcome'],
  totals: Partial<RunReport['totals']> = {},
): JobOutcome {
  const report: RunReport = {
    version: 1,
    runId: 'run-1',
    tool: { name: 'swift2s3', version: 'test' },
    startedBy: 'tester',
    startedAt: '2025-01-01T09:00:00.000Z',
    finishedAt: '2025-01-01T09:01:00.000Z',
    durationSeconds: 60,
    outcome,
    error: outcome === 'failed' ? 'it broke' : null,
    mode: 'copy',
    source: { authUrl: '', storageUrl: '', containers: ['photos'], prefix: null },
    target: { endpoint: 'http://s3.test', region: 'us-east-1', bucket: 'dest', prefix: null },
    options: {},
    totals: {
      objects: 3,
      copied: 3,
      skipped: 0,
      failed: 0,
      bytesCopied: 300,
      bytesTotal: 300,
      verification: { 'verified-md5': 3, 'verified-recorded': 0, mismatched: 0, missing: 0 },
      extras: 0,
      extrasDeleted: 0,
      sourceCount: 3,
      targetCount: 3,
      containerObjectCount: 3,
      ...totals,
    },
    throughput: 5,
    logFile: '/logs/run.log',
    failures: [],
    extras: [],
  }
  return {
    exitCode,
    report,
    logFile: '/logs/run.log',
    reports: { json: '/logs/run.json', csv: '/logs/run.csv', html: '/logs/run.html' },
    problems: [],
  }
}

/** A complete spec with one secret of each kind, for tests. */
export function fakeSpec(overrides: Partial<JobSpec['options']> = {}): JobSpec {
  return {
    source: {
      auth: { type: 'v1', authUrl: 'http://swift.test/auth/v1.0', user: 'test:tester', key: 'swift-secret' },
      tls: {},
      containers: ['photos'],
      directoryMarkers: 'keep',
    },
    target: {
      bucket: 'dest',
      endpoint: 'http://s3.test',
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIATEST', secretAccessKey: 's3-secret', sessionToken: 's3-session' },
      bucketMode: 'single',
    },
    options: {
      maxWorkers: 8,
      bandwidthLimitMb: null,
      dryRun: false,
      verifyOnly: false,
      deep: false,
      mirror: { enabled: false, maxDeletions: 0 },
      ...overrides,
    },
    output: { logDir: '/logs' },
  }
}
