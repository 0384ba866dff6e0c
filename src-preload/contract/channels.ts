import type {
  BucketCheck,
  BucketCheckInput,
  BucketCreateInput,
  BucketList,
  BucketListInput,
  BucketMappingInput,
  BucketMappingRow,
  ConnectionTestInput,
  ConnectionTestResult,
  ContainerPage,
  ContainerPageInput,
} from './connections'
import type {
  JobBandwidthInput,
  JobCommand,
  JobCommandInput,
  JobCredentialsInput,
  JobCredentialsRequiredEvent,
  JobDetail,
  JobProgressEvent,
  JobReportView,
  JobRetryInput,
  JobStartInput,
  JobSummary,
} from './jobs'
import type {
  LogAppendedEvent,
  LogExportInput,
  LogExportResult,
  LogFindInput,
  LogFound,
  LogOpenResult,
  LogPage,
  LogReadInput,
  LogRun,
} from './logs'
import type { AwsProfileList, ProfileImportInput, ProfileImportResult } from './profile-import'
import type {
  DeletedRecord,
  ProfileList,
  ProfileSaveInput,
  ProfileSaveResult,
  RecordKind,
  RecordRef,
  SavedEntry,
} from './profiles'
import type {
  GlobalBandwidthWindows,
  Schedule,
  ScheduleDraft,
  ScheduleNotice,
  SchedulePreview,
  SchedulePreviewInput,
  ScheduleSaveResult,
  SchedulesChangedEvent,
} from './schedules'
import type {
  InsecureConsentInput,
  ProfileSecrets,
  SecretFieldRef,
  SecretSetInput,
  SecretSlotUpdate,
  VaultInfo,
} from './secrets'
import type { SettingsPatch, SettingsView } from './settings'
import type { AppInfo, NavigateEvent } from './types'

/**
 * The IPC contract: every renderer → main channel with its input and output type.
 * Names are `noun.verb`; each takes one payload object (or nothing).
 */
export interface InvokeContract {
  'app.info': { in: undefined; out: AppInfo }
  'profiles.list': { in: undefined; out: ProfileList }
  'profiles.get': { in: RecordRef; out: SavedEntry }
  'profiles.save': { in: ProfileSaveInput; out: ProfileSaveResult }
  'profiles.delete': { in: RecordRef; out: DeletedRecord }
  'profiles.duplicate': { in: { kind: RecordKind; id: string; name?: string }; out: ProfileSaveResult }
  'profiles.test': { in: ConnectionTestInput; out: ConnectionTestResult }
  'profiles.import': { in: ProfileImportInput; out: ProfileImportResult }
  'profiles.awsProfiles': { in: undefined; out: AwsProfileList }
  'secrets.set': { in: SecretSetInput; out: SecretSlotUpdate }
  'secrets.status': { in: { profileId: string }; out: ProfileSecrets }
  'secrets.clear': { in: SecretFieldRef; out: SecretSlotUpdate }
  'secrets.backend': { in: undefined; out: VaultInfo }
  'secrets.allowInsecure': { in: InsecureConsentInput; out: VaultInfo }
  'browse.containers': { in: ContainerPageInput; out: ContainerPage }
  'browse.bucket': { in: BucketCheckInput; out: BucketCheck }
  'browse.buckets': { in: BucketListInput; out: BucketList }
  'browse.createBucket': { in: BucketCreateInput; out: BucketCheck }
  'browse.bucketMapping': { in: BucketMappingInput; out: { rows: BucketMappingRow[] } }
  'jobs.start': { in: JobStartInput; out: JobSummary }
  'jobs.list': { in: undefined; out: JobSummary[] }
  'jobs.get': { in: { id: string }; out: JobDetail }
  'jobs.pause': { in: { id: string }; out: JobSummary }
  'jobs.resume': { in: JobRetryInput; out: JobSummary }
  'jobs.cancel': { in: { id: string }; out: JobSummary }
  'jobs.retryFailed': { in: JobRetryInput; out: JobSummary }
  'jobs.setBandwidth': { in: JobBandwidthInput; out: JobSummary }
  'jobs.provideCredentials': { in: JobCredentialsInput; out: JobSummary }
  /** Main reads the keys the run's S3 profile gives now (vault, ~/.aws) and hands them to the run. */
  'jobs.reloadCredentials': { in: { id: string }; out: JobSummary }
  'jobs.report': { in: { id: string }; out: JobReportView }
  'logs.list': { in: undefined; out: LogRun[] }
  'logs.read': { in: LogReadInput; out: LogPage }
  'logs.find': { in: LogFindInput; out: LogFound }
  /** Main saves through its own dialog (desktop) or hands out a one-time download URL (browser mode). */
  'logs.export': { in: LogExportInput; out: LogExportResult }
  'logs.openReport': { in: { jobId: string }; out: LogOpenResult }
  'jobs.cliCommand': { in: JobCommandInput; out: JobCommand }
  'settings.get': { in: undefined; out: SettingsView }
  'settings.save': { in: SettingsPatch; out: SettingsView }
  /** Main shows its own folder dialog; the page never sends a path. Desktop only. */
  'settings.chooseLogDir': { in: undefined; out: SettingsView }
  'schedules.list': { in: undefined; out: Schedule[] }
  'schedules.get': { in: { id: string }; out: Schedule }
  /** Saves and says whether the migration can run with nobody at the screen (it saves either way). */
  'schedules.save': { in: ScheduleDraft; out: ScheduleSaveResult }
  'schedules.delete': { in: { id: string }; out: { id: string } }
  'schedules.setEnabled': { in: { id: string; enabled: boolean }; out: ScheduleSaveResult }
  /** Starts the schedule's migration now; missing secrets fail at once (AUTH). */
  'schedules.runNow': { in: { id: string }; out: JobSummary }
  /** The next five runs, the description and the unattended check of a draft, saving nothing. */
  'schedules.preview': { in: SchedulePreviewInput; out: SchedulePreview }
  'schedules.windows.get': { in: undefined; out: GlobalBandwidthWindows }
  'schedules.windows.save': { in: GlobalBandwidthWindows; out: GlobalBandwidthWindows }
}

