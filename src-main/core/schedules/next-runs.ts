import { cronLatestRun, cronNextRun } from './cron-times'
import { WEEKDAY_NUMBER, WEEKDAYS, type Trigger } from './schedule-schema'
import { addDays, localParts, localToInstant, parseClock, weekdayOf } from './zoned-time'

/**
 * When a trigger fires next, as instants (ms since the epoch). Once, daily and weekly triggers are
 * worked out here from local dates with {@link localToInstant}, so they follow the schedule DST rules
 * exactly (a time in the gap runs when the clock has jumped, a repeated time runs at its first
 * occurrence). Cron expressions go to cron-times.ts: those with fixed hours follow the same two rules,
 * those with a stepped or wildcard hour (`*\/15 * * * *`) follow the clock.
 */

const EVERY_DAY = WEEKDAYS.map((day) => WEEKDAY_NUMBER[day])

/** The first local `time` on one of `weekdays` that falls strictly after `after`. */
function nextAtTime(time: string, weekdays: readonly number[], timeZone: string, after: number): number {
  const { hour, minute } = parseClock(time)
  const today = localParts(after, timeZone)
  // Eight days always hold the next one: today may already be past, and a weekday comes back in seven.
  for (let offset = 0; offset <= 8; offset++) {
    const date = addDays(today, offset)
    if (!weekdays.includes(weekdayOf(date))) continue
    const instant = localToInstant({ ...date, hour, minute }, timeZone)
    if (instant > after) return instant
  }
  throw new Error(`No run within eight days for ${time} on ${weekdays.join(',')}`)
}

/** The local date-time of a once trigger as an instant. */
export function onceInstant(at: string, timeZone: string): number {
  const [date = '', clock = ''] = at.split('T')
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return localToInstant({ year, month, day, ...parseClock(clock) }, timeZone)
}

/** The trigger's first run strictly after `after`; null when it has none left (a once in the past). */
export function nextRunAfter(trigger: Trigger, timeZone: string, after: number): number | null {
  switch (trigger.type) {
    case 'once': {
      const at = onceInstant(trigger.at, timeZone)
      return at > after ? at : null
    }
    case 'daily':
      return nextAtTime(trigger.time, EVERY_DAY, timeZone, after)
    case 'weekly':
      return nextAtTime(
        trigger.time,
        trigger.days.map((day) => WEEKDAY_NUMBER[day]),
        timeZone,
        after,
      )
    case 'cron':
      return cronNextRun(trigger.expression, timeZone, after)
  }
}

/** Up to `count` runs strictly after `after`, earliest first (fewer when the trigger runs out). */
export function nextRuns(trigger: Trigger, timeZone: string, after: number, count = 5): number[] {
  const runs: number[] = []
  let cursor = after
  while (runs.length < count) {
    const next = nextRunAfter(trigger, timeZone, cursor)
    if (next === null) break
    runs.push(next)
    cursor = next
  }
  return runs
}

/**
 * The latest due time in (`from`, `until`], for a run missed while the app was closed or the machine
 * slept; null when none fell in between. Cron looks back from `until` (a minutely expression
 * after a month away must not be walked minute by minute); the others step a day at a time at most.
 */
export function latestDueBetween(
  trigger: Trigger,
  timeZone: string,
  from: number,
  until: number,
): number | null {
  if (until <= from) return null
  if (trigger.type === 'cron') {
    const at = cronLatestRun(trigger.expression, timeZone, until)
    return at !== null && at > from ? at : null
  }
  let latest: number | null = null
  let cursor = from
  for (;;) {
    const next = nextRunAfter(trigger, timeZone, cursor)
    if (next === null || next > until) return latest
    latest = next
    cursor = next
  }
}
