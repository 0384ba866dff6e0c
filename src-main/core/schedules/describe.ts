import { cronHasFixedHours, cronTimesAt } from './cron-times'
import { WEEKDAY_NUMBER, WEEKDAYS, type Trigger, type Weekday } from './schedule-schema'
import { localParts, offsetAt } from './zoned-time'

/**
 * A trigger in plain words for the Schedules screen: "every weekday at 02:00, Europe/Berlin". Cron
 * expressions that say something common (a time every day, some weekdays, every N minutes, a day of
 * the month) are put in words too; anything else is quoted as it is.
 */

const DAY_NAMES: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

function list(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** "every day", "every weekday", "every Monday and Friday" for a set of days. */
function daysPhrase(days: readonly Weekday[]): string {
  const set = new Set(days)
  if (set.size === 7) return 'every day'
  const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']
  if (set.size === 5 && weekdays.every((d) => set.has(d))) return 'every weekday'
  if (set.size === 2 && set.has('sat') && set.has('sun')) return 'every Saturday and Sunday'
  return `every ${list(WEEKDAYS.filter((d) => set.has(d)).map((d) => DAY_NAMES[d]))}`
}

function onceWords(at: string): string {
  const [date = '', time = ''] = at.split('T')
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const weekday = WEEKDAYS.find((day) => WEEKDAY_NUMBER[day] === new Date(Date.UTC(y, m - 1, d)).getUTCDay())
  return `once, on ${weekday ? DAY_NAMES[weekday] : ''} ${d} ${MONTHS[m - 1]} ${y} at ${time}`
}

const NICKNAMES: Readonly<Record<string, string>> = {
  '@yearly': 'every 1 January at 00:00',
  '@annually': 'every 1 January at 00:00',
  '@monthly': 'on the 1st of every month at 00:00',
  '@weekly': 'every Sunday at 00:00',
  '@daily': 'every day at 00:00',
  '@midnight': 'every day at 00:00',
  '@hourly': 'every hour, on the hour',
}

const DOW_NAMES: Readonly<Record<string, number>> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 }

/** A day-of-week field of numbers, names, lists and ranges, as days; undefined for anything else. */
function cronDays(field: string): Weekday[] | undefined {
  const numbers = new Set<number>()
  for (const part of field.toLowerCase().split(',')) {
    const [from, to] = part.split('-')
    const a = from !== undefined ? (DOW_NAMES[from] ?? (/^[0-7]$/.test(from) ? Number(from) % 7 : -1)) : -1
    const b = to === undefined ? a : (DOW_NAMES[to] ?? (/^[0-7]$/.test(to) ? Number(to) : -1))
    if (a < 0 || b < 0 || b < a) return undefined
    for (let n = a; n <= b; n++) numbers.add(n % 7)
  }
  return WEEKDAYS.filter((day) => numbers.has(WEEKDAY_NUMBER[day]))
}

function ordinal(n: number): string {
  const suffix =
    n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'
  return `${n}${suffix}`
}

/** Common cron shapes in words; undefined when the expression is better shown as it is. */
function cronWords(expression: string): string | undefined {
  const nickname = NICKNAMES[expression.trim().toLowerCase()]
  if (nickname) return nickname
  const fields = expression.trim().split(/\s+/)
  if (fields.length !== 5) return undefined
  const [minute = '', hour = '', dom = '', month = '', dow = ''] = fields
  const anyDay = (dom === '*' || dom === '?') && month === '*'
  const isNumber = (f: string, max: number) => /^\d{1,2}$/.test(f) && Number(f) <= max
  if (isNumber(minute, 59) && isNumber(hour, 23)) {
    const at = `at ${pad(Number(hour))}:${pad(Number(minute))}`
    if (anyDay && (dow === '*' || dow === '?')) return `every day ${at}`
    const days = anyDay ? cronDays(dow) : undefined
    if (days && days.length > 0) return `${daysPhrase(days)} ${at}`
    if (month === '*' && (dow === '*' || dow === '?')) {
      if (dom === 'L') return `on the last day of every month ${at}`
      if (isNumber(dom, 31) && Number(dom) >= 1) return `on the ${ordinal(Number(dom))} of every month ${at}`
    }
    return undefined
  }
  if (!anyDay || (dow !== '*' && dow !== '?')) return undefined
  if (isNumber(minute, 59) && hour === '*') return `every hour at ${pad(Number(minute))} minutes past`
  const step = /^\*\/(\d+)$/
  const minuteStep = step.exec(minute)
  if (minuteStep && hour === '*') return minuteStepWords(Number(minuteStep[1]))
  if (minute === '*' && hour === '*') return 'every minute'
  const hourStep = step.exec(hour)
  if (isNumber(minute, 59) && hourStep) return hourStepWords(Number(hourStep[1]), Number(minute))
  return undefined
}

