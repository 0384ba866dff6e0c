import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { app } from '../../test/mocks/electron'
import { applyStartAtLogin, autostartEntry, startedAtLogin } from './login-item'

let config: string

beforeEach(() => {
  config = mkdtempSync(join(tmpdir(), 'autostart-'))
  app.isPackaged = true
  app.setLoginItemSettings.mockClear()
})

afterEach(() => rmSync(config, { recursive: true, force: true }))

describe('start at login', () => {
  it('on Linux writes an XDG autostart entry that starts the AppImage hidden, and removes it', async () => {
    const env = { XDG_CONFIG_HOME: config, APPIMAGE: '/home/ops/Apps/Swift to S3.AppImage' }
    const context = { app: app as never, platform: 'linux' as const, env }
    await applyStartAtLogin(true, context)
    const file = join(config, 'autostart', 'swift2s3.desktop')
    expect(readFileSync(file, 'utf8')).toContain('Exec="/home/ops/Apps/Swift to S3.AppImage" --hidden')
    await applyStartAtLogin(false, context)
    expect(existsSync(file)).toBe(false)
  })

  it('on macOS and Windows registers a login item', async () => {
    await applyStartAtLogin(true, { app: app as never, platform: 'win32' })
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: ['--hidden'] })
    await applyStartAtLogin(false, { app: app as never, platform: 'darwin' })
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false, args: ['--hidden'] })
  })

  it('registers nothing from a development build', async () => {
    app.isPackaged = false
    const env = { XDG_CONFIG_HOME: config }
    expect(await applyStartAtLogin(true, { app: app as never, platform: 'linux', env })).toMatch(
      /installed app/,
    )
    expect(existsSync(join(config, 'autostart'))).toBe(false)
    expect(app.setLoginItemSettings).not.toHaveBeenCalled()
  })

  it('escapes what the desktop-entry format reserves in the program path', () => {
    expect(autostartEntry('/opt/a "b"/$x')).toContain('Exec="/opt/a \\"b\\"/\\$x" --hidden')
  })

  it('knows a login start by its flag, or on macOS by what the system says', () => {
    expect(startedAtLogin(['/app', '--hidden'], { app: app as never, platform: 'linux' })).toBe(true)
    expect(startedAtLogin(['/app'], { app: app as never, platform: 'linux' })).toBe(false)
    vi.mocked(app.getLoginItemSettings).mockReturnValueOnce({ wasOpenedAtLogin: true })
    expect(startedAtLogin(['/app'], { app: app as never, platform: 'darwin' })).toBe(true)
  })
})
