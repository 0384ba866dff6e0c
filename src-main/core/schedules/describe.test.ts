import { describe, expect, it } from 'vitest'
import { describeTrigger, dstNote } from './describe'
import { nextRuns } from './next-runs'
import type { Trigger } from './schedule-schema'

const BERLIN = 'Europe/Berlin'

describe('a trigger in plain words', () => {
  it.each<[Trigger, string]>([
    [{ type: 'daily', time: '02:00' }, 'every day at 02:00, Europe/Berlin'],
    [
      { type: 'weekly', days: ['mon', 'tue', 'wed', 'thu', 'fri'], time: '02:00' },
      'every weekday at 02:00, Europe/Berlin',
    ],
    [
      { type: 'weekly', days: ['sat', 'sun'], time: '22:30' },
      'every Saturday and Sunday at 22:30, Europe/Berlin',
    ],
    [
      { type: 'weekly', days: ['fri', 'mon', 'wed'], time: '06:00' },
      'every Monday, Wednesday and Friday at 06:00, Europe/Berlin',
    ],
    [{ type: 'weekly', days: ['sun'], time: '06:00' }, 'every Sunday at 06:00, Europe/Berlin'],
    [{ type: 'once', at: '2026-03-29T02:30' }, 'once, on Sunday 29 March 2026 at 02:30, Europe/Berlin'],
    [{ type: 'cron', expression: '0 2 * * 1-5' }, 'every weekday at 02:00, Europe/Berlin'],
    [{ type: 'cron', expression: '30 1 * * *' }, 'every day at 01:30, Europe/Berlin'],
    [{ type: 'cron', expression: '0 2 * * SAT,SUN' }, 'every Saturday and Sunday at 02:00, Europe/Berlin'],
    [{ type: 'cron', expression: '*/15 * * * *' }, 'every 15 minutes, Europe/Berlin'],
    [{ type: 'cron', expression: '0 */6 * * *' }, 'every 6 hours, on the hour, Europe/Berlin'],
    [{ type: 'cron', expression: '5 * * * *' }, 'every hour at 05 minutes past, Europe/Berlin'],
    [{ type: 'cron', expression: '0 3 1 * *' }, 'on the 1st of every month at 03:00, Europe/Berlin'],
    [{ type: 'cron', expression: '0 3 22 * *' }, 'on the 22nd of every month at 03:00, Europe/Berlin'],
    [{ type: 'cron', expression: '0 3 L * *' }, 'on the last day of every month at 03:00, Europe/Berlin'],
    [{ type: 'cron', expression: '@daily' }, 'every day at 00:00, Europe/Berlin'],
    [{ type: 'cron', expression: '0 2 1-7 * 1' }, 'on the cron schedule "0 2 1-7 * 1", Europe/Berlin'],
    // Steps restart at :00 each hour (and at 00:00 each day): one that does not divide the hour or
    // the day says where it starts and ends rather than claim an even interval it does not keep.
    [
      { type: 'cron', expression: '*/7 * * * *' },
      'every 7 minutes from :00 to :56 of each hour, Europe/Berlin',
    ],
    [
      { type: 'cron', expression: '*/45 * * * *' },
      'every 45 minutes from :00 to :45 of each hour, Europe/Berlin',
    ],
    [{ type: 'cron', expression: '*/20 * * * *' }, 'every 20 minutes, Europe/Berlin'],
    [
      { type: 'cron', expression: '0 */5 * * *' },
      'every 5 hours from 00:00 to 20:00 of each day, Europe/Berlin',
    ],
    [
      { type: 'cron', expression: '15 */7 * * *' },
      'every 7 hours from 00:15 to 21:15 of each day, Europe/Berlin',
    ],
    [{ type: 'cron', expression: '30 */8 * * *' }, 'every 8 hours at 30 minutes past, Europe/Berlin'],
    [{ type: 'cron', expression: '*/1 * * * *' }, 'every minute, Europe/Berlin'],
  ])('%j reads "%s"', (trigger, words) => {
    expect(describeTrigger(trigger, BERLIN)).toBe(words)
  })
})

