/**
 * The schedules.* channels and schedule events. Plain data copied from main's scheduler (core/schedules/
 * schedule-schema.ts and scheduler-types.ts) rather than imported, so the renderer bundle never reaches
 * into core; the handlers return core's values where these types are expected, so the compiler notices
 * a drift. Times of day are "HH:MM" and dates "YYYY-MM-DDTHH:MM", local to the schedule's time zone.
 */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'

/**
 * When a schedule runs. Local times that do not exist (the clocks go forward) run at the first instant
 * after the gap; local times that happen twice (the clocks go back) run once, at the first.
 */
export type ScheduleTrigger =
  | { type: 'once'; at: string }
  | { type: 'daily'; time: string }
  | { type: 'weekly'; days: Weekday[]; time: string }
  /** Five fields: minute hour day-of-month month day-of-week (croner). */
  | { type: 'cron'; expression: string }

/** A limit for the hours it covers: `end` not after `start` runs into the next day; 24:00 ends the day. */
export interface BandwidthWindow {
  days: Weekday[]
  start: string
  end: string
  /** MB/s (1 MB = 1,000,000 bytes); outside every window there is no limit. */
  limitMb: number
}

/** What the form submits; the store checks it field by field ("trigger.time must be HH:MM"). */
export interface ScheduleDraft {
  /** Set when editing a saved schedule. */
  id?: string
  name: string
  /** The saved migration it runs. */
  definitionId: string
  trigger: ScheduleTrigger
  /** IANA name, e.g. Europe/Berlin. */
  timeZone: string
  enabled?: boolean
  bandwidthWindows?: BandwidthWindow[]
  /** How long a run waits for secrets nobody is there to type; 15 when not given. */
  credentialsWaitMinutes?: number
}

export type ScheduleRunResult =
  | 'waiting-for-credentials'
  | 'running'
  | 'completed'
  | 'completed-with-failures'
  | 'failed'
  | 'cancelled'
  | 'needs-credentials'
  | 'skipped'
  | 'interrupted'

export interface ScheduleLastRun {
  /** The run in history; null when none was recorded. */
  jobId: string | null
  at: string
  /** The due time it was for; null for Run now. */
  scheduledFor: string | null
  result: ScheduleRunResult
  message: string | null
}

/** A saved schedule as the list shows it. */
export interface Schedule {
  id: string
  name: string
  definitionId: string
  trigger: ScheduleTrigger
  timeZone: string
  enabled: boolean
  bandwidthWindows: BandwidthWindow[]
  credentialsWaitMinutes: number
  createdAt: string
  updatedAt: string
  /** Due times up to here are handled. */
  handledUntil: string
  lastRun: ScheduleLastRun | null
  /** The saved migration's name; null when it was deleted. */
  definitionName: string | null
  /** "every weekday at 02:00, Europe/Berlin" */
  description: string
  /** ISO; null when off or when a once has run. */
  nextRun: string | null
  /** A run under way now, or waiting for its secrets. */
  active: { jobId: string | null; phase: 'waiting-for-credentials' | 'running' } | null
}

/** Whether the migration can run with nobody at the screen, and why not. */
export interface UnattendedCheck {
  ok: boolean
  problems: string[]
  notes: string[]
}

/** Input of `schedules.preview`: a draft's timing, and its migration once chosen. */
export interface SchedulePreviewInput {
  trigger: ScheduleTrigger
  timeZone: string
  definitionId?: string
}

export interface SchedulePreview {
  description: string
  /** The next five runs (fewer for a once), each with a note when a DST change moves it. */
  nextRuns: { at: string; note: string | null }[]
  unattended: UnattendedCheck | null
}

export interface ScheduleSaveResult {
  schedule: Schedule
  unattended: UnattendedCheck
}

/** Windows for every job, in the time zone they are written in. */
export interface GlobalBandwidthWindows {
  timeZone: string
  windows: BandwidthWindow[]
}

/** Pushed as `schedule.notice`: what a person should hear about, even with the window closed. */
export interface ScheduleNotice {
  scheduleId: string
  scheduleName: string
  kind: 'waiting-for-credentials' | 'needs-credentials' | 'skipped' | 'failed' | 'missed'
  message: string
  jobId: string | null
  at: string
}

/** Pushed as `schedules.changed`: the whole list, which the page replaces. */
export interface SchedulesChangedEvent {
  schedules: Schedule[]
}
