import {
  SECRET_FIELDS,
  type JobEntry,
  type S3Entry,
  type SecretField,
  type SecretSlot,
  type SwiftEntry,
} from '../../../src-preload/contract/profiles'
import { AppError } from '../../core/errors'
import {
  profileSecretRef,
  s3SecretSlots,
  swiftSecretSlots,
  type JobDefinition,
  type ProfileStore,
  type S3Profile,
  type SwiftProfile,
} from '../../core/profiles'
import { S3_SECRET_FIELDS } from '../../core/profiles/s3-profile'
import { SWIFT_SECRET_FIELDS } from '../../core/profiles/swift-profile'
import type { SecretVault } from '../../core/secrets'

/** A saved Swift or S3 profile, the records that have secrets. */
export type AnyProfile = SwiftProfile | S3Profile

/** What the profile, secret and browse handlers work with. */
export interface RecordsContext {
  /** The profile store; opened on first use, so a damaged file is reported by the call that needs it. */
  store(): ProfileStore
  vault: SecretVault
}

/** One secret of a saved profile, with its vault reference (which stays in main). */
export interface Slot {
  field: SecretField
  label: string
  ref: string
}

/** Every secret field any auth kind uses; core's names must all be ones the contract knows. */
const ALL_SECRET_FIELDS: readonly SecretField[] = [
  ...new Set([...Object.values(SWIFT_SECRET_FIELDS).flatMap(Object.keys), ...Object.keys(S3_SECRET_FIELDS)]),
].map(asSecretField)

/** Checks a core field name against the contract's list, so a new secret field cannot slip by as a string. */
export function asSecretField(field: string): SecretField {
  if (!(SECRET_FIELDS as readonly string[]).includes(field)) {
    throw new Error(`Secret field "${field}" is missing from the IPC contract`)
  }
  return field as SecretField
}

/** The secret slots of a saved profile's current auth kind. */
export function slotsOf(profile: AnyProfile): Slot[] {
  const slots = 'auth' in profile ? swiftSecretSlots(profile) : s3SecretSlots(profile)
  return slots.map((slot) => ({ ...slot, field: asSecretField(slot.field) }))
}

/**
 * Vault references of every secret field a profile with this id could ever have had. Clearing these
 * on delete also removes a secret left from an auth kind the profile no longer uses.
 */
export function allSecretRefs(profileId: string): string[] {
  return ALL_SECRET_FIELDS.map((field) => profileSecretRef(profileId, field))
}

/** The status of each secret of a profile: whether main has it, never what it is. */
export async function secretStatuses(vault: SecretVault, profile: AnyProfile): Promise<SecretSlot[]> {
  const statuses: SecretSlot[] = []
  for (const slot of slotsOf(profile)) {
    statuses.push({ field: slot.field, label: slot.label, status: await vault.status(slot.ref) })
  }
  return statuses
}

/**
 * A profile as the renderer sees it: its settings (secret references only), its secrets' status and its
 * last connection test, beside the record so a form never sends the test back as a setting.
 */
export async function profileEntry(vault: SecretVault, profile: SwiftProfile): Promise<SwiftEntry>
export async function profileEntry(vault: SecretVault, profile: S3Profile): Promise<S3Entry>
export async function profileEntry(vault: SecretVault, profile: AnyProfile): Promise<SwiftEntry | S3Entry>
export async function profileEntry(vault: SecretVault, profile: AnyProfile): Promise<SwiftEntry | S3Entry> {
  const secrets = await secretStatuses(vault, profile)
  const tested = profile.lastTest === undefined ? {} : { lastTest: profile.lastTest }
  if ('auth' in profile) {
    const { lastTest: _test, ...record } = profile
    return { kind: 'swift', record, secrets, ...tested }
  }
  const { lastTest: _test, ...record } = profile
  return { kind: 's3', record, secrets, ...tested }
}

export function jobEntry(record: JobDefinition): JobEntry {
  return { kind: 'job', record }
}

/**
 * A Swift or S3 profile by id, from either list; ids are UUIDs, so they cannot collide.
 * @throws AppError NOT_FOUND naming `profileId`.
 */
export function findProfile(store: ProfileStore, profileId: string): AnyProfile {
  const profile = store.swift.find(profileId) ?? store.s3.find(profileId)
  if (profile === undefined) {
    throw new AppError('NOT_FOUND', `No profile with id ${profileId}; it may have been deleted.`, 'profileId')
  }
  return profile
}

/** The slot of one field of a profile. @throws AppError VALIDATION naming `field` when it has no such secret. */
export function slotOf(profile: AnyProfile, field: SecretField): Slot {
  const slots = slotsOf(profile)
  const slot = slots.find((s) => s.field === field)
  if (slot !== undefined) return slot
  const has = slots.length
    ? `its secret is the ${slots.map((s) => s.field).join(', ')}`
    : 'it keeps no secret'
  throw new AppError('VALIDATION', `The profile "${profile.name}" has no ${field}: ${has}.`, 'field')
}

/**
 * Runs a store call and moves the field of its errors to where that value sits in the call's input
 * (`auth.authUrl` → `record.auth.authUrl`), so a form can mark the right input.
 */
export function inField<T>(prefix: string, run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (!(error instanceof AppError) || error.field === undefined) throw error
    throw new AppError(error.code, error.message, `${prefix}.${error.field}`, { cause: error })
  }
}
