import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeOutcome } from '../jobs/job-manager-fakes'
import { at, closeSchedulerTests, HOUR, MINUTE, setup } from './scheduler-test-support'

// Days of fake time step minute by minute (the scheduler's longest sleep); slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 })
afterEach(closeSchedulerTests)

describe('Scheduler: runs on time', () => {
  it('starts a daily schedule at its time, marked as scheduled, and not a minute before', async () => {
    const t = await setup()
    t.scheduler.start()
    const { schedule } = await t.save()
    expect(schedule.nextRun).toBe('2026-05-07T02:00:00.000Z')
    expect(schedule.description).toBe('every day at 02:00, UTC')
    await t.advanceTo('2026-05-07T01:59:00Z')
    expect(t.runners).toHaveLength(0)
    await t.advance(MINUTE)
    expect(t.runners).toHaveLength(1)
    expect(t.clock.now()).toBe(at('2026-05-07T02:00:00Z'))
    const [job] = t.manager.list()
    expect(job).toMatchObject({
      trigger: 'schedule',
      scheduleId: schedule.id,
      startedBy: 'schedule "Nightly"',
      definitionId: 'def-1',
      // Kept with the run, so "re-read the profile" and a resume find its secrets whatever the
      // saved migration becomes.
      profiles: { swift: 'p1', s3: 'p2' },
      name: 'Media to S3',
    })
    expect(t.scheduler.get(schedule.id)).toMatchObject({
      lastRun: { jobId: job!.id, result: 'running', scheduledFor: '2026-05-07T02:00:00.000Z' },
      active: { jobId: job!.id, phase: 'running' },
      nextRun: '2026-05-08T02:00:00.000Z',
    })
    t.runners[0]!.finish(fakeOutcome(0, 'completed'))
    await t.advance(0)
    expect(t.scheduler.get(schedule.id)).toMatchObject({ lastRun: { result: 'completed' }, active: null })
    expect(t.lists().at(-1)?.[0]?.lastRun?.result).toBe('completed')
    await t.advanceTo('2026-05-08T02:00:00Z')
    expect(t.runners).toHaveLength(2)
    t.scheduler.stop()
  })

  it('runs a daily 02:30 in Berlin at 03:00 on the day the clocks go forward, once', async () => {
    const t = await setup({ start: '2026-03-28T12:00:00Z' })
    t.scheduler.start()
    await t.save({ trigger: { type: 'daily', time: '02:30' }, timeZone: 'Europe/Berlin' })
    await t.advanceTo('2026-03-29T00:59:00Z')
    expect(t.runners).toHaveLength(0)
    await t.advanceTo('2026-03-29T01:00:00Z')
    expect(t.runners).toHaveLength(1)
    t.runners[0]!.finish(fakeOutcome(0, 'completed'))
    await t.advanceTo('2026-03-29T23:00:00Z')
    expect(t.runners).toHaveLength(1)
    t.scheduler.stop()
  })

  it('runs nothing for a disabled schedule, and a once only once', async () => {
    const t = await setup()
    t.scheduler.start()
    const { schedule } = await t.save({ enabled: false })
    expect(t.scheduler.hasActiveSchedules()).toBe(false)
    await t.advance(2 * 24 * HOUR)
    expect(t.runners).toHaveLength(0)
    await t.scheduler.setEnabled(schedule.id, true)
    await t.save({ name: 'Once', trigger: { type: 'once', at: '2026-05-09T12:00' } })
    expect(t.scheduler.hasActiveSchedules()).toBe(true)
    await t.scheduler.setEnabled(schedule.id, false)
    await t.advanceTo('2026-05-09T12:00:00Z')
    expect(t.runners).toHaveLength(1)
    t.runners[0]!.finish(fakeOutcome(0, 'completed'))
    await t.advance(3 * 24 * HOUR)
    expect(t.runners).toHaveLength(1)
    expect(t.scheduler.hasActiveSchedules()).toBe(false)
    t.scheduler.stop()
  })
})

