import type {
  BucketCheck,
  BucketCheckInput,
  ConnectionTestInput,
  ConnectionTestResult,
  ContainerPage,
  ContainerPageInput,
} from './connections'
import type {
  JobBandwidthInput,
  JobCredentialsInput,
  JobCredentialsRequiredEvent,
  JobDetail,
  JobProgressEvent,
  JobReportView,
  JobRetryInput,
  JobStartInput,
  JobSummary,
} from './jobs'
import type { ProfileImportInput, ProfileImportResult } from './profile-import'
import type {
  DeletedRecord,
  ProfileList,
  ProfileSaveInput,
  ProfileSaveResult,
  RecordKind,
  RecordRef,
  SavedEntry,
} from './profiles'
import type { ProfileSecrets, SecretFieldRef, SecretSetInput, SecretSlotUpdate, VaultInfo } from './secrets'
import type { AppInfo } from './types'

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
  'secrets.set': { in: SecretSetInput; out: SecretSlotUpdate }
  'secrets.status': { in: { profileId: string }; out: ProfileSecrets }
  'secrets.clear': { in: SecretFieldRef; out: SecretSlotUpdate }
  'secrets.backend': { in: undefined; out: VaultInfo }
  'browse.containers': { in: ContainerPageInput; out: ContainerPage }
  'browse.bucket': { in: BucketCheckInput; out: BucketCheck }
  'jobs.start': { in: JobStartInput; out: JobSummary }
  'jobs.list': { in: undefined; out: JobSummary[] }
  'jobs.get': { in: { id: string }; out: JobDetail }
  'jobs.pause': { in: { id: string }; out: JobSummary }
  'jobs.resume': { in: { id: string }; out: JobSummary }
  'jobs.cancel': { in: { id: string }; out: JobSummary }
  'jobs.retryFailed': { in: JobRetryInput; out: JobSummary }
  'jobs.setBandwidth': { in: JobBandwidthInput; out: JobSummary }
  'jobs.provideCredentials': { in: JobCredentialsInput; out: JobSummary }
  'jobs.report': { in: { id: string }; out: JobReportView }
}

/**
 * Main → renderer pushes, to every window (and every browser-mode page). A job's state is pushed at
 * once; progress is coalesced and carries absolute totals, so a page that missed some is still right.
 */
export interface EventContract {
  'job.state': JobSummary
  'job.progress': JobProgressEvent
  'job.credentialsRequired': JobCredentialsRequiredEvent
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
  'secrets.set': true,
  'secrets.status': true,
  'secrets.clear': true,
  'secrets.backend': true,
  'browse.containers': true,
  'browse.bucket': true,
  'jobs.start': true,
  'jobs.list': true,
  'jobs.get': true,
  'jobs.pause': true,
  'jobs.resume': true,
  'jobs.cancel': true,
  'jobs.retryFailed': true,
  'jobs.setBandwidth': true,
  'jobs.provideCredentials': true,
  'jobs.report': true,
} as const satisfies Record<InvokeChannel, true>

/** Runtime table of event channels (see {@link invokeChannels}). */
export const eventChannels = {
  'job.state': true,
  'job.progress': true,
  'job.credentialsRequired': true,
} as const satisfies Record<EventChannel, true>

/** Whether a string names an invoke channel of the contract. */
export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(invokeChannels, name)
}

/** Whether a string names an event channel of the contract. */
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(eventChannels, name)
}
