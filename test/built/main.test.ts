import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { invokeChannels } from '../../src-preload/contract/channels'
import { CONTENT_SECURITY_POLICY } from '../../src-main/common/csp'
import { requireBuilt } from './out-dir'

/** What load-main.mjs saw the built main process register. */
interface Observed {
  singleInstanceLock: boolean
  privilegedSchemes: Array<{ scheme: string; privileges: Record<string, boolean> }>
  windowCount: number
  ipcHandlersAtWindow: number | null
  relaunchAfterStart: { windowCount: number; shown: number; focused: number } | null
  webPreferences: Record<string, unknown> | null
  loadedUrl: string | null
  windowOpen: { action: string } | null
  navigationBlocked: boolean | null
  webviewBlocked: boolean | null
  permissionAnswers: boolean[]
  permissionCheck: boolean | null
  ipcChannels: string[]
  ipcFromForeignPage: { ok: boolean; error?: { code: string } } | null
  ipcFromApp: { ok: boolean; value?: { mode: string } } | null
  index: { status: number; csp: string | null; body: string } | null
  escapeStatus: number | null
  trayImages: (string | null)[]
  trayMenu: string[]
}

function loadBuiltMain(): Observed {
  const main = requireBuilt('main', 'index.js')
  const output = execFileSync(process.execPath, [join(import.meta.dirname, 'load-main.mjs'), main], {
    encoding: 'utf8',
    timeout: 20_000,
  })
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Observed
}

describe('built main process (out/main/index.js) under an electron stub', () => {
  const seen = loadBuiltMain()

  it('takes the single-instance lock and opens one window on app://', () => {
    expect(seen.singleInstanceLock).toBe(true)
    expect(seen.windowCount).toBe(1)
    expect(seen.loadedUrl).toBe('app://renderer/index.html')
    expect(seen.privilegedSchemes.map((s) => s.scheme)).toEqual(['app'])
  })

  it('opens the window only once every IPC handler is bound, though relaunched while starting', () => {
    // load-main.mjs emits second-instance every millisecond from the moment the app is loaded.
    expect(seen.windowCount).toBe(1)
    expect(seen.ipcHandlersAtWindow).toBe(Object.keys(invokeChannels).length)
  })

  it('brings the existing window to the front when relaunched after start-up', () => {
    expect(seen.relaunchAfterStart).toEqual({ windowCount: 1, shown: 1, focused: 1 })
  })

  it('opens the window sandboxed, isolated and without Node, with the CJS preload', () => {
    expect(seen.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    })
    expect(String(seen.webPreferences?.['preload'])).toMatch(/out\/preload\/index\.cjs$/)
  })

  it('serves the renderer with the CSP and refuses to serve files outside it', () => {
    expect(seen.index?.status).toBe(200)
    expect(seen.index?.csp).toBe(CONTENT_SECURITY_POLICY)
    expect(seen.index?.body).toContain('<div id="root">')
    expect(seen.escapeStatus).toBe(404)
  })

  it('denies window.open, foreign navigation, webviews and every permission', () => {
    expect(seen.windowOpen).toEqual({ action: 'deny' })
    expect(seen.navigationBlocked).toBe(true)
    expect(seen.webviewBlocked).toBe(true)
    expect(seen.permissionAnswers).toEqual([false, false, false, false])
    expect(seen.permissionCheck).toBe(false)
  })

  it('has a handler for every contract channel, refusing foreign senders', () => {
    expect(seen.ipcChannels.sort()).toEqual(Object.keys(invokeChannels).sort())
    expect(seen.ipcFromForeignPage).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(seen.ipcFromApp).toMatchObject({ ok: true, value: { mode: 'desktop' } })
  })

  it('puts one icon in the tray, from an image the app ships, with Open, Pause all and Quit', () => {
    expect(seen.trayImages).toHaveLength(1)
    expect(existsSync(seen.trayImages[0] ?? '')).toBe(true)
    expect(seen.trayMenu).toEqual(expect.arrayContaining(['Open Swift to S3', 'Pause all', 'Quit']))
  })
})
