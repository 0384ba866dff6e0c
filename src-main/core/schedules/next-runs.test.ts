import { describe, expect, it } from 'vitest'
import { latestDueBetween, nextRunAfter, nextRuns } from './next-runs'
import type { Trigger } from './schedule-schema'
import { isValidTimeZone, localParts, localToInstant, offsetAt } from './zoned-time'

const BERLIN = 'Europe/Berlin'
const NEW_YORK = 'America/New_York'
const at = (iso: string) => Date.parse(iso)
const iso = (runs: number[]) => runs.map((t) => new Date(t).toISOString())

/** Every run whose local date in `timeZone` is `date` (YYYY-MM-DD). */
function runsOnLocalDay(trigger: Trigger, timeZone: string, date: string): number[] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const start = localToInstant({ year, month, day, hour: 0, minute: 0 }, timeZone)
  const runs: number[] = []
  let cursor = start - 1
  for (;;) {
    const next = nextRunAfter(trigger, timeZone, cursor)
    if (next === null) return runs
    const local = localParts(next, timeZone)
    if (local.year !== year || local.month !== month || local.day !== day) return runs
    runs.push(next)
    cursor = next
  }
}

// 2026 transitions. Berlin: 29 Mar 02:00 CET → 03:00 CEST; 25 Oct 03:00 CEST → 02:00 CET.
// New York: 8 Mar 02:00 EST → 03:00 EDT; 1 Nov 02:00 EDT → 01:00 EST.

describe('local time to an instant, with the DST rules', () => {
  it('reads an ordinary local time in its zone', () => {
    expect(localToInstant({ year: 2026, month: 1, day: 15, hour: 2, minute: 0 }, BERLIN)).toBe(
      at('2026-01-15T01:00:00Z'),
    )
    expect(localToInstant({ year: 2026, month: 7, day: 15, hour: 2, minute: 0 }, NEW_YORK)).toBe(
      at('2026-07-15T06:00:00Z'),
    )
  })

  it('runs a time inside the spring-forward gap at the first instant after it', () => {
    // 02:30 does not exist in Berlin on 29 March: the clock goes from 01:59:59 CET to 03:00 CEST.
    expect(localToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, BERLIN)).toBe(
      at('2026-03-29T01:00:00Z'),
    )
    expect(localToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 0 }, BERLIN)).toBe(
      at('2026-03-29T01:00:00Z'),
    )
    expect(localToInstant({ year: 2026, month: 3, day: 8, hour: 2, minute: 15 }, NEW_YORK)).toBe(
      at('2026-03-08T07:00:00Z'),
    )
    // Lord Howe Island moves its clocks by half an hour: 02:00 → 02:30 on 4 October 2026.
    expect(
      localToInstant({ year: 2026, month: 10, day: 4, hour: 2, minute: 10 }, 'Australia/Lord_Howe'),
    ).toBe(at('2026-10-03T15:30:00Z'))
  })

  it('runs a time that happens twice at its first occurrence', () => {
    // 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET) on 25 October.
    expect(localToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, BERLIN)).toBe(
      at('2026-10-25T00:30:00Z'),
    )
    expect(localToInstant({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, NEW_YORK)).toBe(
      at('2026-11-01T05:30:00Z'),
    )
    // Asked for, the last occurrence (a bandwidth window's end); a gap has only its end.
    expect(localToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, BERLIN, 'last')).toBe(
      at('2026-10-25T01:30:00Z'),
    )
    expect(localToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, BERLIN, 'last')).toBe(
      at('2026-03-29T01:00:00Z'),
    )
    expect(localToInstant({ year: 2026, month: 1, day: 15, hour: 2, minute: 0 }, BERLIN, 'last')).toBe(
      at('2026-01-15T01:00:00Z'),
    )
  })

  it('knows the zones and offsets the runtime knows', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true)
    expect(isValidTimeZone('UTC')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
    expect(offsetAt(at('2026-01-01T00:00:00Z'), BERLIN)).toBe(3_600_000)
    expect(offsetAt(at('2026-07-01T00:00:00Z'), BERLIN)).toBe(7_200_000)
    expect(localParts(at('2026-03-29T01:00:00Z'), BERLIN)).toMatchObject({ hour: 3, minute: 0, weekday: 0 })
  })
})

