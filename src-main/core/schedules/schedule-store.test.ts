import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import { migrateScheduleDocument } from './schedule-document'
import { ScheduleStore } from './schedule-store'

let dir: string
let time: number
let store: ScheduleStore

function open(): ScheduleStore {
  let ids = 0
  return new ScheduleStore({
    cwd: dir,
    now: () => time,
    newId: () => `sched-${++ids}`,
    defaultTimeZone: 'Europe/Berlin',
  })
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'schedule-store-'))
  time = Date.parse('2026-05-06T10:00:00Z')
  store = open()
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const draft = (overrides: Record<string, unknown> = {}) => ({
  name: 'Nightly catch-up',
  definitionId: 'def-1',
  trigger: { type: 'daily', time: '02:00' },
  timeZone: 'Europe/Berlin',
  ...overrides,
})

function errorOf(run: () => unknown): AppError {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected an AppError')
}

const fileText = () => readFileSync(join(dir, 'schedules.json'), 'utf8')

describe('ScheduleStore', () => {
  it('saves a schedule with defaults and reads it back from a versioned file', () => {
    const saved = store.save(draft())
    expect(saved).toEqual({
      id: 'sched-1',
      name: 'Nightly catch-up',
      definitionId: 'def-1',
      trigger: { type: 'daily', time: '02:00' },
      timeZone: 'Europe/Berlin',
      enabled: true,
      bandwidthWindows: [],
      credentialsWaitMinutes: 15,
      createdAt: '2026-05-06T10:00:00.000Z',
      updatedAt: '2026-05-06T10:00:00.000Z',
      handledUntil: '2026-05-06T10:00:00.000Z',
      lastRun: null,
    })
    expect(JSON.parse(fileText())).toMatchObject({
      schemaVersion: 1,
      globalWindows: { timeZone: 'Europe/Berlin', windows: [] },
    })
    expect(open().get('sched-1')).toEqual(saved)
  })

  it.each([
    [{ trigger: { type: 'daily', time: '2am' } }, 'trigger.time', /trigger\.time must be HH:MM/],
    [{ trigger: { type: 'daily', time: '24:00' } }, 'trigger.time', /from 00:00 to 23:59/],
    [{ trigger: { type: 'weekly', days: [], time: '02:00' } }, 'trigger.days', /at least one day/],
    [{ trigger: { type: 'weekly', days: ['monday'], time: '02:00' } }, 'trigger.days.0', /one of mon, tue/],
    [{ trigger: { type: 'once', at: '2026-02-30T02:00' } }, 'trigger.at', /not a date in the calendar/],
    [
      { trigger: { type: 'cron', expression: '61 2 * * *' } },
      'trigger.expression',
      /five fields.*minute: 61/,
    ],
    [{ trigger: { type: 'cron', expression: '0 0 2 * * *' } }, 'trigger.expression', /five fields/],
    [{ trigger: { type: 'cron', expression: '0 2 30 2 *' } }, 'trigger.expression', /never matches/],
    [{ trigger: { type: 'hourly' } }, 'trigger.type', /one of once, daily, weekly, cron/],
    [{ timeZone: 'Europe/Atlantis' }, 'timeZone', /IANA time zone/],
    [{ name: '  ' }, 'name', /must not be empty/],
    [{ credentialsWaitMinutes: -1 }, 'credentialsWaitMinutes', /must not be negative/],
    [{ credentialsWaitMinutes: 2.5 }, 'credentialsWaitMinutes', /whole number/],
    [
      { bandwidthWindows: [{ days: ['mon'], start: '08:00', end: '08:00', limitMb: 2 }] },
      'bandwidthWindows.0.end',
      /another time than it starts/,
    ],
    [
      { bandwidthWindows: [{ days: ['mon'], start: '08:00', end: '18:00', limitMb: 0 }] },
      'bandwidthWindows.0.limitMb',
      /more than 0 MB\/s/,
    ],
    [{ surprise: 1 }, 'surprise', /not a known field/],
  ])('refuses %j, naming %s, and writes nothing', (overrides, field, message) => {
    const before = fileText()
    const error = errorOf(() => store.save(draft(overrides)))
    expect(error.code).toBe('VALIDATION')
    expect(error.field).toBe(field)
    expect(error.message).toMatch(message)
    expect(fileText()).toBe(before)
  })

  it('refuses a once in the past, and a second schedule with the same name', () => {
    const past = errorOf(() => store.save(draft({ trigger: { type: 'once', at: '2026-05-06T11:59' } })))
    expect(past).toMatchObject({ code: 'VALIDATION', field: 'trigger.at' })
    expect(past.message).toMatch(/in the past in Europe\/Berlin/)
    store.save(draft())
    expect(errorOf(() => store.save(draft({ name: 'NIGHTLY catch-up ' })))).toMatchObject({
      code: 'CONFLICT',
      field: 'name',
    })
  })

  it('counts due times from the save when a schedule is created, retimed or enabled, not on a rename', () => {
    const first = store.save(draft())
    time += 3_600_000
    store.recordRun(first.id, { handledUntil: time - 60_000 })
    const renamed = store.save({ ...draft({ name: 'Renamed' }), id: first.id })
    expect(renamed.handledUntil).toBe(new Date(time - 60_000).toISOString())
    expect(renamed.createdAt).toBe(first.createdAt)
    time += 60_000
    const retimed = store.save({ ...draft({ trigger: { type: 'daily', time: '03:00' } }), id: first.id })
    expect(retimed.handledUntil).toBe(new Date(time).toISOString())
    store.setEnabled(first.id, false)
    time += 60_000
    expect(store.setEnabled(first.id, true).handledUntil).toBe(new Date(time).toISOString())
  })

  it('keeps days in week order without repeats', () => {
    const saved = store.save(
      draft({ trigger: { type: 'weekly', days: ['fri', 'mon', 'fri'], time: '02:00' } }),
    )
    expect(saved.trigger).toEqual({ type: 'weekly', days: ['mon', 'fri'], time: '02:00' })
  })

  it('deletes, and says NOT_FOUND for an id it does not know', () => {
    const saved = store.save(draft())
    expect(store.delete(saved.id).id).toBe(saved.id)
    expect(store.list()).toEqual([])
    expect(errorOf(() => store.get(saved.id)).code).toBe('NOT_FOUND')
    expect(errorOf(() => store.save({ ...draft(), id: 'nope' })).code).toBe('NOT_FOUND')
    expect(store.recordRun('nope', { handledUntil: 0 })).toBeUndefined()
  })

  it('keeps the global windows, validated the same way', () => {
    const windows = {
      timeZone: 'UTC',
      windows: [{ days: ['mon', 'tue'], start: '08:00', end: '18:00', limitMb: 2 }],
    }
    expect(store.saveGlobalWindows(windows)).toEqual(windows)
    expect(open().globalWindows()).toEqual(windows)
    const error = errorOf(() =>
      store.saveGlobalWindows({ timeZone: 'UTC', windows: [{ ...windows.windows[0], start: '8' }] }),
    )
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'windows.0.start' })
    expect(error.message).toMatch(/^Bandwidth windows: windows\.0\.start must be HH:MM/)
  })

  it('refuses a file from a newer version and leaves it untouched', () => {
    writeFileSync(join(dir, 'schedules.json'), JSON.stringify({ schemaVersion: 9, schedules: [] }))
    expect(() => open()).toThrow(/newer version of swift2s3 \(format 9/)
    expect(readdirSync(dir)).toEqual(['schedules.json'])
  })

  it('migrates step by step and refuses a step that does not advance', () => {
    const steps = { 1: (d: Record<string, unknown>) => ({ ...d, schemaVersion: 2, extra: true }) }
    expect(migrateScheduleDocument({ schemaVersion: 1 }, steps, 2)).toEqual({ schemaVersion: 2, extra: true })
    expect(() => migrateScheduleDocument({ schemaVersion: 1 }, { 1: (d) => d }, 2)).toThrow(/did not advance/)
  })
})
