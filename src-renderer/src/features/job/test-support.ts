import type { Api } from '../../../../src-preload/contract/api'
import type {
  EventChannel,
  EventPayload,
  InvokeChannel,
  InvokeInput,
  InvokeOutput,
} from '../../../../src-preload/contract/channels'
import type { JobDetail, JobProgress, JobSummary } from '../../../../src-preload/contract/jobs'
import { fail, ok, type ErrorCode } from '../../../../src-preload/contract/result'

/** Thrown by a fake handler to answer `{ ok: false }` with a code and field, as main's router would. */
export class FakeFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

type FakeHandlers = {
  [C in InvokeChannel]?: (input: InvokeInput<C>) => InvokeOutput<C> | Promise<InvokeOutput<C>>
}

/**
 * A stand-in for `window.api` for renderer tests: answers invokes from `handlers`, records every call,
 * and pushes events to the page's listeners when a test calls `emit`, as main would.
 */
export function fakeJobsApi(handlers: FakeHandlers) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const calls: { channel: InvokeChannel; input: unknown }[] = []
  const api: Api = {
    mode: 'browser',
    invoke: (async (channel: InvokeChannel, input?: unknown) => {
      calls.push({ channel, input })
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined
      if (!handler) return fail('UNAVAILABLE', `the fake has no ${channel}`)
      try {
        return ok(await handler(input))
      } catch (error) {
        if (error instanceof FakeFailure) return fail(error.code, error.message, error.field)
        throw error
      }
    }) as Api['invoke'],
    on: ((event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    }) as Api['on'],
  }
  return {
    api,
    calls,
    /** The inputs of every call of one channel, in order. */
    callsOf<C extends InvokeChannel>(channel: C): InvokeInput<C>[] {
      return calls.filter((c) => c.channel === channel).map((c) => c.input as InvokeInput<C>)
    },
    emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    },
    listenerCount(event: EventChannel): number {
      return listeners.get(event)?.size ?? 0
    },
  }
}

/** A run's summary with plausible values; tests override what they look at. */
export function summary(overrides: Partial<JobSummary> = {}): JobSummary {
  return {
    id: 'job-1',
    name: 'Photos to S3',
    definitionId: 'def-1',
    profiles: { swift: 'sw-1', s3: 's3-1' },
    trigger: 'manual',
    scheduleId: null,
    retryOf: null,
    rerunBy: null,
    state: 'running',
    outcome: null,
    startedBy: 'ops@host',
    createdAt: '2025-05-01T10:00:00.000Z',
    startedAt: '2025-05-01T10:00:01.000Z',
    finishedAt: null,
    requestedWorkers: 4,
    workers: 4,
    bandwidthLimitMb: 2,
    totals: { objects: 0, objectsDone: 0, copied: 0, skipped: 0, failed: 0, bytesTotal: 0, bytesDone: 0 },
    verification: null,
    error: null,
    exitCode: null,
    logFile: '/logs/run.log',
    reports: null,
    mode: 'copy',
    source: { containers: ['photos'], prefix: null },
    target: { bucket: 'photos-archive', endpoint: 'http://127.0.0.1:18080', prefix: null },
    queuePosition: null,
    cancelRequested: false,
    ...overrides,
  }
}

/** Whole-job progress; `samples` default to ten seconds at 1 MB/s. */
export function progress(overrides: Partial<JobProgress> = {}): JobProgress {
  return {
    objects: { total: 20, done: 10, copied: 9, skipped: 1, failed: 0 },
    bytes: { total: 20_000_000, done: 10_000_000 },
    planned: true,
    rate: 1_000_000,
    etaSeconds: 10,
    samples: Array.from({ length: 10 }, (_, i): [number, number] => [i + 1, 1_000_000]),
    workers: [
      { id: 1, key: 'photos/2024/summer/IMG_0001.jpg' },
      { id: 2, key: 'photos/2024/summer/IMG_0002.jpg' },
    ],
    elapsedSeconds: 10,
    estimate: null,
    ...overrides,
  }
}

/** A run as `jobs.get` returns it. */
export function detail(overrides: Partial<JobDetail> = {}): JobDetail {
  return {
    ...summary(),
    progress: progress(),
    events: [],
    spec: {
      source: { auth: { type: 'v1' }, containers: ['photos'], directoryMarkers: 'keep' },
      target: { bucket: 'photos-archive', bucketMode: 'single', credentials: { accessKeyId: 'AKIAOLD' } },
      options: {
        maxWorkers: 4,
        bandwidthLimitMb: 2,
        dryRun: false,
        verifyOnly: false,
        deep: false,
        mirror: { enabled: false, maxDeletions: 0 },
      },
    },
    ...overrides,
  }
}