describe('next runs across DST changes', () => {
  it('a daily 02:30 in Berlin runs at 03:00 on the spring-forward day and at 02:30 otherwise', () => {
    const daily: Trigger = { type: 'daily', time: '02:30' }
    expect(iso(nextRuns(daily, BERLIN, at('2026-03-27T12:00:00Z'), 3))).toEqual([
      '2026-03-28T01:30:00.000Z', // 02:30 CET
      '2026-03-29T01:00:00.000Z', // 03:00 CEST: 02:30 does not exist
      '2026-03-30T00:30:00.000Z', // 02:30 CEST
    ])
  })

  it('a daily 02:30 in Berlin runs once on the fall-back day, at the first 02:30', () => {
    const daily: Trigger = { type: 'daily', time: '02:30' }
    expect(iso(nextRuns(daily, BERLIN, at('2026-10-24T12:00:00Z'), 2))).toEqual([
      '2026-10-25T00:30:00.000Z', // the first 02:30 (CEST)
      '2026-10-26T01:30:00.000Z', // not 01:30Z on the 25th, the second 02:30
    ])
    // Between the two 02:30s the next run is the next day's, not the repeat.
    expect(iso([nextRunAfter(daily, BERLIN, at('2026-10-25T00:45:00Z'))!])).toEqual([
      '2026-10-26T01:30:00.000Z',
    ])
  })

  it('a daily 01:30 in New York runs once when 01:30 happens twice, and at 03:00 in the gap', () => {
    expect(iso(nextRuns({ type: 'daily', time: '01:30' }, NEW_YORK, at('2026-10-31T12:00:00Z'), 2))).toEqual([
      '2026-11-01T05:30:00.000Z',
      '2026-11-02T06:30:00.000Z',
    ])
    expect(iso(nextRuns({ type: 'daily', time: '02:30' }, NEW_YORK, at('2026-03-07T12:00:00Z'), 2))).toEqual([
      '2026-03-08T07:00:00.000Z',
      '2026-03-09T06:30:00.000Z',
    ])
  })

  it('cron with a fixed time follows the same rules as daily (checked side by side)', () => {
    const daily: Trigger = { type: 'daily', time: '02:30' }
    const cron: Trigger = { type: 'cron', expression: '30 2 * * *' }
    for (const [zone, from] of [
      [BERLIN, '2026-03-26T00:00:00Z'],
      [BERLIN, '2026-10-23T00:00:00Z'],
      [NEW_YORK, '2026-03-06T00:00:00Z'],
      [NEW_YORK, '2026-10-30T00:00:00Z'],
    ] as const) {
      expect(nextRuns(cron, zone, at(from), 6), `${zone} from ${from}`).toEqual(
        nextRuns(daily, zone, at(from), 6),
      )
    }
    // A list of hours is fixed-time too: 02:30 on the fall-back day runs once.
    expect(
      iso(nextRuns({ type: 'cron', expression: '30 2,14 * * *' }, BERLIN, at('2026-10-24T12:00:00Z'), 3)),
    ).toEqual(['2026-10-24T12:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-25T13:30:00.000Z'])
  })

  it('a fixed hour with a stepped minute runs once after the gap and in the first pass only', () => {
    const quarterly: Trigger = { type: 'cron', expression: '*/15 2 * * *' }
    // Berlin, spring: 02:00–02:45 do not exist; they run once, together, when the clock reaches 03:00.
    expect(iso(runsOnLocalDay(quarterly, BERLIN, '2026-03-29'))).toEqual(['2026-03-29T01:00:00.000Z'])
    // Berlin, autumn: 02:00–02:45 CEST, not again in CET.
    expect(iso(runsOnLocalDay(quarterly, BERLIN, '2026-10-25'))).toEqual([
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T00:15:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T00:45:00.000Z',
    ])
    // Ordinary days keep all four.
    expect(runsOnLocalDay(quarterly, BERLIN, '2026-03-28')).toHaveLength(4)
    expect(runsOnLocalDay(quarterly, BERLIN, '2026-10-26')).toHaveLength(4)
    // New York: 02:xx vanishes on 8 March; 01:xx happens twice on 1 November and runs in EDT only.
    expect(iso(runsOnLocalDay(quarterly, NEW_YORK, '2026-03-08'))).toEqual(['2026-03-08T07:00:00.000Z'])
    const oneAm: Trigger = { type: 'cron', expression: '*/20 1 * * *' }
    expect(iso(runsOnLocalDay(oneAm, NEW_YORK, '2026-11-01'))).toEqual([
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T05:20:00.000Z',
      '2026-11-01T05:40:00.000Z',
    ])
    // Every minute of a fixed hour: sixty in the first pass, nothing in the second.
    expect(runsOnLocalDay({ type: 'cron', expression: '* 1 * * *' }, NEW_YORK, '2026-11-01')).toHaveLength(60)
  })

  it('a fixed-hour cron whose times meet at the end of a gap runs there once', () => {
    // 02:00 and 02:30 fall into the gap, and 03:00 is where it ends: one run, then 03:30.
    const both: Trigger = { type: 'cron', expression: '0,30 2,3 * * *' }
    expect(iso(runsOnLocalDay(both, BERLIN, '2026-03-29'))).toEqual([
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ])
    expect(iso(runsOnLocalDay(both, BERLIN, '2026-10-25'))).toEqual([
      '2026-10-25T00:00:00.000Z', // 02:00 CEST
      '2026-10-25T00:30:00.000Z', // 02:30 CEST
      '2026-10-25T02:00:00.000Z', // 03:00 CET
      '2026-10-25T02:30:00.000Z', // 03:30 CET
    ])
    // @daily is 00:00, a fixed hour.
    expect(nextRuns({ type: 'cron', expression: '@daily' }, BERLIN, at('2026-03-28T12:00:00Z'), 2)).toEqual(
      nextRuns({ type: 'daily', time: '00:00' }, BERLIN, at('2026-03-28T12:00:00Z'), 2),
    )
  })

  it('the latest due time of a fixed-hour cron in a repeated hour is its first pass', () => {
    const quarterly: Trigger = { type: 'cron', expression: '*/15 2 * * *' }
    // 01:50Z is 02:50 CET, in the second pass: the last run was 02:45 CEST.
    expect(
      iso([latestDueBetween(quarterly, BERLIN, at('2026-10-24T12:00:00Z'), at('2026-10-25T01:50:00Z'))!]),
    ).toEqual(['2026-10-25T00:45:00.000Z'])
    expect(
      latestDueBetween(quarterly, BERLIN, at('2026-10-25T00:45:00Z'), at('2026-10-25T01:50:00Z')),
    ).toBeNull()
    // In spring the gap's one run counts once.
    expect(latestDueBetween(quarterly, BERLIN, at('2026-03-28T12:00:00Z'), at('2026-03-29T01:00:00Z'))).toBe(
      at('2026-03-29T01:00:00Z'),
    )
  })

  it('a cron with a wildcard hour follows the clock: 02:30 does not exist, 02:30 happens twice', () => {
    const half: Trigger = { type: 'cron', expression: '30 * * * *' }
    // Spring: 01:30 CET, then 03:30 CEST, an hour later; there is no 02:30 to run.
    expect(iso(nextRuns(half, BERLIN, at('2026-03-29T00:00:00Z'), 2))).toEqual([
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ])
    expect(runsOnLocalDay(half, BERLIN, '2026-03-29')).toHaveLength(23)
    expect(runsOnLocalDay(half, BERLIN, '2026-10-25')).toHaveLength(25)
    expect(runsOnLocalDay(half, NEW_YORK, '2026-03-08')).toHaveLength(23)
    expect(runsOnLocalDay(half, NEW_YORK, '2026-11-01')).toHaveLength(25)
    // Stepped hours follow the clock too, with or without a wildcard.
    for (const expression of ['0 */2 * * *', '0 0-23/2 * * *']) {
      expect(iso(nextRuns({ type: 'cron', expression }, BERLIN, at('2026-10-24T23:30:00Z'), 2))).toEqual([
        '2026-10-25T00:00:00.000Z', // 02:00 CEST
        '2026-10-25T01:00:00.000Z', // 02:00 CET
      ])
    }
  })

  it('an hourly cron counts the clock: it skips the missing hour and runs in both passes of the repeated one', () => {
    const hourly: Trigger = { type: 'cron', expression: '0 * * * *' }
    expect(iso(nextRuns(hourly, BERLIN, at('2026-03-29T00:30:00Z'), 2))).toEqual([
      '2026-03-29T01:00:00.000Z', // 03:00 CEST, right after 01:00 CET: there was no 02:00
      '2026-03-29T02:00:00.000Z',
    ])
    expect(iso(nextRuns(hourly, BERLIN, at('2026-10-24T23:30:00Z'), 3))).toEqual([
      '2026-10-25T00:00:00.000Z', // 02:00 CEST
      '2026-10-25T01:00:00.000Z', // 02:00 CET
      '2026-10-25T02:00:00.000Z', // 03:00 CET
    ])
  })

  it('weekly runs only on its days, in week order', () => {
    const weekdays: Trigger = { type: 'weekly', days: ['mon', 'tue', 'wed', 'thu', 'fri'], time: '02:00' }
    // Friday 1 May 2026, noon: next Monday to Friday, then Monday.
    expect(iso(nextRuns(weekdays, 'UTC', at('2026-05-01T12:00:00Z'), 6))).toEqual([
      '2026-05-04T02:00:00.000Z',
      '2026-05-05T02:00:00.000Z',
      '2026-05-06T02:00:00.000Z',
      '2026-05-07T02:00:00.000Z',
      '2026-05-08T02:00:00.000Z',
      '2026-05-11T02:00:00.000Z',
    ])
    // A Sunday run on the Berlin spring-forward Sunday falls after the gap.
    expect(
      iso([
        nextRunAfter({ type: 'weekly', days: ['sun'], time: '02:15' }, BERLIN, at('2026-03-25T00:00:00Z'))!,
      ]),
    ).toEqual(['2026-03-29T01:00:00.000Z'])
  })

  it('once runs at its local time, by the same rules, and never again', () => {
    const gap: Trigger = { type: 'once', at: '2026-03-29T02:30' }
    expect(nextRuns(gap, BERLIN, at('2026-03-01T00:00:00Z'))).toEqual([at('2026-03-29T01:00:00Z')])
    const twice: Trigger = { type: 'once', at: '2026-10-25T02:30' }
    expect(nextRuns(twice, BERLIN, at('2026-10-01T00:00:00Z'))).toEqual([at('2026-10-25T00:30:00Z')])
    expect(nextRunAfter(twice, BERLIN, at('2026-10-25T00:30:00Z'))).toBeNull()
  })
})

