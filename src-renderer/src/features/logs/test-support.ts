import { vi } from 'vitest'
import type { Api } from '../../../../src-preload/contract/api'
import type { EventChannel, EventPayload, InvokeChannel } from '../../../../src-preload/contract/channels'
import type {
  LogFindInput,
  LogLevelName,
  LogLine,
  LogReadInput,
  LogRun,
} from '../../../../src-preload/contract/logs'
import { fail, ok, type Result } from '../../../../src-preload/contract/result'

/** A fake main for the Logs screen: runs and their logs in memory, with the channels' semantics. */

export function levelOf(n: number): LogLevelName {
  if (n % 50 === 49) return 'error'
  if (n % 10 === 9) return 'warn'
  return n % 7 === 3 ? 'debug' : 'info'
}

export function fakeLines(count: number, from = 0): LogLine[] {
  return Array.from({ length: count }, (_, k) => {
    const n = from + k
    const level = levelOf(n)
    const name = { error: 'ERROR', warn: 'WARNING', info: 'INFO', debug: 'DEBUG' }[level]
    return {
      n,
      level,
      at: '2030-01-02 03:04:05,000',
      text: `2030-01-02 03:04:05,000 - swift2s3 - ${name} - Copied photos/${String(n).padStart(5, '0')}.jpg`,
    }
  })
}

export function fakeRun(jobId: string, overrides: Partial<LogRun> = {}): LogRun {
  return {
    jobId,
    name: `Run ${jobId}`,
    state: 'done',
    outcome: 'completed',
    createdAt: '2030-01-02T03:04:05.000Z',
    startedAt: '2030-01-02T03:04:05.000Z',
    finishedAt: '2030-01-02T03:10:05.000Z',
    fileName: `${jobId}.log`,
    bytes: 123_456,
    reports: true,
    ...overrides,
  }
}

type Handler = (input: never) => unknown

export function fakeLogsApi(options: {
  runs: LogRun[]
  lines: Record<string, LogLine[]>
  mode?: Api['mode']
}) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const view = (input: LogReadInput | LogFindInput): LogLine[] => {
    const lines = options.lines[input.jobId] ?? []
    const search = input.search?.toLowerCase() ?? ''
    return lines.filter(
      (l) =>
        (!input.levels || input.levels.includes(l.level)) &&
        (!input.onlyMatches || l.text.toLowerCase().includes(search)),
    )
  }
  const matches = (input: LogReadInput | LogFindInput): LogLine[] =>
    input.search ? view(input).filter((l) => l.text.toLowerCase().includes(input.search!.toLowerCase())) : []

  const handlers: Partial<Record<InvokeChannel, Handler>> = {
    'logs.list': () => options.runs,
    'logs.read': (input: LogReadInput) => {
      if (!options.lines[input.jobId])
        throw Object.assign(new Error('There is no job.'), { code: 'NOT_FOUND' })
      const rows = view(input)
      return {
        jobId: input.jobId,
        from: input.from,
        lines: rows.slice(input.from, input.from + input.count),
        total: options.lines[input.jobId]!.length,
        rows: rows.length,
        matched: input.search ? matches(input).length : null,
        fileName: `${input.jobId}.log`,
        bytes: options.lines[input.jobId]!.length * 80,
      }
    },
    'logs.find': (input: LogFindInput) => {
      const rows = view(input)
      const wanted =
        input.target === 'error'
          ? (l: LogLine) => l.level === 'error'
          : (l: LogLine) => l.text.toLowerCase().includes(input.search!.toLowerCase())
      const step = input.direction === 'next' ? 1 : -1
      for (let row = input.from + step; row >= 0 && row < rows.length; row += step) {
        if (wanted(rows[row]!)) {
          const n = rows[row]!.n
          return {
            row,
            n,
            match: input.target === 'match' ? matches(input).findIndex((l) => l.n === n) : null,
          }
        }
      }
      return { row: null, n: null, match: null }
    },
    'logs.export': () =>
      options.mode === 'desktop'
        ? { saved: 'copy.log' }
        : { downloadUrl: '/files/abc?key=def', fileName: 'run-1.log' },
    'logs.openReport': () => (options.mode === 'desktop' ? { opened: true } : { url: '/files/rep?key=k' }),
  }

  const invoke = vi.fn(async (channel: InvokeChannel, input?: unknown): Promise<Result<unknown>> => {
    const handler = handlers[channel]
    if (!handler) return fail('UNAVAILABLE', `${channel} is not faked`)
    try {
      return ok(await handler(input as never))
    } catch (error) {
      return fail('NOT_FOUND', (error as Error).message)
    }
  })

  const api: Api = {
    mode: options.mode ?? 'browser',
    invoke: invoke as unknown as Api['invoke'],
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (payload: unknown) => void)
      listeners.set(event, set)
      return () => set.delete(listener as (payload: unknown) => void)
    },
  }

  return {
    api,
    invoke,
    /** Pushes an event as main would. */
    emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    },
    /** The inputs of every call to a channel. */
    calls(channel: InvokeChannel): Record<string, unknown>[] {
      return invoke.mock.calls
        .filter(([c]) => c === channel)
        .map(([, input]) => input as Record<string, unknown>)
    },
  }
}
