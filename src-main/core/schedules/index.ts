export { lowestLimit, nextBoundary, windowLimitAt, type WindowSet } from './bandwidth-windows'
export { describeTrigger, dstNote } from './describe'
export { latestDueBetween, nextRunAfter, nextRuns, onceInstant } from './next-runs'
export {
  DEFAULT_CREDENTIALS_WAIT_MINUTES,
  WEEKDAYS,
  type BandwidthWindow,
  type GlobalWindows,
  type LastRun,
  type RunResult,
  type Schedule,
  type ScheduleDraftInput,
  type Trigger,
  type Weekday,
} from './schedule-schema'
export { SCHEDULE_FILE, ScheduleStore, type ScheduleStoreOptions } from './schedule-store'
export { resultOf, Scheduler, type SchedulerJobs, type SchedulerOptions } from './scheduler'
export type {
  PreviewRun,
  ScheduleNotice,
  SchedulePreview,
  SchedulerEvent,
  SchedulerListener,
  ScheduleSaveResult,
  ScheduleView,
} from './scheduler-types'
export {
  localAwsProfile,
  profileSpecSource,
  type ProfileSpecSourceOptions,
  type SpecSource,
} from './spec-source'
export {
  checkUnattended,
  type AwsCredentialSource,
  type AwsProfileLookup,
  type UnattendedCheck,
} from './unattended'
export { isValidTimeZone, localToInstant, systemTimeZone } from './zoned-time'