describe('next runs at month ends and in other zones', () => {
  it('the 31st runs only in months that have one', () => {
    expect(
      iso(nextRuns({ type: 'cron', expression: '0 3 31 * *' }, 'UTC', at('2026-01-01T00:00:00Z'), 4)),
    ).toEqual([
      '2026-01-31T03:00:00.000Z',
      '2026-03-31T03:00:00.000Z',
      '2026-05-31T03:00:00.000Z',
      '2026-07-31T03:00:00.000Z',
    ])
  })

  it('the 29th of February runs in leap years only, and L is the last day of each month', () => {
    expect(
      iso(nextRuns({ type: 'cron', expression: '0 3 29 2 *' }, BERLIN, at('2026-01-01T00:00:00Z'), 2)),
    ).toEqual(['2028-02-29T02:00:00.000Z', '2032-02-29T02:00:00.000Z'])
    expect(
      iso(nextRuns({ type: 'cron', expression: '0 3 L * *' }, 'UTC', at('2028-01-15T00:00:00Z'), 3)),
    ).toEqual(['2028-01-31T03:00:00.000Z', '2028-02-29T03:00:00.000Z', '2028-03-31T03:00:00.000Z'])
    expect(nextRuns({ type: 'once', at: '2028-02-29T23:59' }, 'UTC', at('2028-02-29T00:00:00Z'))).toEqual([
      at('2028-02-29T23:59:00Z'),
    ])
  })

  it('the same local time is a different instant in each zone, and the local date decides the day', () => {
    const daily: Trigger = { type: 'daily', time: '02:00' }
    const from = at('2026-06-01T12:00:00Z')
    expect(iso([nextRunAfter(daily, 'Asia/Tokyo', from)!])).toEqual(['2026-06-01T17:00:00.000Z'])
    expect(iso([nextRunAfter(daily, NEW_YORK, from)!])).toEqual(['2026-06-02T06:00:00.000Z'])
    expect(iso([nextRunAfter(daily, 'Asia/Kolkata', from)!])).toEqual(['2026-06-01T20:30:00.000Z'])
    // Monday in Auckland while it is still Sunday in UTC.
    const monday: Trigger = { type: 'weekly', days: ['mon'], time: '09:00' }
    expect(iso([nextRunAfter(monday, 'Pacific/Auckland', at('2026-06-07T10:00:00Z'))!])).toEqual([
      '2026-06-07T21:00:00.000Z',
    ])
  })
})

