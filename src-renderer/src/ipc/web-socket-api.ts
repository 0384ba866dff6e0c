import type { Api } from '../../../src-preload/contract/api'
import type { EventChannel, EventPayload } from '../../../src-preload/contract/channels'
import { fail, type Result } from '../../../src-preload/contract/result'

type Reply = { type: 'reply'; id: number; result: Result<unknown> }
type Push = { type: 'event'; event: string; payload: unknown }

const TOKEN_KEY = 'swift2s3.token'

/** Shown when the socket closes: the browser hides whether it was a refusal (bad token) or a crash. */
const UNREACHABLE =
  'cannot connect. Open the exact URL printed by `npm start` (it carries an access token) and check that it still runs.'

/**
 * Takes the access token from the page URL (`?token=`), keeps it for reloads in sessionStorage and
 * removes it from the address bar so it does not end up in screenshots or browser history.
 */
export function takeAccessToken(location: Location, storage: Storage, history: History): string | null {
  const url = new URL(location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    history.replaceState(history.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return storage.getItem(TOKEN_KEY)
}

/**
 * `window.api` for browser mode: the same contract over the server's WebSocket.
 * Calls made while (re)connecting wait; a lost connection fails pending calls with UNAVAILABLE and
 * reconnects with backoff, so the page recovers when the server comes back. Events pushed while the
 * connection was down are lost for good, so once it is back `onReconnect` listeners are told, and the
 * stores ask main for its state again.
 */
export function createWebSocketApi(wsUrl: string): Api {
  let socket: WebSocket | null = null
  let nextId = 1
  let retryMs = 250
  const pending = new Map<number, (result: Result<unknown>) => void>()
  const queue: string[] = []
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const reconnectListeners = new Set<() => void>()
  /** A connection was lost (or never made) since the last one opened. */
  let lost = false

  function connect(): void {
    const ws = new WebSocket(wsUrl)
    socket = ws
    ws.onopen = () => {
      retryMs = 250
      for (const frame of queue.splice(0)) ws.send(frame)
      if (!lost) return
      lost = false
      for (const listener of [...reconnectListeners]) {
        try {
          listener()
        } catch (error) {
          // One failing store must not keep the others stale.
          console.error('A reconnect listener failed', error)
        }
      }
    }
    ws.onmessage = (message: MessageEvent<string>) => {
      const data = JSON.parse(message.data) as Reply | Push
      if (data.type === 'reply') {
        pending.get(data.id)?.(data.result)
        pending.delete(data.id)
      } else {
        for (const listener of listeners.get(data.event) ?? []) listener(data.payload)
      }
    }
    ws.onclose = () => {
      lost = true
      queue.length = 0
      for (const [id, resolve] of pending) {
        resolve(fail('UNAVAILABLE', UNREACHABLE))
        pending.delete(id)
      }
      setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, 5000)
    }
  }
  connect()

  return {
    mode: 'browser',
    invoke(channel, ...args) {
      const id = nextId++
      const frame = JSON.stringify({ type: 'call', id, channel, input: args[0] })
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: Result<unknown>) => void)
        if (socket?.readyState === WebSocket.OPEN) socket.send(frame)
        else queue.push(frame)
      })
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set()
      const wrapped = listener as (payload: unknown) => void
      set.add(wrapped)
      listeners.set(event, set)
      return () => {
        set.delete(wrapped)
      }
    },
    onReconnect(listener) {
      reconnectListeners.add(listener)
      return () => {
        reconnectListeners.delete(listener)
      }
    },
  }
}
