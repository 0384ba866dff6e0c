import { Cron } from 'croner'
import { z } from 'zod'
import { expected, nameSchema, timestampSchema } from '../profiles/fields'
import { isValidTimeZone } from './zoned-time'

/**
 * The shape of a schedule and of the global bandwidth windows, as zod schemas whose messages are
 * predicates: parseOrThrow puts the field in front ("trigger.time must be HH:MM …").
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** Day of the week as Date.getUTCDay counts it (0 = Sunday), which cron uses too. */
export const WEEKDAY_NUMBER: Readonly<Record<Weekday, number>> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
}

/**
 * Cron's own croner settings, in one place so validation and next-run computation agree. Which DST
 * rules an expression follows is decided by its hour field, in cron-times.ts, not by croner's
 * fixed-time rule: croner only ever sees a wildcard or stepped hour with a real time zone, and those
 * are interval jobs under any of its rules.
 */
export const CRON_OPTIONS = {
  // Minutes are the finest grain a migration schedule needs; a sixth (seconds) field is refused.
  mode: '5-part',
} as const

const clockSchema = z
  .string({ error: expected('must be HH:MM') })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be HH:MM, from 00:00 to 23:59' })

const windowEndSchema = z
  .string({ error: expected('must be HH:MM') })
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'must be HH:MM, from 00:00 to 24:00' })

const daysSchema = z
  .array(z.enum(WEEKDAYS, { error: `must be one of ${WEEKDAYS.join(', ')}` }), {
    error: expected('must be a list of days'),
  })
  .min(1, { error: 'must name at least one day' })
  // Stored in week order without repeats, so two saves of the same choice compare equal.
  .transform((days) => WEEKDAYS.filter((day) => days.includes(day)))

function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

const localDateTimeSchema = z
  .string({ error: expected('must be a date and time, YYYY-MM-DDTHH:MM') })
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, {
    error: 'must be a date and time, YYYY-MM-DDTHH:MM (local time in the chosen time zone)',
  })
  .refine(isCalendarDate, { error: 'is not a date in the calendar' })

// A fixed reference rather than the clock: "never" is a property of the expression alone, and croner
// searches forward to the year 3000.
const NEVER_REFERENCE = new Date(Date.UTC(2000, 0, 1))

const cronSchema = z
  .string({ error: expected('must be a cron expression') })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(200, { error: 'is too long for a cron expression' })
  .superRefine((expression, ctx) => {
    let cron: Cron
    try {
      cron = new Cron(expression, { ...CRON_OPTIONS, timezone: 'UTC' })
    } catch (error) {
      const why = (error instanceof Error ? error.message : String(error)).replace(/^Cron\w*:\s*/, '')
      ctx.addIssue({
        code: 'custom',
        message: `is not a cron expression of five fields (minute hour day-of-month month day-of-week): ${why}`,
      })
      return
    }
    if (cron.nextRun(NEVER_REFERENCE) === null) {
      ctx.addIssue({ code: 'custom', message: 'never matches a date (for example the 30th of February)' })
    }
  })

export const triggerSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('once'), at: localDateTimeSchema }),
    z.strictObject({ type: z.literal('daily'), time: clockSchema }),
    z.strictObject({ type: z.literal('weekly'), days: daysSchema, time: clockSchema }),
    z.strictObject({ type: z.literal('cron'), expression: cronSchema }),
  ],
  { error: 'must be one of once, daily, weekly, cron' },
)

export const timeZoneSchema = z
  .string({ error: expected('must be a time zone') })
  .trim()
  .refine(isValidTimeZone, { error: 'must be an IANA time zone such as Europe/Berlin or UTC' })

export const bandwidthWindowSchema = z
  .strictObject({
    days: daysSchema,
    start: clockSchema,
    end: windowEndSchema,
    limitMb: z
      .number({ error: expected('must be a number of MB/s') })
      .positive({ error: 'must be more than 0 MB/s (outside every window there is no limit)' })
      .max(100_000, { error: 'is more than any link carries' }),
  })
  .refine((w) => w.start !== w.end, {
    error: 'must end at another time than it starts (00:00 to 24:00 for the whole day)',
    path: ['end'],
  })

export const bandwidthWindowsSchema = z
  .array(bandwidthWindowSchema, { error: expected('must be a list of windows') })
  .max(50, { error: 'has more than 50 windows' })

export const DEFAULT_CREDENTIALS_WAIT_MINUTES = 15

const waitSchema = z
  .number({ error: expected('must be a number of minutes') })
  .int({ error: 'must be a whole number of minutes' })
  .min(0, { error: 'must not be negative' })
  .max(1440, { error: 'must be at most 1440 (a day)' })

const editable = {
  name: nameSchema,
  definitionId: z
    .string({ error: expected('must be a saved migration') })
    .min(1, { error: 'must be a saved migration' }),
  trigger: triggerSchema,
  timeZone: timeZoneSchema,
  enabled: z.boolean({ error: expected('must be true or false') }),
  bandwidthWindows: bandwidthWindowsSchema,
  credentialsWaitMinutes: waitSchema,
}

/** What the form submits: the editable fields, with an id when it edits a saved schedule. */
export const scheduleDraftSchema = z.strictObject({
  id: z.string().min(1).optional(),
  ...editable,
  enabled: editable.enabled.default(true),
  bandwidthWindows: bandwidthWindowsSchema.default([]),
  credentialsWaitMinutes: waitSchema.default(DEFAULT_CREDENTIALS_WAIT_MINUTES),
})

export type ScheduleDraftInput = z.input<typeof scheduleDraftSchema>
export type ScheduleDraft = z.output<typeof scheduleDraftSchema>
export type Trigger = z.output<typeof triggerSchema>
export type BandwidthWindow = z.output<typeof bandwidthWindowSchema>

/** How a schedule's latest run went, as its row shows it. */
export const RUN_RESULTS = [
  'waiting-for-credentials',
  'running',
  'completed',
  'completed-with-failures',
  'failed',
  'cancelled',
  'needs-credentials',
  'skipped',
  'interrupted',
] as const
export type RunResult = (typeof RUN_RESULTS)[number]

const lastRunSchema = z.strictObject({
  /** The job in history; null when none was recorded (the saved migration was gone). */
  jobId: z.string().nullable(),
  /** When it started (or was skipped). */
  at: timestampSchema,
  /** The due time it was for; null for Run now. */
  scheduledFor: timestampSchema.nullable(),
  result: z.enum(RUN_RESULTS),
  message: z.string().nullable(),
})
export type LastRun = z.output<typeof lastRunSchema>

export const scheduleSchema = z.strictObject({
  id: z.string().min(1),
  ...editable,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /**
   * Due times up to here have been handled (run, skipped or deliberately passed over). Set to the save
   * time when a schedule is created, enabled or retimed, so it never runs for a time before that.
   */
  handledUntil: timestampSchema,
  lastRun: lastRunSchema.nullable(),
})
export type Schedule = z.output<typeof scheduleSchema>

/** Windows that slow every job down, manual ones too, in the time zone they are written in. */
export const globalWindowsSchema = z.strictObject({
  timeZone: timeZoneSchema,
  windows: bandwidthWindowsSchema,
})
export type GlobalWindows = z.output<typeof globalWindowsSchema>
