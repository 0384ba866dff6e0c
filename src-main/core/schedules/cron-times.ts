import { Cron } from 'croner'
import { CRON_OPTIONS } from './schedule-schema'
import { localToInstant, offsetSpread, wallAt } from './zoned-time'

/**
 * When a cron expression runs, in one of two ways, chosen by its hour field:
 *
 * - **Fixed hours** (a number, a list or a range of numbers: `30 2 * * *`, `*\/15 2 * * *`,
 *   `0 1,13 * * *`): every local time it names follows the schedule DST rules, as once, daily and
 *   weekly do. The local times are enumerated by croner on a wall clock with no DST (UTC), and each is
 *   turned into an instant by {@link localToInstant}: a time in a spring-forward gap runs at the first
 *   instant after the gap, and all the times a gap swallows run there once, together; a time that
 *   happens twice runs at its first occurrence only.
 * - **Stepped or wildcard hours** (`*`, `?`, or any step: `0 * * * *`, `*\/15 * * * *`,
 *   `0 *\/2 * * *`, `0 0-23/2 * * *`) follow the wall clock, through croner's own time zone handling,
 *   as cron does: the hour that does not exist is skipped (an hourly job runs an hour after its last
 *   run, when the clock reads 03:00) and the hour that happens twice is run in both passes, so an
 *   hourly job never stops for 75 minutes when the clocks go back.
 */

const NICKNAME_HOURS: Readonly<Record<string, string>> = {
  '@yearly': '0',
  '@annually': '0',
  '@monthly': '0',
  '@weekly': '0',
  '@daily': '0',
  '@midnight': '0',
  '@hourly': '*',
}

/** Whether the expression's hour field names fixed hours (no wildcard, no step). */
export function cronHasFixedHours(expression: string): boolean {
  const text = expression.trim().toLowerCase()
  const hour = NICKNAME_HOURS[text] ?? text.split(/\s+/)[1] ?? '*'
  return !/[*?/]/.test(hour)
}

const crons = new Map<string, Cron>()

/** Croner for the expression in a zone; `UTC` doubles as the plain wall clock of fixed-hour crons. */
function cronFor(expression: string, timeZone: string): Cron {
  const key = `${timeZone}\n${expression}`
  let cron = crons.get(key)
  if (!cron) {
    cron = new Cron(expression, { ...CRON_OPTIONS, timezone: timeZone })
    crons.set(key, cron)
  }
  return cron
}

/** The instant a wall time (a UTC-read Date from croner's wall clock) runs at, under the DST rules. */
function runAt(wall: Date, timeZone: string): number {
  return localToInstant(
    {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
    },
    timeZone,
  )
}

/** The expression's first run strictly after `after`; null when it never runs again. */
export function cronNextRun(expression: string, timeZone: string, after: number): number | null {
  if (!cronHasFixedHours(expression)) {
    return cronFor(expression, timeZone).nextRun(new Date(after))?.getTime() ?? null
  }
  const wallClock = cronFor(expression, 'UTC')
  // A wall time up to the offset spread before `after`'s own can still run after it (a time in the
  // second pass of a repeated hour reads earlier than the first pass ended); none earlier can.
  let cursor = wallAt(after, timeZone) - offsetSpread(after, timeZone) - 1
  // Instants never go back as wall times go forward, so the first wall time past `after` is the run;
  // the times a gap swallows share one instant and are passed over once it has run.
  for (;;) {
    const wall = wallClock.nextRun(new Date(cursor))
    if (wall === null) return null
    const instant = runAt(wall, timeZone)
    if (instant > after) return instant
    cursor = wall.getTime()
  }
}

/** The expression's latest run at or before `until`; null when it has none. */
export function cronLatestRun(expression: string, timeZone: string, until: number): number | null {
  if (!cronHasFixedHours(expression)) {
    // previousRuns includes a run in the reference's own second; +1 ms makes `until` itself count.
    return (
      cronFor(expression, timeZone)
        .previousRuns(1, new Date(until + 1))[0]
        ?.getTime() ?? null
    )
  }
  const wallClock = cronFor(expression, 'UTC')
  let cursor = wallAt(until, timeZone) + offsetSpread(until, timeZone) + 1
  for (;;) {
    const wall = wallClock.previousRuns(1, new Date(cursor))[0]
    if (wall === undefined) return null
    const instant = runAt(wall, timeZone)
    if (instant <= until) return instant
    cursor = wall.getTime()
  }
}

/**
 * The local times ("02:15") a fixed-hour expression names that run at `run`: one on an ordinary day,
 * several when a spring-forward gap swallowed them. Empty for a stepped or wildcard hour, whose runs
 * are the clock's own times.
 */
export function cronTimesAt(expression: string, timeZone: string, run: number): string[] {
  if (!cronHasFixedHours(expression)) return []
  const wallClock = cronFor(expression, 'UTC')
  const times: string[] = []
  let cursor = wallAt(run, timeZone) - offsetSpread(run, timeZone) - 1
  for (;;) {
    const wall = wallClock.nextRun(new Date(cursor))
    if (wall === null) return times
    const instant = runAt(wall, timeZone)
    if (instant > run) return times
    if (instant === run) times.push(wall.toISOString().slice(11, 16))
    cursor = wall.getTime()
  }
}