describe('notes on runs around a DST change', () => {
  it('says when a time did not exist and when it happened twice', () => {
    const spring: Trigger = { type: 'daily', time: '02:30' }
    const [, gapRun] = nextRuns(spring, BERLIN, Date.parse('2026-03-28T00:00:00Z'), 2)
    expect(dstNote(spring, BERLIN, gapRun!)).toMatch(/02:30 does not exist .* runs at 03:00/)
    const [twiceRun, nextDay] = nextRuns(spring, BERLIN, Date.parse('2026-10-24T12:00:00Z'), 2)
    expect(dstNote(spring, BERLIN, twiceRun!)).toMatch(/02:30 happens twice .* once, at the first/)
    expect(dstNote(spring, BERLIN, nextDay!)).toBeUndefined()
  })

  it('says the same for a cron with a fixed hour', () => {
    const cron: Trigger = { type: 'cron', expression: '30 2 * * *' }
    const [before, gapRun, after] = nextRuns(cron, BERLIN, Date.parse('2026-03-27T12:00:00Z'), 3)
    expect(dstNote(cron, BERLIN, before!)).toBeUndefined()
    expect(dstNote(cron, BERLIN, gapRun!)).toBe(
      '02:30 does not exist that day in Europe/Berlin (the clocks go forward), so it runs at 03:00, when the clocks have changed.',
    )
    expect(dstNote(cron, BERLIN, after!)).toBeUndefined()
    const [twiceRun, nextDay] = nextRuns(cron, BERLIN, Date.parse('2026-10-24T12:00:00Z'), 2)
    expect(dstNote(cron, BERLIN, twiceRun!)).toBe(
      '02:30 happens twice that day in Europe/Berlin (the clocks go back); it runs once, at the first.',
    )
    expect(dstNote(cron, BERLIN, nextDay!)).toBeUndefined()
    const newYork: Trigger = { type: 'cron', expression: '30 1 * * 0' }
    const [sunday] = nextRuns(newYork, 'America/New_York', Date.parse('2026-10-31T12:00:00Z'), 1)
    expect(dstNote(newYork, 'America/New_York', sunday!)).toMatch(/^01:30 happens twice/)
  })

  it('names every time a gap swallowed when a fixed-hour cron runs them once after it', () => {
    const quarterly: Trigger = { type: 'cron', expression: '*/15 2 * * *' }
    const [gapRun] = nextRuns(quarterly, BERLIN, Date.parse('2026-03-29T00:00:00Z'), 1)
    expect(dstNote(quarterly, BERLIN, gapRun!)).toBe(
      'The times from 02:00 to 02:45 do not exist that day in Europe/Berlin (the clocks go forward), so they run once, at 03:00, when the clocks have changed.',
    )
    const two: Trigger = { type: 'cron', expression: '0,30 2 * * *' }
    const [run] = nextRuns(two, BERLIN, Date.parse('2026-03-29T00:00:00Z'), 1)
    expect(dstNote(two, BERLIN, run!)).toMatch(/^02:00 and 02:30 do not exist .* run once, at 03:00/)
  })

  it('leaves crons with a stepped or wildcard hour, which follow the clock, without a note', () => {
    const hourly: Trigger = { type: 'cron', expression: '0 * * * *' }
    const runs = nextRuns(hourly, BERLIN, Date.parse('2026-10-24T23:30:00Z'), 3)
    expect(runs.map((run) => dstNote(hourly, BERLIN, run))).toEqual([undefined, undefined, undefined])
    const half: Trigger = { type: 'cron', expression: '30 * * * *' }
    const spring = nextRuns(half, BERLIN, Date.parse('2026-03-29T00:00:00Z'), 2)
    expect(spring.map((run) => dstNote(half, BERLIN, run))).toEqual([undefined, undefined])
  })
})
