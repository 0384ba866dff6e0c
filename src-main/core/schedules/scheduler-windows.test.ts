import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeOutcome, fakeSpec } from '../jobs/job-manager-fakes'
import { closeSchedulerTests, DEFINITION, setup } from './scheduler-test-support'

vi.setConfig({ testTimeout: 30_000 })
afterEach(closeSchedulerTests)

describe('Scheduler: bandwidth windows', () => {
  const OFFICE = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00', limitMb: 2 }]

  it("applies the schedule's windows to its run as they open and close", async () => {
    const t = await setup({ start: '2026-05-06T05:00:00Z' })
    t.scheduler.start()
    await t.save({ trigger: { type: 'daily', time: '07:00' }, bandwidthWindows: OFFICE })
    await t.advanceTo('2026-05-06T07:00:00Z')
    const runner = t.runners[0]!
    expect(runner.spec.options.bandwidthLimitMb).toBeNull()
    await t.advanceTo('2026-05-06T07:59:59Z')
    expect(runner.bandwidth).toBeUndefined()
    await t.advanceTo('2026-05-06T08:00:00Z')
    expect(runner.bandwidth).toBe(2)
    expect(t.manager.list()[0]!.bandwidthLimitMb).toBe(2)
    await t.advanceTo('2026-05-06T18:00:00Z')
    expect(runner.bandwidth).toBeNull()
    t.scheduler.stop()
  })

  it('starts a run inside a window at the window pace, and keeps its own lower limit', async () => {
    const t = await setup({ start: '2026-05-06T05:00:00Z' })
    t.state.baseLimitMb = 1
    t.scheduler.start()
    await t.save({ trigger: { type: 'daily', time: '09:00' }, bandwidthWindows: OFFICE })
    await t.advanceTo('2026-05-06T09:00:00Z')
    expect(t.runners[0]!.spec.options.bandwidthLimitMb).toBe(1)
    t.runners[0]!.finish(fakeOutcome(0, 'completed'))
    t.state.baseLimitMb = 50
    await t.advanceTo('2026-05-07T09:00:00Z')
    expect(t.runners[1]!.spec.options.bandwidthLimitMb).toBe(2)
    t.scheduler.stop()
  })

  it('applies global windows to every job, under the limit from Settings', async () => {
    const t = await setup({ start: '2026-05-06T05:00:00Z', baseGlobal: 10 })
    t.scheduler.start()
    await t.advance(0)
    expect(t.manager.settings().globalBandwidthMb).toBe(10)
    t.scheduler.saveGlobalWindows({ timeZone: 'Europe/Berlin', windows: OFFICE })
    // 08:00 in Berlin is 06:00 UTC in May.
    await t.advanceTo('2026-05-06T05:59:00Z')
    expect(t.manager.settings().globalBandwidthMb).toBe(10)
    await t.advanceTo('2026-05-06T06:00:00Z')
    expect(t.manager.settings().globalBandwidthMb).toBe(2)
    // Settings changing the limit meanwhile does not lift the window.
    t.manager.setGlobalBandwidth(100)
    t.settings.baseGlobal = 100
    t.scheduler.baseGlobalBandwidthChanged()
    expect(t.manager.settings().globalBandwidthMb).toBe(2)
    await t.advanceTo('2026-05-06T16:00:00Z')
    expect(t.manager.settings().globalBandwidthMb).toBe(100)
    t.scheduler.stop()
  })

  it("applies a schedule's new windows to its run under way at once, not at the next tick", async () => {
    const t = await setup({ start: '2026-05-06T05:00:00Z' })
    t.scheduler.start()
    const { schedule } = await t.save({ trigger: { type: 'daily', time: '07:00' } })
    await t.advanceTo('2026-05-06T09:00:30Z')
    const runner = t.runners[0]!
    expect(runner.bandwidth).toBeUndefined()
    await t.save({ id: schedule.id, trigger: { type: 'daily', time: '07:00' }, bandwidthWindows: OFFICE })
    // No time passes: the save itself applies them.
    expect(runner.bandwidth).toBe(2)
    expect(t.manager.list()[0]!.bandwidthLimitMb).toBe(2)
    await t.save({ id: schedule.id, trigger: { type: 'daily', time: '07:00' }, bandwidthWindows: [] })
    expect(runner.bandwidth).toBeNull()
    // And the boundary of windows saved mid-run is kept: the window closes at 18:00 exactly.
    await t.save({ id: schedule.id, trigger: { type: 'daily', time: '07:00' }, bandwidthWindows: OFFICE })
    await t.advanceTo('2026-05-06T17:59:59Z')
    expect(runner.bandwidth).toBe(2)
    await t.advanceTo('2026-05-06T18:00:00Z')
    expect(runner.bandwidth).toBeNull()
    t.scheduler.stop()
  })

  it('applies global windows saved while a job runs at once', async () => {
    const t = await setup({ start: '2026-05-06T09:00:30Z', baseGlobal: 10 })
    t.scheduler.start()
    await t.advance(0)
    t.manager.start({ spec: fakeSpec(), name: DEFINITION.name })
    expect(t.manager.settings().globalBandwidthMb).toBe(10)
    t.scheduler.saveGlobalWindows({ timeZone: 'UTC', windows: OFFICE })
    expect(t.manager.settings().globalBandwidthMb).toBe(2)
    t.scheduler.saveGlobalWindows({ timeZone: 'UTC', windows: [] })
    expect(t.manager.settings().globalBandwidthMb).toBe(10)
    t.scheduler.stop()
  })

  it("sets the job manager's global limit at the boundary of a global window while a job runs", async () => {
    const t = await setup({ start: '2026-05-06T05:00:00Z' })
    t.scheduler.start()
    t.scheduler.saveGlobalWindows({
      timeZone: 'Europe/Berlin',
      windows: [{ days: ['wed'], start: '09:30', end: '11:15', limitMb: 3 }],
    })
    t.manager.start({ spec: fakeSpec(), name: DEFINITION.name })
    const set: [string, number | null][] = []
    const original = t.manager.setGlobalBandwidth.bind(t.manager)
    vi.spyOn(t.manager, 'setGlobalBandwidth').mockImplementation((mb) => {
      set.push([new Date(t.clock.now()).toISOString(), mb])
      original(mb)
    })
    // 09:30–11:15 in Berlin is 07:30–09:15 UTC in May; the scheduler wakes at each edge, to the second.
    await t.advanceTo('2026-05-06T10:00:00Z')
    expect(set).toEqual([
      ['2026-05-06T07:30:00.000Z', 3],
      ['2026-05-06T09:15:00.000Z', null],
    ])
    expect(t.manager.get(t.manager.list()[0]!.id).state).toBe('planning')
    t.scheduler.stop()
  })
})
