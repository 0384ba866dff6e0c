import type { ScheduleRunResult, Weekday } from '../../../../src-preload/contract/schedules'

/** Days in week order, with the short and long names the screen uses. */
export const DAYS: ReadonlyArray<{ value: Weekday; short: string; long: string }> = [
  { value: 'mon', short: 'Mon', long: 'Monday' },
  { value: 'tue', short: 'Tue', long: 'Tuesday' },
  { value: 'wed', short: 'Wed', long: 'Wednesday' },
  { value: 'thu', short: 'Thu', long: 'Thursday' },
  { value: 'fri', short: 'Fri', long: 'Friday' },
  { value: 'sat', short: 'Sat', long: 'Saturday' },
  { value: 'sun', short: 'Sun', long: 'Sunday' },
]

export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']
export const EVERY_DAY: Weekday[] = DAYS.map((d) => d.value)

/** The machine's own time zone (the browser's; in browser mode that is the engine's machine too). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** Every IANA zone the runtime knows, with UTC first-class. */
export function timeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  return [...new Set(['UTC', ...known, localTimeZone()])].sort((a, b) =>
    a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b),
  )
}

/** An instant as the clock in `timeZone` shows it: "Mon 8 Jan 2030, 02:00". Fixed English, 24-hour. */
export function formatInZone(iso: string, timeZone: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return '—'
  try {
    // Put together from parts: runtimes punctuate the whole differently ("Tue, 8 Jan" or "Tue 8 Jan").
    const parts: Record<string, string> = {}
    for (const part of new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(date))
      parts[part.type] = part.value
    return `${parts['weekday']} ${parts['day']} ${parts['month']} ${parts['year']}, ${parts['hour']}:${parts['minute']}`
  } catch {
    return date.toISOString()
  }
}

/** The zone's offset at an instant, as "GMT+2" or "GMT-5", for telling the two 02:30s apart. */
export function offsetName(iso: string, timeZone: string): string {
  try {
    const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date(iso))
      .find((p) => p.type === 'timeZoneName')
    return part?.value ?? ''
  } catch {
    return ''
  }
}

/** A schedule's last result in words and a badge colour; colour is never the only signal. */
export function resultLabel(result: ScheduleRunResult): { label: string; color: string } {
  switch (result) {
    case 'waiting-for-credentials':
      return { label: 'Waiting for secrets', color: 'orange' }
    case 'running':
      return { label: 'Running', color: 'blue' }
    case 'completed':
      return { label: 'Completed', color: 'green' }
    case 'completed-with-failures':
      return { label: 'Completed with failures', color: 'orange' }
    case 'failed':
      return { label: 'Failed', color: 'red' }
    case 'cancelled':
      return { label: 'Cancelled', color: 'gray' }
    case 'needs-credentials':
      return { label: 'Needs credentials', color: 'orange' }
    case 'skipped':
      return { label: 'Skipped', color: 'gray' }
    case 'interrupted':
      return { label: 'Interrupted', color: 'orange' }
  }
}

/** The value of a datetime-local input for an instant in a zone: "2030-01-07T02:00". */
export function localInputValue(instant: number, timeZone: string): string {
  const parts: Record<string, string> = {}
  for (const part of new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant)))
    parts[part.type] = part.value
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`
}