/**
 * Main → renderer pushes, to every window (and every browser-mode page). A job's state is pushed at
 * once; progress is coalesced and carries absolute totals, so a page that missed some is still right.
 */
export interface EventContract {
  'job.state': JobSummary
  'job.progress': JobProgressEvent
  'job.credentialsRequired': JobCredentialsRequiredEvent
  'log.appended': LogAppendedEvent
  /** Main asks the page to show a screen (a desktop notification about a job was clicked). */
  'app.navigate': NavigateEvent
  /** The schedule list changed (saved, ran, finished); the page replaces its copy. */
  'schedules.changed': SchedulesChangedEvent
  /** A scheduled run was skipped, waits for or needs secrets, or failed; the desktop shell also notifies. */
  'schedule.notice': ScheduleNotice
}

/** A renderer → main channel name. */
export type InvokeChannel = keyof InvokeContract
/** A main → renderer event name. */
export type EventChannel = keyof EventContract
/** Input payload of an invoke channel. */
export type InvokeInput<C extends InvokeChannel> = InvokeContract[C]['in']
/** Output value of an invoke channel. */
export type InvokeOutput<C extends InvokeChannel> = InvokeContract[C]['out']
/** Payload of an event channel. */
export type EventPayload<E extends EventChannel> = EventContract[E]

/**
 * Runtime table of invoke channels. `satisfies` makes a channel missing here, or one here that the
 * contract does not know, a compile error; the preload's allow-list and main's handler registry are
 * both derived from it.
 */
export const invokeChannels = {
  'app.info': true,
  'profiles.list': true,
  'profiles.get': true,
  'profiles.save': true,
  'profiles.delete': true,
  'profiles.duplicate': true,
  'profiles.test': true,
  'profiles.import': true,
  'profiles.awsProfiles': true,
  'secrets.set': true,
  'secrets.status': true,
  'secrets.clear': true,
  'secrets.backend': true,
  'secrets.allowInsecure': true,
  'browse.containers': true,
  'browse.bucket': true,
  'browse.buckets': true,
  'browse.createBucket': true,
  'browse.bucketMapping': true,
  'jobs.start': true,
  'jobs.list': true,
  'jobs.get': true,
  'jobs.pause': true,
  'jobs.resume': true,
  'jobs.cancel': true,
  'jobs.retryFailed': true,
  'jobs.setBandwidth': true,
  'jobs.provideCredentials': true,
  'jobs.reloadCredentials': true,
  'jobs.report': true,
  'logs.list': true,
  'logs.read': true,
  'logs.find': true,
  'logs.export': true,
  'logs.openReport': true,
  'jobs.cliCommand': true,
  'settings.get': true,
  'settings.save': true,
  'settings.chooseLogDir': true,
  'schedules.list': true,
  'schedules.get': true,
  'schedules.save': true,
  'schedules.delete': true,
  'schedules.setEnabled': true,
  'schedules.runNow': true,
  'schedules.preview': true,
  'schedules.windows.get': true,
  'schedules.windows.save': true,
} as const satisfies Record<InvokeChannel, true>

/** Runtime table of event channels (see {@link invokeChannels}). */
export const eventChannels = {
  'job.state': true,
  'job.progress': true,
  'job.credentialsRequired': true,
  'log.appended': true,
  'app.navigate': true,
  'schedules.changed': true,
  'schedule.notice': true,
} as const satisfies Record<EventChannel, true>

/** Whether a string names an invoke channel of the contract. */
export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(invokeChannels, name)
}

/** Whether a string names an event channel of the contract. */
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(eventChannels, name)
}
