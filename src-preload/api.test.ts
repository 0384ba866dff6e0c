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

  it('hands listeners the payload only, never the Electron event, and unsubscribes', () => {
    const { ipc, listeners } = fakeIpc()
    const seen: unknown[][] = []
    const off = createApi(ipc).on('job.state', (...args: unknown[]) => seen.push(args))
    expect(ipc.on).toHaveBeenCalledWith('job.state', expect.any(Function))
    const electronEvent = { sender: { send: () => {} } }
    const job = { id: 'job-1', state: 'running' }
    for (const listener of listeners.get('job.state') ?? []) listener(electronEvent, job)
    expect(seen).toEqual([[job]])
    off()
    expect(listeners.get('job.state')?.size).toBe(0)
    expect(ipc.removeListener).toHaveBeenCalledWith('job.state', expect.any(Function))
  })

  it('is frozen, so page scripts cannot swap its methods', () => {
    const api = createApi(fakeIpc().ipc)
    expect(Object.isFrozen(api)).toBe(true)
  })
})