/**
 * `*\/n` in the minute field counts from :00 again every hour, so a step that does not divide 60 is
 * not "every n minutes": `*\/7` runs at :56 and then at :00. Such steps say where they start and end.
 */
function minuteStepWords(n: number): string | undefined {
  if (n < 1 || n > 59) return undefined
  if (n === 1) return 'every minute'
  if (60 % n === 0) return `every ${n} minutes`
  return `every ${n} minutes from :00 to :${pad(Math.floor(59 / n) * n)} of each hour`
}

/** The same for hours: `0 *\/5` runs at 20:00 and then at 00:00, four hours later. */
function hourStepWords(n: number, minute: number): string | undefined {
  if (n < 1 || n > 23) return undefined
  if (24 % n === 0) {
    if (n === 1) return minute === 0 ? 'every hour, on the hour' : `every hour at ${pad(minute)} minutes past`
    return minute === 0 ? `every ${n} hours, on the hour` : `every ${n} hours at ${pad(minute)} minutes past`
  }
  const last = Math.floor(23 / n) * n
  return `every ${n} hours from 00:${pad(minute)} to ${pad(last)}:${pad(minute)} of each day`
}

/** The trigger in words, ending with the time zone. */
export function describeTrigger(trigger: Trigger, timeZone: string): string {
  switch (trigger.type) {
    case 'once':
      return `${onceWords(trigger.at)}, ${timeZone}`
    case 'daily':
      return `every day at ${trigger.time}, ${timeZone}`
    case 'weekly':
      return `${daysPhrase(trigger.days)} at ${trigger.time}, ${timeZone}`
    case 'cron': {
      const words = cronWords(trigger.expression)
      return words ? `${words}, ${timeZone}` : `on the cron schedule "${trigger.expression}", ${timeZone}`
    }
  }
}

/**
 * The local times a trigger names that run at `run` ("02:30"; several when a gap swallowed them), for
 * triggers that follow the schedule DST rules; undefined for a cron with a stepped or wildcard hour,
 * which follows the clock instead.
 */
function namedTimes(trigger: Trigger, timeZone: string, run: number): string[] | undefined {
  switch (trigger.type) {
    case 'daily':
    case 'weekly':
      return [trigger.time]
    case 'once':
      return [trigger.at.split('T')[1] ?? '']
    case 'cron':
      return cronHasFixedHours(trigger.expression)
        ? cronTimesAt(trigger.expression, timeZone, run)
        : undefined
  }
}

const HOUR = 3_600_000

/**
 * Why a run falls where it does around a DST change, for the preview: the named time did not exist
 * that day, or it happened twice and runs at the first. Undefined for an ordinary run, and for a cron
 * with a stepped or wildcard hour, whose runs are simply the times the clock shows.
 */
export function dstNote(trigger: Trigger, timeZone: string, run: number): string | undefined {
  const named = namedTimes(trigger, timeZone, run)
  if (named === undefined) return undefined
  const local = localParts(run, timeZone)
  const shown = `${pad(local.hour)}:${pad(local.minute)}`
  const gone = named.filter((time) => time !== shown)
  if (gone.length === 1) {
    return `${gone[0]} does not exist that day in ${timeZone} (the clocks go forward), so it runs at ${shown}, when the clocks have changed.`
  }
  if (gone.length > 1) {
    const times =
      gone.length === 2 ? `${gone[0]} and ${gone[1]}` : `The times from ${gone[0]} to ${gone.at(-1)}`
    return `${times} do not exist that day in ${timeZone} (the clocks go forward), so they run once, at ${shown}, when the clocks have changed.`
  }
  // The same wall time comes back when the clocks go back: its second pass is the offset drop later.
  const drop = offsetAt(run, timeZone) - offsetAt(run + 3 * HOUR, timeZone)
  if (drop > 0) {
    const again = localParts(run + drop, timeZone)
    if (again.hour === local.hour && again.minute === local.minute && again.day === local.day) {
      return `${shown} happens twice that day in ${timeZone} (the clocks go back); it runs once, at the first.`
    }
  }
  return undefined
}
