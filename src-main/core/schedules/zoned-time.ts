/**
 * Wall-clock time in an IANA time zone, from the Intl data the runtime carries (no tz database of our
 * own). Schedules are written in local time ("02:00, Europe/Berlin") and run at instants; the two rules
 * for the hours a DST change makes odd live here, in {@link localToInstant}:
 * - a local time that does not exist (the clock jumps over it) runs at the first instant after the gap;
 * - a local time that happens twice (the clock goes back) runs once, at its first occurrence.
 */

/** A local calendar date and time of day, month 1–12, as a person writes it. */
export interface LocalDateTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

/** A local time and what day of the week it is (0 = Sunday … 6 = Saturday). */
export interface LocalParts extends LocalDateTime {
  second: number
  weekday: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    })
    formatters.set(timeZone, format)
  }
  return format
}

const WEEKDAYS: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 }

/** Whether the runtime knows this IANA zone name (`Europe/Berlin`, `UTC`; aliases such as `US/Eastern` too). */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false
  try {
    formatter(timeZone)
    return true
  } catch {
    return false
  }
}

/** What the clock on the wall in `timeZone` shows at `instant` (ms since the epoch). */
export function localParts(instant: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {}
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    second: Number(parts['second']),
    weekday: WEEKDAYS[parts['weekday'] ?? ''] ?? 0,
  }
}

/** Milliseconds the zone is ahead of UTC at `instant` (+3_600_000 for CET). */
export function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone)
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return wall - Math.floor(instant / 1000) * 1000
}

/** The local time read as if it were UTC: a plain number to compare and add days to. */
export function wallMs(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute)
}

/** What the wall clock shows at `instant`, read as if it were UTC (to the millisecond). */
export function wallAt(instant: number, timeZone: string): number {
  return instant + offsetAt(instant, timeZone)
}

/**
 * How far apart the zone's offsets are within a day of `instant` (0 on most days, an hour around a
 * DST change): the most a wall time and the instant it runs at can slide against each other there.
 */
export function offsetSpread(instant: number, timeZone: string): number {
  const offsets = [instant - DAY, instant, instant + DAY].map((at) => offsetAt(at, timeZone))
  return Math.max(...offsets) - Math.min(...offsets)
}

function sameMinute(instant: number, local: LocalDateTime, timeZone: string): boolean {
  const p = localParts(instant, timeZone)
  return (
    p.year === local.year &&
    p.month === local.month &&
    p.day === local.day &&
    p.hour === local.hour &&
    p.minute === local.minute
  )
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * Which pass of a local time that happens twice: runs take the first; a bandwidth window's end takes
 * the last, so a window written to end at 02:30 ends when the wall clock says 02:30 for the last time.
 */
export type Occurrence = 'first' | 'last'

/**
 * The instant a local time happens in `timeZone`, under the schedule rules: the first occurrence of a
 * time that happens twice (or the last, when asked), and for a time inside a DST gap the first instant
 * after the gap (the moment the clock jumped). Offsets come from the zone's own data a day either side,
 * which covers every transition there has been (the largest jumps are a day, when Samoa crossed the
 * date line).
 */
export function localToInstant(
  local: LocalDateTime,
  timeZone: string,
  occurrence: Occurrence = 'first',
): number {
  const key = `${timeZone} ${local.year}-${local.month}-${local.day} ${local.hour}:${local.minute} ${occurrence}`
  const known = instants.get(key)
  if (known !== undefined) return known
  const instant = computeInstant(local, timeZone, occurrence)
  // The scheduler asks for the same few local times every minute; Intl lookups are not free.
  if (instants.size >= MAX_CACHED) instants.delete(instants.keys().next().value as string)
  instants.set(key, instant)
  return instant
}

const instants = new Map<string, number>()
const MAX_CACHED = 2000

function computeInstant(local: LocalDateTime, timeZone: string, occurrence: Occurrence): number {
  const wall = wallMs(local)
  const offsets = new Set([
    offsetAt(wall - DAY, timeZone),
    offsetAt(wall, timeZone),
    offsetAt(wall + DAY, timeZone),
  ])
  const candidates = [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => sameMinute(instant, local, timeZone))
    .sort((a, b) => a - b)
  const found = occurrence === 'first' ? candidates[0] : candidates.at(-1)
  if (found !== undefined) return found
  return gapEnd(wall, timeZone)
}

/**
 * The instant a DST gap around the wall time `wall` ends: the clock showed less than `wall` just before
 * it and more just after. Found by bisection between the instants `wall` would be under the offsets
 * before and after the change, to the millisecond.
 */
function gapEnd(wall: number, timeZone: string): number {
  let before = wall - Math.max(offsetAt(wall - DAY, timeZone), offsetAt(wall + DAY, timeZone)) - HOUR
  let after = wall - Math.min(offsetAt(wall - DAY, timeZone), offsetAt(wall + DAY, timeZone)) + HOUR
  // Invariant: the wall clock at `before` reads earlier than `wall`, at `after` later.
  while (after - before > 1) {
    const middle = before + Math.floor((after - before) / 2)
    if (middle + offsetAt(middle, timeZone) < wall) before = middle
    else after = middle
  }
  return after
}

/** The calendar date `days` after the given one (negative: before), month 1–12. */
export function addDays(
  date: { year: number; month: number; day: number },
  days: number,
): {
  year: number
  month: number
  day: number
} {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

/** Day of the week of a calendar date, 0 = Sunday. */
export function weekdayOf(date: { year: number; month: number; day: number }): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()
}

/** "HH:MM" → minutes after midnight; 24:00 is 1440 (the end of the day, for window ends). */
export function parseClock(text: string): { hour: number; minute: number } {
  const match = /^(\d{2}):(\d{2})$/.exec(text)
  if (!match) throw new Error(`Not a time of day: ${text}`)
  return { hour: Number(match[1]), minute: Number(match[2]) }
}

/** The machine's own time zone, as the runtime reports it. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}
