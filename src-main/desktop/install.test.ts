import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { app, BrowserWindow, Notification, Tray } from '../../test/mocks/electron'
import { fakeOutcome, fakeSpec } from '../core/jobs/job-manager-fakes'
import { SettingsStore } from '../core/settings'
import { installDesktop } from './install'
import { managerWithFakeRunners } from './test-support'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desktop-install-'))
  BrowserWindow.created.length = 0
  Tray.created.length = 0
  Notification.shown.length = 0
  vi.stubEnv('XDG_CONFIG_HOME', join(dir, 'config'))
  app.quit.mockClear()
})

afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(dir, { recursive: true, force: true })
})

async function setup(ready = true) {
  const { manager, runners } = await managerWithFakeRunners()
  const settings = new SettingsStore({ cwd: dir })
  const urls: string[] = []
  const shell = installDesktop({
    manager,
    settings,
    createWindow: (url) => {
      urls.push(url)
      return new BrowserWindow({}) as never
    },
    rendererUrl: 'app://renderer/index.html',
    resourcesDir: '/app/resources',
    log: () => {},
  })
  shell.show()
  if (ready) shell.ready()
  const window = BrowserWindow.created[0]!
  const close = (): boolean => {
    let prevented = false
    window.emit('close', { preventDefault: () => (prevented = true) })
    return prevented
  }
  return { manager, runners, settings, shell, window, close, urls }
}

describe('the desktop shell', () => {
  it('holds a show asked for during start-up (a relaunch, a notification) until main is ready', async () => {
    const { shell, urls } = await setup(false)
    shell.show('#/job/j1')
    shell.show()
    expect(BrowserWindow.created).toHaveLength(0)
    shell.ready()
    // One window, on the page asked for, once the IPC handlers can answer it.
    expect(urls).toEqual(['app://renderer/index.html#/job/j1'])
    shell.ready()
    expect(BrowserWindow.created).toHaveLength(1)
  })

  it('brings the open window to the front on a relaunch after start-up', async () => {
    const { shell, window } = await setup()
    shell.show()
    expect(BrowserWindow.created).toHaveLength(1)
    expect(window.show).toHaveBeenCalledTimes(1)
    expect(window.focus).toHaveBeenCalledTimes(1)
  })

  it('hides to the tray while a job runs, and closes once none does', async () => {
    const { manager, runners, close, window } = await setup()
    expect(close()).toBe(false)
    const job = manager.start({ spec: fakeSpec(), name: 'a' })
    expect(close()).toBe(true)
    expect(window.hide).toHaveBeenCalled()
    // The first hide says where the app went.
    expect(Notification.shown.map((n) => n.options.title)).toEqual(['Swift to S3 is still running'])
    runners[0]!.finish(fakeOutcome(0, 'completed'))
    await manager.settled(job.id)
    expect(close()).toBe(false)
  })

  it('stays in the tray while a schedule asks it to, or when Settings says so', async () => {
    const { shell, settings, close } = await setup()
    shell.keepInTray('schedules', true)
    expect(close()).toBe(true)
    shell.keepInTray('schedules', false)
    expect(close()).toBe(false)
    settings.save({ closeToTray: true })
    expect(close()).toBe(true)
  })

  it('opens the job page when its notification is clicked', async () => {
    const { manager, runners, window } = await setup()
    const job = manager.start({ spec: fakeSpec(), name: 'Photos' })
    runners[0]!.finish(fakeOutcome(0, 'completed'))
    await manager.settled(job.id)
    const shown = Notification.shown.find((n) => n.options.title === 'Migration finished: Photos')
    shown?.emit('click')
    expect(window.show).toHaveBeenCalled()
    expect(window.webContents.send).toHaveBeenCalledWith('app.navigate', { hash: `#/job/${job.id}` })
  })

  it('has a tray whose Quit quits and whose Pause all pauses what runs', async () => {
    const { manager } = await setup()
    const job = manager.start({ spec: fakeSpec(), name: 'a' })
    const tray = Tray.created[0]!
    tray.menu?.items.find((i) => i.label === 'Pause all')?.click?.()
    expect(manager.get(job.id).state).toBe('paused')
    tray.menu?.items.find((i) => i.label === 'Quit')?.click?.()
    expect(app.quit).toHaveBeenCalled()
  })

  it('registers the login item when Start at login is turned on', async () => {
    const { settings } = await setup()
    settings.save({ startAtLogin: true })
    const file = join(dir, 'config', 'autostart', 'swift2s3.desktop')
    await vi.waitFor(() => expect(existsSync(file)).toBe(true))
    settings.save({ startAtLogin: false })
    await vi.waitFor(() => expect(existsSync(file)).toBe(false))
  })
})
