import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../src-preload/contract/settings'
import { AppError } from '../errors'
import { migrateSettings } from './migrations'
import { SettingsStore } from './settings-store'

let dir: string
let file: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'settings-store-'))
  file = join(dir, 'settings.json')
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

function stored(): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
}

function thrown(action: () => unknown): AppError {
  try {
    action()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected an AppError')
}

describe('SettingsStore', () => {
  it('starts from the defaults and keeps a saved change across a restart', () => {
    const store = new SettingsStore({ cwd: dir })
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    expect(store.problem).toBeUndefined()

    const saved = store.save({
      globalWorkerCap: 12,
      globalBandwidthMb: 2.5,
      notifications: { onFinish: false },
    })
    expect(saved.globalWorkerCap).toBe(12)
    expect(saved.notifications).toEqual({ onFinish: false, onCredentials: true })
    expect(stored()).toMatchObject({ schemaVersion: 1, globalWorkerCap: 12, globalBandwidthMb: 2.5 })

    const reopened = new SettingsStore({ cwd: dir })
    expect(reopened.get()).toEqual({
      ...DEFAULT_SETTINGS,
      globalWorkerCap: 12,
      globalBandwidthMb: 2.5,
      notifications: { onFinish: false, onCredentials: true },
    })
  })

  it.each([
    [{ globalWorkerCap: 0 }, 'globalWorkerCap', 'globalWorkerCap must be a whole number from 1 to 256'],
    [{ globalWorkerCap: 2.5 }, 'globalWorkerCap', 'globalWorkerCap must be a whole number from 1 to 256'],
    [{ defaultWorkers: 300 }, 'defaultWorkers', 'defaultWorkers must be a whole number from 1 to 256'],
    [{ globalBandwidthMb: -1 }, 'globalBandwidthMb', 'globalBandwidthMb must be a number of MB/s'],
    [
      { multipartThresholdMb: 4 },
      'multipartThresholdMb',
      'multipartThresholdMb must be a whole number from 8',
    ],
    [{ partBudgetMb: '512' }, 'partBudgetMb', 'partBudgetMb must be a whole number from 8 to 65536'],
    [{ logRetentionDays: 0 }, 'logRetentionDays', 'logRetentionDays must be a whole number of days'],
    [{ logDir: 'relative/logs' }, 'logDir', 'logDir must be an absolute folder path'],
    [{ closeToTray: 'yes' }, 'closeToTray', 'closeToTray must be on or off'],
    [
      { notifications: { onFinish: 1 } },
      'notifications.onFinish',
      'notifications.onFinish must be on or off',
    ],
  ])('refuses %j naming the field, and writes nothing', (update, field, message) => {
    const store = new SettingsStore({ cwd: dir })
    store.save({ globalWorkerCap: 8 })
    const before = readFileSync(file, 'utf8')
    const error = thrown(() => store.save(update as never))
    expect(error.code).toBe('VALIDATION')
    expect(error.field).toBe(field)
    expect(error.message).toContain(message)
    expect(readFileSync(file, 'utf8')).toBe(before)
    expect(store.get().globalWorkerCap).toBe(8)
  })

  it('refuses a field it does not know', () => {
    const error = thrown(() => new SettingsStore({ cwd: dir }).save({ workers: 3 } as never))
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'workers' })
  })

  it('tells listeners after a save, with the settings before it', () => {
    const store = new SettingsStore({ cwd: dir })
    const listener = vi.fn()
    const off = store.on(listener)
    store.save({ partBudgetMb: 256 })
    expect(listener).toHaveBeenCalledWith(
      expect.objectContaining({ partBudgetMb: 256 }),
      expect.objectContaining({ partBudgetMb: 512 }),
    )
    off()
    store.save({ partBudgetMb: 128 })
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('falls back to the default for a bad hand-edited value only, and says which', () => {
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        globalWorkerCap: 'lots',
        defaultWorkers: 4,
        notifications: { onFinish: false },
      }),
    )
    const store = new SettingsStore({ cwd: dir })
    expect(store.get()).toMatchObject({
      globalWorkerCap: DEFAULT_SETTINGS.globalWorkerCap,
      defaultWorkers: 4,
      // A notification kind missing from an older file takes its default; the other is kept.
      notifications: { onFinish: false, onCredentials: true },
    })
    expect(store.problem).toContain('globalWorkerCap must be a whole number from 1 to 256')
    // Saving writes a valid file again and the note goes away.
    store.save({ defaultWorkers: 5 })
    expect(store.problem).toBeUndefined()
    expect(stored()['globalWorkerCap']).toBe(DEFAULT_SETTINGS.globalWorkerCap)
  })

  it('moves a file that is not JSON aside and starts from the defaults', () => {
    writeFileSync(file, '{ "globalWorkerCap": 12,')
    const store = new SettingsStore({ cwd: dir, now: () => new Date('2030-01-02T03:04:05Z') })
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    expect(store.problem).toMatch(
      /could not be read .* moved to .*settings\.unreadable-2030-01-02T03-04-05-000Z\.json/,
    )
    expect(readFileSync(join(dir, 'settings.unreadable-2030-01-02T03-04-05-000Z.json'), 'utf8')).toBe(
      '{ "globalWorkerCap": 12,',
    )
    store.save({ globalWorkerCap: 3 })
    expect(stored()['globalWorkerCap']).toBe(3)
  })

  it('starts with the defaults when the file cannot be opened at all, and says why', () => {
    mkdirSync(file)
    const store = new SettingsStore({ cwd: dir })
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    expect(store.problem).toMatch(/could not be opened .*EISDIR/)
    expect(thrown(() => store.save({ globalWorkerCap: 4 }))).toMatchObject({ code: 'UNAVAILABLE' })
  })

  it('keeps settings it does not know when it writes (a newer app may have added them)', () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, scheduleWindowMb: 3 }))
    new SettingsStore({ cwd: dir }).save({ startAtLogin: true })
    expect(stored()).toMatchObject({ scheduleWindowMb: 3, startAtLogin: true, schemaVersion: 1 })
  })

  it('leaves a file from a newer app alone and refuses to overwrite it', () => {
    const newer = JSON.stringify({ schemaVersion: 9, globalWorkerCap: 3 })
    writeFileSync(file, newer)
    const store = new SettingsStore({ cwd: dir })
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    expect(store.problem).toContain('newer version')
    expect(thrown(() => store.save({ globalWorkerCap: 4 })).code).toBe('UNAVAILABLE')
    expect(readFileSync(file, 'utf8')).toBe(newer)
  })

  it('upgrades an older document through its steps and keeps a backup of the original', () => {
    // Format 1 kept the bandwidth in KB/s under another name; format 2 (in this test) uses MB/s.
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, globalBandwidthKb: 2500, defaultWorkers: 6 }))
    const migrations = {
      1: ({ globalBandwidthKb, ...rest }: Record<string, unknown>) => ({
        ...rest,
        globalBandwidthMb: typeof globalBandwidthKb === 'number' ? globalBandwidthKb / 1000 : null,
        schemaVersion: 2,
      }),
    }
    const store = new SettingsStore({ cwd: dir, migrations, format: 2 })
    expect(store.get()).toMatchObject({ globalBandwidthMb: 2.5, defaultWorkers: 6 })
    expect(stored()).toMatchObject({ schemaVersion: 2, globalBandwidthMb: 2.5 })
    expect(stored()).not.toHaveProperty('globalBandwidthKb')
    expect(JSON.parse(readFileSync(join(dir, 'settings.v1.backup.json'), 'utf8'))).toEqual({
      schemaVersion: 1,
      globalBandwidthKb: 2500,
      defaultWorkers: 6,
    })
  })

  it('does not write an upgrade that would lose a value', () => {
    const original = JSON.stringify({ schemaVersion: 1, defaultWorkers: 6 })
    writeFileSync(file, original)
    const migrations = {
      1: (doc: Record<string, unknown>) => ({ ...doc, defaultWorkers: 'six', schemaVersion: 2 }),
    }
    const store = new SettingsStore({ cwd: dir, migrations, format: 2 })
    expect(store.problem).toContain('could not be upgraded from format 1')
    expect(readFileSync(file, 'utf8')).toBe(original)
    expect(readdirSync(dir).filter((name) => name.includes('backup'))).toEqual([])
  })
})

describe('migrateSettings', () => {
  it('stops at a step that does not raise the version instead of looping', () => {
    expect(() => migrateSettings({ schemaVersion: 1 }, { 1: (doc) => doc }, 2)).toThrow(/did not advance/)
  })

  it('says when no step exists from a format', () => {
    expect(() => migrateSettings({ schemaVersion: 1 }, {}, 2)).toThrow(/No migration from settings format 1/)
  })

  it('leaves a current document as it is', () => {
    const doc = { schemaVersion: 1, defaultWorkers: 3 }
    expect(migrateSettings(doc)).toBe(doc)
    expect(existsSync(file)).toBe(false)
  })
})
