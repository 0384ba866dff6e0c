import { WEEKDAY_NUMBER, type BandwidthWindow } from './schedule-schema'
import { addDays, localParts, localToInstant, parseClock, weekdayOf, type Occurrence } from './zoned-time'

/**
 * Bandwidth windows: "2 MB/s Monday–Friday 08:00–18:00, unlimited otherwise". A window starts on each
 * of its days at `start` and ends at `end` the same day, or the next day when `end` is not after
 * `start` (22:00–06:00 runs overnight); 24:00 is the end of the day. Where windows overlap the lowest
 * limit wins; outside every window there is none. Local times follow the schedule DST rules, except
 * that an end which happens twice is taken at its second occurrence.
 */

/** Windows and the time zone their times are written in. */
export interface WindowSet {
  timeZone: string
  windows: readonly BandwidthWindow[]
}

interface Interval {
  start: number
  end: number
  limitMb: number
}

const DAY_MINUTES = 24 * 60

function minutes(clock: string): number {
  if (clock === '24:00') return DAY_MINUTES
  const { hour, minute } = parseClock(clock)
  return hour * 60 + minute
}

function instantAt(
  date: { year: number; month: number; day: number },
  dayMinutes: number,
  timeZone: string,
  occurrence: Occurrence,
): number {
  const day = addDays(date, Math.floor(dayMinutes / DAY_MINUTES))
  const rest = dayMinutes % DAY_MINUTES
  return localToInstant({ ...day, hour: Math.floor(rest / 60), minute: rest % 60 }, timeZone, occurrence)
}

/** Every window's concrete spans from the day before `at` to a week after it. */
function intervals(set: WindowSet, at: number): Interval[] {
  if (set.windows.length === 0) return []
  const today = localParts(at, set.timeZone)
  const spans: Interval[] = []
  for (let offset = -1; offset <= 8; offset++) {
    const date = addDays(today, offset)
    const weekday = weekdayOf(date)
    for (const window of set.windows) {
      if (!window.days.some((day) => WEEKDAY_NUMBER[day] === weekday)) continue
      const start = minutes(window.start)
      let end = minutes(window.end)
      if (end <= start) end += DAY_MINUTES
      spans.push({
        // A window runs from the first time its start shows to the last time its end shows, so one
        // ending at 02:30 on the night the clocks go back lasts through both 02:30s.
        start: instantAt(date, start, set.timeZone, 'first'),
        end: instantAt(date, end, set.timeZone, 'last'),
        limitMb: window.limitMb,
      })
    }
  }
  return spans
}

/** The limit in MB/s the windows set at `at`; null when no window is open. */
export function windowLimitAt(set: WindowSet, at: number): number | null {
  let limit: number | null = null
  for (const span of intervals(set, at)) {
    if (span.start <= at && at < span.end)
      limit = limit === null ? span.limitMb : Math.min(limit, span.limitMb)
  }
  return limit
}

/** The next instant after `at` when a window opens or closes; null when there are no windows. */
export function nextBoundary(set: WindowSet, at: number): number | null {
  let next: number | null = null
  for (const span of intervals(set, at)) {
    for (const edge of [span.start, span.end]) if (edge > at && (next === null || edge < next)) next = edge
  }
  return next
}

/** The lowest of several limits, where null means none. */
export function lowestLimit(...limits: (number | null | undefined)[]): number | null {
  let lowest: number | null = null
  for (const limit of limits) {
    if (limit === null || limit === undefined) continue
    lowest = lowest === null ? limit : Math.min(lowest, limit)
  }
  return lowest
}
