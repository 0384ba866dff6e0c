import type { IpcRendererEvent } from 'electron'
import type { Api, InvokeArgs } from './contract/api'
import {
  isEventChannel,
  isInvokeChannel,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
  type InvokeOutput,
} from './contract/channels'
import { fail, type Result } from './contract/result'

/** The part of `ipcRenderer` the bridge needs; narrowed so tests can pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown
}

/**
 * Builds the allow-listed `window.api` over `ipcRenderer`.
 * Security: only channels of the contract's tables pass; the Electron event object (which carries
 * `sender` and would give the page a handle on IPC) is never handed to page listeners.
 */
export function createApi(ipc: IpcRendererLike): Api {
  return Object.freeze({
    mode: 'desktop' as const,
    invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Result<InvokeOutput<C>>> {
      if (!isInvokeChannel(channel)) {
        return Promise.resolve(fail('UNKNOWN_CHANNEL', `Unknown channel: ${String(channel)}`))
      }
      return ipc.invoke(channel, args[0]) as Promise<Result<InvokeOutput<C>>>
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (!isEventChannel(event)) throw new Error(`Unknown event: ${String(event)}`)
      const wrapped = (_event: IpcRendererEvent, payload: unknown): void =>
        listener(payload as EventPayload<E>)
      ipc.on(event, wrapped)
      return () => {
        ipc.removeListener(event, wrapped)
      }
    },
  })
}
