import type { UnattendedCheck } from './unattended'
import type { Schedule } from './schedule-schema'

/** Plain data the scheduler hands its shells (IPC, browser mode); serializable as it is. */

/** A schedule as the list shows it: the stored record plus what is worked out from it. */
export interface ScheduleView extends Schedule {
  /** The saved migration's name; null when it was deleted. */
  definitionName: string | null
  /** "every weekday at 02:00, Europe/Berlin" */
  description: string
  /** The next due time while enabled, ISO; null when off or when a once has run. */
  nextRun: string | null
  /** A run of this schedule under way now, or waiting for its secrets. */
  active: { jobId: string | null; phase: 'waiting-for-credentials' | 'running' } | null
}

/** One upcoming run in a preview, with why it falls where it does around a DST change. */
export interface PreviewRun {
  at: string
  note: string | null
}

export interface SchedulePreview {
  description: string
  /** The next five runs (fewer for a once). */
  nextRuns: PreviewRun[]
  /** Null until a saved migration is chosen. */
  unattended: UnattendedCheck | null
}

/** What saving or enabling returns: the schedule and whether it can run with nobody there. */
export interface ScheduleSaveResult {
  schedule: ScheduleView
  unattended: UnattendedCheck
}

/** Something a person should hear about even with the window closed: the shell may notify. */
export interface ScheduleNotice {
  scheduleId: string
  scheduleName: string
  kind: 'waiting-for-credentials' | 'needs-credentials' | 'skipped' | 'failed' | 'missed'
  message: string
  jobId: string | null
  at: string
}

export type SchedulerEvent =
  { type: 'schedules-changed'; schedules: ScheduleView[] } | { type: 'notice'; notice: ScheduleNotice }

export type SchedulerListener = (event: SchedulerEvent) => void