describe('Scheduler: policies', () => {
  it('skips a due time while the previous run still goes on, and says so in history', async () => {
    const t = await setup()
    t.scheduler.start()
    const { schedule } = await t.save({ trigger: { type: 'cron', expression: '0 * * * *' } })
    await t.advanceTo('2026-05-06T11:00:00Z')
    expect(t.runners).toHaveLength(1)
    await t.advanceTo('2026-05-06T12:00:00Z')
    expect(t.runners).toHaveLength(1)
    const skipped = t.manager.list()[0]!
    expect(skipped).toMatchObject({
      state: 'skipped',
      trigger: 'schedule',
      scheduleId: schedule.id,
      error: 'The previous run of this schedule was still under way.',
    })
    expect(t.notices).toEqual([expect.objectContaining({ kind: 'skipped', jobId: skipped.id })])
    // The row keeps showing the run that goes on.
    expect(t.scheduler.get(schedule.id).lastRun?.result).toBe('running')
    t.runners[0]!.finish(fakeOutcome(0, 'completed'))
    await t.advanceTo('2026-05-06T13:00:00Z')
    expect(t.runners).toHaveLength(2)
    t.scheduler.stop()
  })

  it('runs once at start-up for the runs missed while the app was closed, when the setting is on', async () => {
    const first = await setup()
    await first.save({ trigger: { type: 'daily', time: '02:00' } })
    const later = await setup({ dir: first.dir, start: '2026-05-09T10:00:00Z', runMissed: true })
    later.scheduler.start()
    await later.advance(0)
    expect(later.runners).toHaveLength(1)
    const [view] = later.scheduler.list()
    expect(view!.lastRun).toMatchObject({ result: 'running', scheduledFor: '2026-05-09T02:00:00.000Z' })
    expect(view!.nextRun).toBe('2026-05-10T02:00:00.000Z')
    later.scheduler.stop()
  })

  it('records the missed runs as skipped at start-up when the setting is off', async () => {
    const first = await setup()
    await first.save()
    const later = await setup({ dir: first.dir, start: '2026-05-09T10:00:00Z', runMissed: false })
    later.scheduler.start()
    await later.advance(0)
    expect(later.runners).toHaveLength(0)
    const [job] = later.manager.list()
    expect(job).toMatchObject({ state: 'skipped', trigger: 'schedule' })
    expect(job!.error).toMatch(/Missed at 2026-05-09T02:00:00.000Z while the app was not running.*Settings/)
    expect(later.notices.map((n) => n.kind)).toEqual(['missed'])
    expect(later.scheduler.list()[0]!.lastRun?.result).toBe('skipped')
    // And it runs at the next due time as usual.
    await later.advanceTo('2026-05-10T02:00:00Z')
    expect(later.runners).toHaveLength(1)
    later.scheduler.stop()
  })

  it('shows a run the app stopped in the middle of as interrupted at the next start', async () => {
    const first = await setup()
    first.scheduler.start()
    await first.save()
    await first.advanceTo('2026-05-07T02:00:00Z')
    expect(first.runners).toHaveLength(1)
    first.scheduler.stop()
    await first.manager.flush()
    const later = await setup({ dir: first.dir, start: '2026-05-07T03:00:00Z' })
    later.scheduler.start()
    expect(later.scheduler.list()[0]!.lastRun).toMatchObject({ result: 'interrupted' })
    later.scheduler.stop()
  })
})

