import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeNativeImage, Tray } from '../../test/mocks/electron'
import { fakeSpec } from '../core/jobs/job-manager-fakes'
import { JobActivity } from './job-activity'
import { activityLine, createAppTray } from './tray'
import { trayIcon } from './tray-icon'
import { managerWithFakeRunners } from './test-support'

beforeEach(() => {
  Tray.created.length = 0
})

function item(tray: Tray, label: string) {
  const found = tray.menu?.items.find((i) => i.label === label)
  if (!found) throw new Error(`no menu item ${label}`)
  return found
}

describe('the tray', () => {
  it('offers Open, Pause all and Quit, and says what runs', async () => {
    const { manager } = await managerWithFakeRunners()
    const actions = { open: vi.fn(), pauseAll: vi.fn(), quit: vi.fn() }
    const { destroy } = createAppTray(
      new FakeNativeImage('/r/tray.png') as never,
      new JobActivity(manager),
      actions,
    )
    const tray = Tray.created[0]!
    expect(tray.menu?.items.map((i) => i.label ?? i.type)).toEqual([
      'No migrations running',
      'separator',
      'Open Swift to S3',
      'Pause all',
      'separator',
      'Quit',
    ])
    expect(item(tray, 'Pause all').enabled).toBe(false)

    const job = manager.start({ spec: fakeSpec(), name: 'a' })
    expect(tray.tooltip).toBe('Swift to S3: 1 migration running')
    expect(item(tray, 'Pause all').enabled).toBe(true)

    item(tray, 'Open Swift to S3').click?.()
    item(tray, 'Pause all').click?.()
    item(tray, 'Quit').click?.()
    tray.emit('click')
    expect(actions.open).toHaveBeenCalledTimes(2)
    expect(actions.pauseAll).toHaveBeenCalledTimes(1)
    expect(actions.quit).toHaveBeenCalledTimes(1)

    manager.pause(job.id)
    expect(tray.menu?.items[0]?.label).toBe('1 migration paused or queued')
    destroy()
    expect(tray.destroyed).toBe(true)
  })

  it('words the activity line for one and for many', () => {
    expect(activityLine(0, 0)).toBe('No migrations running')
    expect(activityLine(2, 3)).toBe('2 migrations running')
    expect(activityLine(0, 2)).toBe('2 migrations paused or queued')
  })

  it('uses a template image on macOS and the colour icon elsewhere', () => {
    const mac = trayIcon('/app/resources', 'darwin') as unknown as FakeNativeImage
    expect(mac.path).toBe('/app/resources/tray/trayTemplate.png')
    expect(mac.template).toBe(true)
    expect((trayIcon('/app/resources', 'win32') as unknown as FakeNativeImage).path).toBe(
      '/app/resources/tray/tray.png',
    )
    expect((trayIcon('/app/resources', 'linux') as unknown as FakeNativeImage).path).toBe(
      '/app/resources/tray/tray-32.png',
    )
  })
})
