import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventChannel } from '../../src-preload/contract/channels'
import { testAppInfo } from '../../test/fixtures/app-info'
import { JobManager } from '../core/jobs/job-manager'
import { fakeRunners, FakeManagerClock } from '../core/jobs/job-manager-fakes'
import { ProfileStore } from '../core/profiles'
import { jobInput, s3Input, swiftInput } from '../core/profiles/test-fixtures'
import { MemoryVault } from '../core/secrets'
import { SettingsStore } from '../core/settings'
import { createHandlers } from './handlers'
import { createRouter } from './router'
import { openScheduleHost } from './schedule-host'

const dirs: string[] = []
const managers: JobManager[] = []
afterEach(async () => {
  // History is written in the background; let it land before its folder goes.
  for (const manager of managers.splice(0)) await manager.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 })
})

/** Both shells' wiring over a temporary data folder: profiles, vault, job manager, settings, schedules. */
async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'schedule-host-'))
  dirs.push(dir)
  const clock = new FakeManagerClock(Date.parse('2030-01-07T10:00:00Z'))
  const { factory, runners } = fakeRunners()
  const manager = await JobManager.open({
    historyDir: join(dir, 'history'),
    tool: { name: 'swift2s3', version: 'test' },
    startedBy: 'tester@host',
    clock,
    runJob: factory,
  })
  managers.push(manager)
  const profiles = new ProfileStore({ cwd: dir })
  const vault = new MemoryVault()
  const settings = new SettingsStore({ cwd: dir })
  const jobs = { manager: () => manager, logDir: join(dir, 'logs') }
  const sent: { event: EventChannel; payload: unknown }[] = []
  const host = openScheduleHost({
    dataDir: dir,
    manager,
    settings,
    profiles: () => profiles,
    vault,
    jobs,
    clock,
    send: (event, payload) => sent.push({ event, payload }),
    log: () => {},
  })
  const router = createRouter(
    createHandlers({
      info: testAppInfo('browser'),
      profiles: () => profiles,
      vault,
      jobs,
      settings: { store: settings, dataDir: dir },
      schedules: () => host.scheduler,
    }),
  )
  const swift = profiles.swift.save(swiftInput())
  const s3 = profiles.s3.save(s3Input())
  const definition = profiles.jobs.save(jobInput(swift.id, s3.id))
  await vault.set(`profile:${swift.id}:applicationCredentialSecret`, 'app-secret')
  await vault.set(`profile:${s3.id}:secretAccessKey`, 's3-secret')
  const call = (channel: string, input?: unknown) => router.dispatch(channel, input)
  return { dir, clock, manager, runners, settings, host, sent, call, definition }
}

const draft = (definitionId: string, overrides: Record<string, unknown> = {}) => ({
  name: 'Nightly',
  definitionId,
  trigger: { type: 'weekly', days: ['mon', 'tue', 'wed', 'thu', 'fri'], time: '02:00' },
  timeZone: 'Europe/Berlin',
  ...overrides,
})

