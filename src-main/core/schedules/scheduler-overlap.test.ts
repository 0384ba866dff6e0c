import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeOutcome, fakeSpec } from '../jobs/job-manager-fakes'
import { closeSchedulerTests, DEFINITION, setup } from './scheduler-test-support'

vi.setConfig({ testTimeout: 30_000 })
afterEach(closeSchedulerTests)

type Setup = Awaited<ReturnType<typeof setup>>

/** The saved migration started from the Migrations screen, as the jobs.start handler does. */
function startByHand(t: Setup) {
  return t.manager.start({ spec: fakeSpec(), name: DEFINITION.name, definitionId: DEFINITION.id })
}

const skippedEntries = (t: Setup) => t.manager.list().filter((job) => job.state === 'skipped')

describe('Scheduler: overlap with runs it did not start', () => {
  it('skips a due time while the same migration runs by hand, and says so in History', async () => {
    const t = await setup()
    t.scheduler.start()
    const { schedule } = await t.save({ trigger: { type: 'cron', expression: '0 * * * *' } })
    const byHand = startByHand(t)
    expect(t.runners).toHaveLength(1)
    await t.advanceTo('2026-05-06T11:00:00Z')
    // Nothing new started into the same bucket.
    expect(t.runners).toHaveLength(1)
    const [skipped] = skippedEntries(t)
    expect(skipped).toMatchObject({
      trigger: 'schedule',
      scheduleId: schedule.id,
      error: 'The previous run (started by hand) was still under way.',
    })
    expect(t.notices).toEqual([expect.objectContaining({ kind: 'skipped', jobId: skipped!.id })])
    expect(t.scheduler.get(schedule.id).lastRun).toMatchObject({ result: 'skipped', jobId: skipped!.id })
    // Run now is refused too, naming why.
    await expect(t.scheduler.runNow(schedule.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        '"Nightly" did not start: a run of its migration (started by hand) is still under way; wait for it to end.',
    })
    // Once the hand-started run ends, the next due time runs.
    t.runners[0]!.finish(fakeOutcome(0, 'completed'))
    await t.advanceTo('2026-05-06T12:00:00Z')
    expect(t.runners).toHaveLength(2)
    expect(t.manager.list()[0]).toMatchObject({ trigger: 'schedule', state: 'planning' })
    expect(byHand.trigger).toBe('manual')
    t.scheduler.stop()
  })

  it('runs beside a preview of the same migration: a dry run writes nothing', async () => {
    const t = await setup()
    t.scheduler.start()
    await t.save({ trigger: { type: 'cron', expression: '0 * * * *' } })
    const preview = fakeSpec()
    preview.options.dryRun = true
    t.manager.start({ spec: preview, name: DEFINITION.name, definitionId: DEFINITION.id })
    await t.advanceTo('2026-05-06T11:00:00Z')
    expect(t.runners).toHaveLength(2)
    expect(skippedEntries(t)).toEqual([])
    t.scheduler.stop()
  })

  it('skips a run whose migration was started by hand while it waited for its secrets', async () => {
    const t = await setup()
    t.state.secrets = false
    t.scheduler.start()
    await t.save()
    await t.advanceTo('2026-05-07T02:01:00Z')
    startByHand(t)
    t.state.secrets = true
    await t.advance(60_000)
    expect(t.runners).toHaveLength(1)
    expect(skippedEntries(t)).toEqual([
      expect.objectContaining({ error: 'The previous run (started by hand) was still under way.' }),
    ])
    expect(t.scheduler.list()[0]!.active).toBeNull()
    t.scheduler.stop()
  })
})

describe('Scheduler: due times skipped behind one long run', () => {
  it('keeps one History entry and one notice per run in the way, counting the due times it skipped', async () => {
    const t = await setup()
    t.scheduler.start()
    const { schedule } = await t.save({ trigger: { type: 'cron', expression: '*/5 * * * *' } })
    await t.advanceTo('2026-05-06T10:05:00Z')
    expect(t.runners).toHaveLength(1)
    await t.advanceTo('2026-05-06T10:10:00Z')
    const [first] = skippedEntries(t)
    expect(first!.error).toBe('The previous run of this schedule was still under way.')
    // Two hours more: 10:10 … 12:00 are 23 due times, all in the one entry.
    await t.advanceTo('2026-05-06T12:00:00Z')
    expect(t.runners).toHaveLength(1)
    const entries = skippedEntries(t)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ id: first!.id, createdAt: '2026-05-06T10:10:00.000Z' })
    expect(entries[0]!.error).toBe(
      'The previous run of this schedule was still under way. 23 due times were skipped while it went ' +
        'on, from 2026-05-06 10:10 to 2026-05-06 12:00 (UTC).',
    )
    expect(t.notices.map((n) => n.kind)).toEqual(['skipped'])
    // The row keeps showing the run that goes on.
    expect(t.scheduler.get(schedule.id).lastRun?.result).toBe('running')

    // The next long run gets an entry and a notice of its own.
    t.runners[0]!.finish(fakeOutcome(0, 'completed'))
    await t.advanceTo('2026-05-06T12:05:00Z')
    expect(t.runners).toHaveLength(2)
    await t.advanceTo('2026-05-06T12:15:00Z')
    const later = skippedEntries(t)
    expect(later).toHaveLength(2)
    expect(later[0]!.error).toMatch(/2 due times were skipped .* from 2026-05-06 12:10 to 2026-05-06 12:15/)
    expect(t.notices.map((n) => n.kind)).toEqual(['skipped', 'skipped'])
    t.scheduler.stop()
  })

  it('counts in the entry of a hand-started run too, in the schedule’s time zone', async () => {
    const t = await setup()
    t.scheduler.start()
    const { schedule } = await t.save({
      trigger: { type: 'cron', expression: '*/30 * * * *' },
      timeZone: 'Europe/Berlin',
    })
    startByHand(t)
    await t.advanceTo('2026-05-06T11:30:00Z')
    const entries = skippedEntries(t)
    expect(entries).toHaveLength(1)
    expect(entries[0]!.error).toBe(
      'The previous run (started by hand) was still under way. 3 due times were skipped while it went ' +
        'on, from 2026-05-06 12:30 to 2026-05-06 13:30 (Europe/Berlin).',
    )
    expect(t.notices).toHaveLength(1)
    expect(t.scheduler.get(schedule.id).lastRun).toMatchObject({
      result: 'skipped',
      jobId: entries[0]!.id,
      scheduledFor: '2026-05-06T11:30:00.000Z',
      message: entries[0]!.error,
    })
    t.scheduler.stop()
  })
})
