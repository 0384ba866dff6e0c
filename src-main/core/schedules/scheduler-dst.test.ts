import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeOutcome } from '../jobs/job-manager-fakes'
import { at, closeSchedulerTests, MINUTE, setup } from './scheduler-test-support'

// Hours of fake time step minute by minute (the scheduler's longest sleep); slow on a busy machine.
vi.setConfig({ testTimeout: 60_000 })
afterEach(closeSchedulerTests)

type Setup = Awaited<ReturnType<typeof setup>>

/**
 * Lets the scheduler run from now to `until`, ending each run five minutes after it started (well
 * before the next due time), and returns when each scheduled run started, as ISO times.
 */
async function startsUntil(t: Setup, until: string): Promise<string[]> {
  while (t.clock.now() < at(until)) {
    await t.advance(5 * MINUTE)
    for (const runner of t.runners) runner.finish(fakeOutcome(0, 'completed'))
  }
  await t.advance(0)
  const runs = t.manager.list().filter((job) => job.trigger === 'schedule')
  // None was skipped: every due time ran.
  expect(runs.filter((job) => job.state === 'skipped')).toEqual([])
  return runs.map((job) => job.createdAt).sort()
}

describe('Scheduler: a cron with a fixed hour across the 2026 DST changes, on the fake clock', () => {
  it('*/15 2 * * * in Berlin runs once, at 03:00, when the clocks go forward', async () => {
    const t = await setup({ start: '2026-03-28T22:00:00Z' })
    t.scheduler.start()
    await t.save({ trigger: { type: 'cron', expression: '*/15 2 * * *' }, timeZone: 'Europe/Berlin' })
    expect(await startsUntil(t, '2026-03-29T04:00:00Z')).toEqual(['2026-03-29T01:00:00.000Z'])
    expect(t.runners).toHaveLength(1)
    t.scheduler.stop()
  })

  it('*/15 2 * * * in Berlin runs four times, in the first pass only, when the clocks go back', async () => {
    const t = await setup({ start: '2026-10-24T22:00:00Z' })
    t.scheduler.start()
    await t.save({ trigger: { type: 'cron', expression: '*/15 2 * * *' }, timeZone: 'Europe/Berlin' })
    expect(await startsUntil(t, '2026-10-25T04:00:00Z')).toEqual([
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T00:15:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T00:45:00.000Z',
    ])
    t.scheduler.stop()
  })

  it('New York: 02:xx runs once at 03:00 EDT in March; 01:xx runs in EDT only in November', async () => {
    const spring = await setup({ start: '2026-03-08T04:00:00Z' })
    spring.scheduler.start()
    await spring.save({ trigger: { type: 'cron', expression: '*/15 2 * * *' }, timeZone: 'America/New_York' })
    expect(await startsUntil(spring, '2026-03-08T09:00:00Z')).toEqual(['2026-03-08T07:00:00.000Z'])
    spring.scheduler.stop()

    const autumn = await setup({ start: '2026-11-01T03:00:00Z' })
    autumn.scheduler.start()
    await autumn.save({ trigger: { type: 'cron', expression: '*/20 1 * * *' }, timeZone: 'America/New_York' })
    expect(await startsUntil(autumn, '2026-11-01T08:00:00Z')).toEqual([
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T05:20:00.000Z',
      '2026-11-01T05:40:00.000Z',
    ])
    autumn.scheduler.stop()
  })

  it('an hourly cron runs on through both passes of the repeated hour, never stopping for 75 minutes', async () => {
    const t = await setup({ start: '2026-10-24T22:30:00Z' })
    t.scheduler.start()
    await t.save({ trigger: { type: 'cron', expression: '30 * * * *' }, timeZone: 'Europe/Berlin' })
    expect(await startsUntil(t, '2026-10-25T03:00:00Z')).toEqual([
      '2026-10-24T23:30:00.000Z', // 01:30 CEST
      '2026-10-25T00:30:00.000Z', // 02:30 CEST
      '2026-10-25T01:30:00.000Z', // 02:30 CET
      '2026-10-25T02:30:00.000Z', // 03:30 CET
    ])
    t.scheduler.stop()
  })
})