describe('schedules over the IPC router', () => {
  it('refuses a bad draft naming the field, and writes nothing', async () => {
    const t = await setup()
    const result = await t.call(
      'schedules.save',
      draft(t.definition.id, { trigger: { type: 'daily', time: '2:00' } }),
    )
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringMatching(/trigger\.time must be HH:MM/),
        field: 'trigger.time',
      },
    })
    const missing = await t.call('schedules.save', draft('no-such-migration'))
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'definitionId' } })
    expect(JSON.parse(readFileSync(join(t.dir, 'schedules.json'), 'utf8')).schedules).toEqual([])
    t.host.stop()
  })

  it('saves, says the secrets are for this session only, and pushes the new list', async () => {
    const t = await setup()
    const result = await t.call('schedules.save', draft(t.definition.id))
    if (!result.ok) throw new Error(result.error.message)
    const saved = result.value as {
      schedule: { id: string; nextRun: string; description: string; definitionName: string }
      unattended: { ok: boolean; problems: string[] }
    }
    expect(saved.schedule).toMatchObject({
      description: 'every weekday at 02:00, Europe/Berlin',
      definitionName: 'Nightly media',
      nextRun: '2030-01-08T01:00:00.000Z',
    })
    // The memory vault keeps secrets for this session only: a run after a restart could not sign in.
    expect(saved.unattended.ok).toBe(false)
    expect(saved.unattended.problems).toEqual([
      expect.stringMatching(
        /Swift profile "Prod Swift" keeps its application credential secret for this session only/,
      ),
      expect.stringMatching(/S3 profile "AWS archive" keeps its secret access key for this session only/),
    ])
    expect(t.sent.at(-1)).toMatchObject({
      event: 'schedules.changed',
      payload: { schedules: [{ id: saved.schedule.id }] },
    })
    const list = await t.call('schedules.list')
    expect(list).toMatchObject({ ok: true, value: [{ id: saved.schedule.id, enabled: true }] })
    t.host.stop()
  })

  it('previews five runs, their DST notes and the check, without saving', async () => {
    const t = await setup()
    const result = await t.call('schedules.preview', {
      trigger: { type: 'weekly', days: ['sun'], time: '02:30' },
      timeZone: 'Europe/Berlin',
      definitionId: t.definition.id,
    })
    if (!result.ok) throw new Error(result.error.message)
    const preview = result.value as { description: string; nextRuns: { at: string; note: string | null }[] }
    expect(preview.description).toBe('every Sunday at 02:30, Europe/Berlin')
    expect(preview.nextRuns).toHaveLength(5)
    expect(preview.nextRuns[0]).toEqual({ at: '2030-01-13T01:30:00.000Z', note: null })
    expect(await t.call('schedules.list')).toEqual({ ok: true, value: [] })
    const bad = await t.call('schedules.preview', {
      trigger: { type: 'cron', expression: 'nope' },
      timeZone: 'UTC',
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'trigger.expression' } })
    t.host.stop()
  })

  it('runs now, marked with its schedule, and turns off, on and away', async () => {
    const t = await setup()
    const saved = await t.call('schedules.save', draft(t.definition.id))
    if (!saved.ok) throw new Error(saved.error.message)
    const id = (saved.value as { schedule: { id: string } }).schedule.id
    const run = await t.call('schedules.runNow', { id })
    expect(run).toMatchObject({
      ok: true,
      value: { scheduleId: id, trigger: 'manual', name: 'Nightly media' },
    })
    expect(t.runners).toHaveLength(1)
    const off = await t.call('schedules.setEnabled', { id, enabled: false })
    expect(off).toMatchObject({ ok: true, value: { schedule: { enabled: false, nextRun: null } } })
    expect(await t.call('schedules.delete', { id })).toEqual({ ok: true, value: { id } })
    expect(await t.call('schedules.get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    t.host.stop()
  })

  it('keeps global windows, applied under the limit Settings sets', async () => {
    const t = await setup()
    t.settings.save({ globalBandwidthMb: 50 })
    // Monday 7 January 2030, 10:00 UTC = 11:00 in Berlin: inside an office-hours window.
    const windows = {
      timeZone: 'Europe/Berlin',
      windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00', limitMb: 2 }],
    }
    expect(await t.call('schedules.windows.save', windows)).toEqual({ ok: true, value: windows })
    expect(await t.call('schedules.windows.get')).toEqual({ ok: true, value: windows })
    expect(t.manager.settings().globalBandwidthMb).toBe(2)
    // A higher limit from Settings: the open window keeps the jobs under its own.
    t.settings.save({ globalBandwidthMb: 80 })
    expect(t.manager.settings().globalBandwidthMb).toBe(2)
    t.clock.advance(7 * 3_600_000)
    expect(t.manager.settings().globalBandwidthMb).toBe(80)
    const bad = await t.call('schedules.windows.save', {
      timeZone: 'Europe/Berlin',
      windows: [{ ...windows.windows[0], limitMb: -1 }],
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'windows.0.limitMb' } })
    t.host.stop()
  })
})
