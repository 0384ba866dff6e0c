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

  it('leaves interval crons that run in both passes without a note', () => {
    const hourly: Trigger = { type: 'cron', expression: '0 * * * *' }
    const runs = nextRuns(hourly, BERLIN, Date.parse('2026-10-24T23:30:00Z'), 3)
    expect(runs.map((run) => dstNote(hourly, BERLIN, run, runs))).toEqual([undefined, undefined, undefined])
  })
})
