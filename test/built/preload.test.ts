import { readFileSync } from 'node:fs'
import { createContext, Script } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { invokeChannels } from '../../src-preload/contract/channels'
import { requireBuilt } from './out-dir'

interface ExposedApi {
  mode: string
  invoke(channel: string, input?: unknown): Promise<unknown>
  on(event: string, listener: () => void): () => void
}

/**
 * Runs the built preload as Electron's sandbox would: CommonJS, and a `require` that can resolve
 * nothing but `electron`. A preload that needed any other module would throw here.
 */
function loadPreload() {
  const exposed = new Map<string, unknown>()
  const invoked: Array<[string, unknown]> = []
  const requested: string[] = []
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        invoked.push([channel, input])
        return { ok: true, value: channel }
      },
      on: () => {},
      removeListener: () => {},
    },
  }
  const sandboxRequire = (id: string): unknown => {
    requested.push(id)
    if (id === 'electron') return electron
    throw new Error(`A sandboxed preload cannot require "${id}"`)
  }
  const module = { exports: {} }
  const source = readFileSync(requireBuilt('preload', 'index.cjs'), 'utf8')
  const wrapper = new Script(`(function (require, module, exports) {${source}\n})`, { filename: 'index.cjs' })
  const fn = wrapper.runInContext(createContext({ console, Promise, Object, Error })) as (
    r: typeof sandboxRequire,
    m: typeof module,
    e: object,
  ) => void
  fn(sandboxRequire, module, module.exports)
  return { exposed, invoked, requested }
}

describe('built preload (out/preload/index.cjs)', () => {
  const { exposed, invoked, requested } = loadPreload()
  const api = exposed.get('api') as ExposedApi

  it('is CommonJS that requires only electron', () => {
    expect(requested).toEqual(['electron'])
  })

  it('exposes exactly one global, window.api, in desktop mode', () => {
    expect([...exposed.keys()]).toEqual(['api'])
    expect(api.mode).toBe('desktop')
    expect(Object.keys(api).sort()).toEqual(['invoke', 'mode', 'on'])
  })

  it('forwards every channel of the contract table', async () => {
    for (const channel of Object.keys(invokeChannels)) {
      expect(await api.invoke(channel)).toEqual({ ok: true, value: channel })
    }
    expect(invoked.map(([channel]) => channel)).toEqual(Object.keys(invokeChannels))
  })

  it('refuses channels outside the table without touching ipcRenderer', async () => {
    const before = invoked.length
    const result = (await api.invoke('shell.openExternal', 'https://evil.example')) as { ok: boolean }
    expect(result.ok).toBe(false)
    expect(invoked.length).toBe(before)
    expect(() => api.on('ipc.any', () => {})).toThrow()
  })
})
