import type { Api } from '../../../../../src-preload/contract/api'
import type {
  EventChannel,
  EventPayload,
  InvokeChannel,
  InvokeInput,
  InvokeOutput,
} from '../../../../../src-preload/contract/channels'
import type { IpcError } from '../../../../../src-preload/contract/result'

/** What a fake handler may throw to answer with an error envelope. */
export class FakeFailure extends Error {
  constructor(readonly error: IpcError) {
    super(error.message)
  }
}

type Handler<C extends InvokeChannel> = (input: InvokeInput<C>) => InvokeOutput<C> | Promise<InvokeOutput<C>>
export type FakeHandlers = { [C in InvokeChannel]?: Handler<C> }

/** A `window.api` for component tests: handlers per channel, a log of calls, and events to push. */
export interface FakeApi extends Api {
  calls: Array<{ channel: InvokeChannel; input: unknown }>
  callsTo<C extends InvokeChannel>(channel: C): Array<InvokeInput<C>>
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void
}

export function fakeApi(handlers: FakeHandlers): FakeApi {
  const calls: FakeApi['calls'] = []
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const api: FakeApi = {
    mode: 'browser',
    calls,
    callsTo: <C extends InvokeChannel>(channel: C) =>
      calls.filter((call) => call.channel === channel).map((call) => call.input as InvokeInput<C>),
    async invoke(channel, ...args) {
      calls.push({ channel, input: args[0] })
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined
      if (!handler) return { ok: false, error: { code: 'UNAVAILABLE', message: `no fake for ${channel}` } }
      try {
        return { ok: true, value: (await handler(args[0])) as never }
      } catch (error) {
        if (error instanceof FakeFailure) return { ok: false, error: error.error }
        throw error
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (payload: unknown) => void)
      listeners.set(event, set)
      return () => set.delete(listener as (payload: unknown) => void)
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    },
  }
  return api
}
