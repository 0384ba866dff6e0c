import type {
  BucketCheck,
  BucketCheckInput,
  ConnectionTestInput,
  ConnectionTestResult,
  ContainerPage,
  ContainerPageInput,
} from './connections'
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
}

/**
 * Main → renderer pushes. None yet; jobs, progress and logs arrive with the engine.
 * A mapped type over `never` keeps the helpers below generic without an empty interface.
 */
export type EventContract = { [K in never]: never }

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
} as const satisfies Record<InvokeChannel, true>

/** Runtime table of event channels (see {@link invokeChannels}). */
export const eventChannels = {} as const satisfies Record<EventChannel, true>

/** Whether a string names an invoke channel of the contract. */
export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(invokeChannels, name)
}

/** Whether a string names an event channel of the contract. */
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(eventChannels, name)
}