describe('the latest due time in a span, for runs missed while the app was closed', () => {
  it('finds the last one, or none', () => {
    const daily: Trigger = { type: 'daily', time: '02:00' }
    expect(latestDueBetween(daily, 'UTC', at('2026-01-01T03:00:00Z'), at('2026-01-05T01:00:00Z'))).toBe(
      at('2026-01-04T02:00:00Z'),
    )
    expect(latestDueBetween(daily, 'UTC', at('2026-01-01T03:00:00Z'), at('2026-01-02T01:59:00Z'))).toBeNull()
    // The end of the span counts; the start does not.
    expect(latestDueBetween(daily, 'UTC', at('2026-01-01T02:00:00Z'), at('2026-01-02T02:00:00Z'))).toBe(
      at('2026-01-02T02:00:00Z'),
    )
  })

  it('asks croner for a cron expression instead of walking a month minute by minute', () => {
    const minutely: Trigger = { type: 'cron', expression: '* * * * *' }
    const started = performance.now()
    expect(latestDueBetween(minutely, 'UTC', at('2026-01-01T00:00:00Z'), at('2026-02-01T00:00:30Z'))).toBe(
      at('2026-02-01T00:00:00Z'),
    )
    expect(performance.now() - started).toBeLessThan(500)
    expect(
      latestDueBetween(minutely, 'UTC', at('2026-01-01T00:00:00Z'), at('2026-01-01T00:00:30Z')),
    ).toBeNull()
  })
})
