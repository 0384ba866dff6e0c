import type { Api, InvokeArgs } from '../../../src-preload/contract/api'
import type { InvokeChannel, InvokeOutput } from '../../../src-preload/contract/channels'
import type { IpcError } from '../../../src-preload/contract/result'
import { createWebSocketApi, takeAccessToken } from './web-socket-api'

/** A failed call, carrying the contract's error code and field for forms to show. */
export class CallError extends Error {
  readonly code: IpcError['code']
  readonly field: string | undefined
  constructor(error: IpcError) {
    super(error.message)
    this.name = 'CallError'
    this.code = error.code
    this.field = error.field
  }
}

function resolveApi(): Api {
  if (window.api) return window.api
  const token = takeAccessToken(window.location, window.sessionStorage, window.history) ?? ''
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
  return createWebSocketApi(`${scheme}://${window.location.host}/ws?token=${encodeURIComponent(token)}`)
}

let api: Api | null = null

/** The transport: Electron's preload bridge, or browser mode's WebSocket. The only user of `window.api`. */
export function getApi(): Api {
  api ??= resolveApi()
  return api
}

/** Replaces the transport; for tests. */
export function setApi(replacement: Api): void {
  api = replacement
}

/**
 * Runs `listener` each time the connection to main comes back after it was lost (browser mode);
 * pushes sent meanwhile were missed, so a store mirroring main's state reloads it here. Electron's IPC
 * never loses its connection: there the listener is simply never called. Returns the unsubscribe.
 */
export function onReconnect(listener: () => void): () => void {
  return getApi().onReconnect?.(listener) ?? (() => {})
}

/** Calls a channel and unwraps the envelope: resolves with the value or rejects with a CallError. */
export async function call<C extends InvokeChannel>(
  channel: C,
  ...args: InvokeArgs<C>
): Promise<InvokeOutput<C>> {
  const result = await getApi().invoke(channel, ...args)
  if (!result.ok) throw new CallError(result.error)
  return result.value
}
