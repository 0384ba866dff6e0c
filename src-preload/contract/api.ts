import type { EventChannel, EventPayload, InvokeChannel, InvokeInput, InvokeOutput } from './channels'
import type { Result } from './result'
import type { ShellMode } from './types'

/** Arguments of `invoke`: the input may be left out for channels that take none. */
export type InvokeArgs<C extends InvokeChannel> =
  undefined extends InvokeInput<C> ? [input?: InvokeInput<C>] : [input: InvokeInput<C>]

/**
 * What the renderer sees as `window.api`. Derived from the contract, never hand-written per
 * channel: the Electron preload and browser mode's WebSocket transport both implement it.
 */
export interface Api {
  /** Which transport carries the calls. */
  readonly mode: ShellMode
  /** Calls a main-process channel; never rejects for handler errors, they come back as `ok: false`. */
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Result<InvokeOutput<C>>>
  /** Subscribes to a main-process event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void
  /**
   * Subscribes to "the connection to main is back after it was lost": events pushed meanwhile never
   * arrived, so a mirror of main's state should ask for it again. Only transports that can lose the
   * connection have it (browser mode's WebSocket); Electron's IPC cannot, so its preload leaves it out.
   * Returns the unsubscribe function.
   */
  onReconnect?(listener: () => void): () => void
}