describe('Scheduler: unattended credentials', () => {
  it('waits up to credentialsWaitMinutes for missing secrets, then records needs-credentials and notifies', async () => {
    const t = await setup()
    t.state.secrets = false
    t.scheduler.start()
    const { schedule } = await t.save({ credentialsWaitMinutes: 15 })
    await t.advanceTo('2026-05-07T02:00:00Z')
    expect(t.scheduler.get(schedule.id)).toMatchObject({
      lastRun: { result: 'waiting-for-credentials' },
      active: { phase: 'waiting-for-credentials' },
    })
    expect(t.notices.map((n) => n.kind)).toEqual(['waiting-for-credentials'])
    await t.advanceTo('2026-05-07T02:14:59Z')
    expect(t.manager.list()).toHaveLength(0)
    await t.advanceTo('2026-05-07T02:15:00Z')
    expect(t.runners).toHaveLength(0)
    const [job] = t.manager.list()
    expect(job).toMatchObject({ state: 'needs-credentials', trigger: 'schedule', scheduleId: schedule.id })
    expect(job!.error).toMatch(/Waited 15 min for secrets.*"Prod Swift" needs its password/)
    expect(t.notices.map((n) => n.kind)).toEqual(['waiting-for-credentials', 'needs-credentials'])
    expect(t.notices[1]).toMatchObject({ jobId: job!.id, scheduleName: 'Nightly' })
    expect(t.scheduler.get(schedule.id)).toMatchObject({
      lastRun: { result: 'needs-credentials' },
      active: null,
    })
    // It looked again every 30 s while it waited.
    expect(t.state.resolves).toBe(31)
    t.scheduler.stop()
  })

  it('stops waiting, without a history entry, when the schedule is turned off meanwhile', async () => {
    const t = await setup()
    t.state.secrets = false
    t.scheduler.start()
    const { schedule } = await t.save()
    await t.advanceTo('2026-05-07T02:03:00Z')
    await t.scheduler.setEnabled(schedule.id, false)
    await t.advanceTo('2026-05-07T02:30:00Z')
    expect(t.manager.list()).toEqual([])
    expect(t.scheduler.get(schedule.id).active).toBeNull()
    expect(t.notices.map((n) => n.kind)).toEqual(['waiting-for-credentials'])
    t.scheduler.stop()
  })

  it('records no needs-credentials and sends no notice when the app stops during the wait', async () => {
    const t = await setup()
    t.state.secrets = false
    t.scheduler.start()
    const { schedule } = await t.save()
    await t.advanceTo('2026-05-07T02:03:00Z')
    // The keyring opens as the app closes: stopping must not start the run either.
    t.state.secrets = true
    t.scheduler.stop()
    await t.advance(0)
    expect(t.runners).toHaveLength(0)
    expect(t.manager.list()).toEqual([])
    expect(t.notices.map((n) => n.kind)).toEqual(['waiting-for-credentials'])
    expect(t.scheduler.get(schedule.id)).toMatchObject({
      lastRun: {
        result: 'interrupted',
        scheduledFor: '2026-05-07T02:00:00.000Z',
        message: expect.stringMatching(/stopped while this run waited for its secrets/),
      },
      active: null,
    })
    // Still missing when it stops: the same.
    const u = await setup()
    u.state.secrets = false
    u.scheduler.start()
    await u.save()
    await u.advanceTo('2026-05-07T02:03:00Z')
    u.scheduler.stop()
    await u.advance(0)
    expect(u.manager.list()).toEqual([])
    expect(u.notices.map((n) => n.kind)).toEqual(['waiting-for-credentials'])
    expect(u.scheduler.list()[0]!.lastRun?.result).toBe('interrupted')
  })

  it('starts as soon as the secrets are there during the wait', async () => {
    const t = await setup()
    t.state.secrets = false
    t.scheduler.start()
    await t.save()
    await t.advanceTo('2026-05-07T02:05:00Z')
    t.state.secrets = true
    await t.advance(30_000)
    expect(t.runners).toHaveLength(1)
    expect(t.clock.now() - at('2026-05-07T02:05:00Z')).toBeLessThanOrEqual(30_000)
    t.scheduler.stop()
  })

  it("gives the run the schedule's wait for keys that expire mid-run, and shows how it ended", async () => {
    const t = await setup()
    t.scheduler.start()
    await t.save({ credentialsWaitMinutes: 5 })
    await t.advanceTo('2026-05-07T02:00:00Z')
    expect(t.runners[0]!.context.credentialWaitMs).toBe(5 * MINUTE)
    t.runners[0]!.finish(fakeOutcome(3, 'needs-credentials'))
    await t.advance(0)
    expect(t.manager.list()[0]).toMatchObject({ state: 'needs-credentials', trigger: 'schedule' })
    expect(t.scheduler.list()[0]!.lastRun).toMatchObject({ jobId: 'job-1', result: 'needs-credentials' })
    // The job manager tells that end itself (job.state, desktop notifications): no second notice.
    expect(t.notices).toEqual([])
    t.scheduler.stop()
  })

  it('Run now fails at once when secrets are missing, and refuses a second run while one goes on', async () => {
    const t = await setup()
    t.scheduler.start()
    const { schedule } = await t.save()
    t.state.secrets = false
    await expect(t.scheduler.runNow(schedule.id)).rejects.toMatchObject({ code: 'AUTH' })
    t.state.secrets = true
    const job = await t.scheduler.runNow(schedule.id)
    expect(job).toMatchObject({ trigger: 'manual', scheduleId: schedule.id, startedBy: 'tester@host' })
    await expect(t.scheduler.runNow(schedule.id)).rejects.toMatchObject({ code: 'CONFLICT' })
    t.scheduler.stop()
  })
})
