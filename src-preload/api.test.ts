import { describe, expect, it, vi } from 'vitest'
import { createApi, type IpcRendererLike } from './api'

function fakeIpc() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>()
  const ipc = {
    invoke: vi.fn(async () => ({ ok: true, value: 'x' })),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener))
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener)
    }),
  }
  return { ipc: ipc as unknown as IpcRendererLike & typeof ipc, listeners }
}

describe('preload api', () => {
  it('forwards a contract channel with its input', async () => {
    const { ipc } = fakeIpc()
    const api = createApi(ipc)
    expect(await api.invoke('app.info')).toEqual({ ok: true, value: 'x' })
    expect(ipc.invoke).toHaveBeenCalledWith('app.info', undefined)
  })

  it('refuses a channel outside the contract without reaching ipcRenderer', async () => {
    const { ipc } = fakeIpc()
    const api = createApi(ipc)
    const result = await (api.invoke as (channel: string) => Promise<unknown>)('secrets.dump')
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    expect(ipc.invoke).not.toHaveBeenCalled()
  })

  it('refuses to subscribe to an event outside the contract', () => {
    const { ipc } = fakeIpc()
    expect(() => createApi(ipc).on('anything' as never, () => {})).toThrow('Unknown event')
    expect(ipc.on).not.toHaveBeenCalled()
  })

  it('hands listeners the payload only, never the Electron event, and unsubscribes', async () => {
    const { ipc, listeners } = fakeIpc()
    // The contract has no events yet: exercise the wrapper through a channel name it would allow.
    const channels = await import('./contract/channels')
    ;(channels.eventChannels as Record<string, true>)['test.event'] = true
    try {
      const seen: unknown[][] = []
      const off = createApi(ipc).on('test.event' as never, (...args: unknown[]) => seen.push(args))
      const electronEvent = { sender: { send: () => {} } }
      for (const listener of listeners.get('test.event') ?? []) listener(electronEvent, { n: 1 })
      expect(seen).toEqual([[{ n: 1 }]])
      off()
      expect(listeners.get('test.event')?.size).toBe(0)
    } finally {
      delete (channels.eventChannels as Record<string, true>)['test.event']
    }
  })

  it('is frozen, so page scripts cannot swap its methods', () => {
    const api = createApi(fakeIpc().ipc)
    expect(Object.isFrozen(api)).toBe(true)
  })
})
