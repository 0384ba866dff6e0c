import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../src-preload/contract/settings'
import { ipcHarness, tempSettings, valueOf } from './test-support'

let harness: ReturnType<typeof ipcHarness> | undefined

afterEach(() => harness?.cleanup())

function setup(chooseDirectory?: (current: string) => Promise<string | null>) {
  harness = ipcHarness({ settings: (dir) => tempSettings(dir, chooseDirectory) })
  return harness
}

describe('settings channels', () => {
  it('settings.get answers the settings, the log folder in force and where they are kept', async () => {
    const ipc = setup()
    const view = valueOf(await ipc.call('settings.get'))
    expect(view).toEqual({
      settings: DEFAULT_SETTINGS,
      logDir: join(ipc.dir, 'logs'),
      defaultLogDir: join(ipc.dir, 'logs'),
      file: join(ipc.dir, 'settings.json'),
      desktop: false,
    })
  })

  it('settings.save changes only the fields given and answers the full settings', async () => {
    const ipc = setup()
    const view = valueOf(
      await ipc.call('settings.save', { globalWorkerCap: 8, notifications: { onCredentials: false } }),
    )
    expect(view.settings).toEqual({
      ...DEFAULT_SETTINGS,
      globalWorkerCap: 8,
      notifications: { onFinish: true, onCredentials: false },
    })
    expect(valueOf(await ipc.call('settings.get')).settings.globalWorkerCap).toBe(8)
  })

  it('a bad value comes back as VALIDATION naming the field, and nothing is saved', async () => {
    const ipc = setup()
    const result = await ipc.call('settings.save', { globalWorkerCap: 500, defaultWorkers: 4 })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'globalWorkerCap must be a whole number from 1 to 256',
        field: 'globalWorkerCap',
      },
    })
    expect(valueOf(await ipc.call('settings.get')).settings.defaultWorkers).toBe(16)
  })

  it('refuses a folder path from the page: the log folder is chosen in main only', async () => {
    const ipc = setup()
    const result = await ipc.call('settings.save', { logDir: '/etc' })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'logDir' } })
    expect(await ipc.call('settings.save', { mystery: 1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'mystery' },
    })
  })

  it('settings.chooseLogDir is unavailable in browser mode, saying where the logs are', async () => {
    const ipc = setup()
    const result = await ipc.call('settings.chooseLogDir')
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    expect(!result.ok && result.error.message).toContain(join(ipc.dir, 'logs'))
  })

  it('settings.chooseLogDir takes the folder from main own dialog, creating it', async () => {
    const chosen = vi.fn(async (_current: string): Promise<string | null> => null)
    const ipc = setup((current) => chosen(current))
    const folder = join(ipc.dir, 'elsewhere', 'logs')
    chosen.mockResolvedValueOnce(folder)
    const view = valueOf(await ipc.call('settings.chooseLogDir'))
    expect(chosen).toHaveBeenCalledWith(join(ipc.dir, 'logs'))
    expect(view).toMatchObject({ desktop: true, logDir: folder, settings: { logDir: folder } })
    expect(existsSync(folder)).toBe(true)

    // Cancelled: nothing changes. Back to the default: stored as null.
    expect(valueOf(await ipc.call('settings.chooseLogDir')).logDir).toBe(folder)
    expect(valueOf(await ipc.call('settings.save', { logDir: null })).logDir).toBe(join(ipc.dir, 'logs'))
  })

  it('refuses a folder the app cannot create or write to, and keeps the old one', async () => {
    const chosen = vi.fn<(current: string) => Promise<string | null>>()
    const ipc = setup(chosen)
    // A path under a file cannot be a folder, whoever runs the test (root may write anywhere else).
    const file = join(ipc.dir, 'a-file')
    writeFileSync(file, '')
    chosen.mockResolvedValueOnce(join(file, 'logs'))
    const result = await ipc.call('settings.chooseLogDir')
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'logDir' } })
    expect(!result.ok && result.error.message).toContain('cannot be written to (ENOTDIR)')
    expect(valueOf(await ipc.call('settings.get')).logDir).toBe(join(ipc.dir, 'logs'))
  })
})
