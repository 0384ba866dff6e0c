import type {
  ProfileSaveInput,
  ProfileSaveResult,
  SecretField,
  SecretValues,
} from '../../../src-preload/contract/profiles'
import { AppError } from '../../core/errors'
import { parseOrThrow, s3ProfileInputSchema, swiftProfileInputSchema } from '../../core/profiles'
import { S3_SECRET_FIELDS } from '../../core/profiles/s3-profile'
import { SWIFT_SECRET_FIELDS } from '../../core/profiles/swift-profile'
import type { PendingImports } from './pending-imports'
import { Notices, storeSecret } from './secret-writes'
import {
  asSecretField,
  inField,
  jobEntry,
  profileEntry,
  slotsOf,
  type AnyProfile,
  type RecordsContext,
} from './records'

/** What a submitted profile is, before it is saved: its id, and which secrets its auth kind takes. */
interface DraftSecrets {
  id: string | undefined
  fields: SecretField[]
  /** "A Swift profile with v1 auth", for messages. */
  what: string
}

// Parsed once more than the store does, to learn the auth kind before anything is written.
function draftSecrets(kind: 'swift' | 's3', record: unknown): DraftSecrets {
  if (kind === 'swift') {
    const draft = parseOrThrow(swiftProfileInputSchema, record, 'Swift profile')
    return {
      id: draft.id,
      fields: Object.keys(SWIFT_SECRET_FIELDS[draft.auth.type]).map(asSecretField),
      what: `A Swift profile with ${draft.auth.type} auth`,
    }
  }
  const draft = parseOrThrow(s3ProfileInputSchema, record, 'S3 profile')
  return {
    id: draft.id,
    fields: draft.credentials.type === 'keys' ? Object.keys(S3_SECRET_FIELDS).map(asSecretField) : [],
    what: `An S3 profile with ${draft.credentials.type} credentials`,
  }
}

/** @throws AppError VALIDATION naming `secrets.<field>` for a secret the profile's auth kind does not take. */
function checkSecretFields(secrets: SecretValues, draft: DraftSecrets): void {
  for (const field of Object.keys(secrets)) {
    if (draft.fields.includes(field as SecretField)) continue
    const takes = draft.fields.length
      ? `it takes ${draft.fields.join(', ')}`
      : 'it keeps no secret in the app'
    throw new AppError('VALIDATION', `${draft.what} has no ${field}: ${takes}.`, `secrets.${field}`)
  }
}

/** The addresses a profile's secret is sent to (or signs for), by what the form calls them. */
function secretDestinations(profile: AnyProfile): Record<string, string | undefined> {
  if ('auth' in profile) {
    const auth = profile.auth as { authUrl?: string; storageUrl?: string }
    return { 'auth URL': originOf(auth.authUrl), 'storage URL': originOf(auth.storageUrl) }
  }
  return { endpoint: originOf(profile.endpoint) }
}

/** Scheme, host and port: a new path on the same server sends a secret nowhere new. */
function originOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined
  try {
    return new URL(url).origin
  } catch {
    return url
  }
}

/**
 * Which of a saved profile's addresses now point at another server. Dropping an override is no move:
 * the secret then goes where the rest of the profile, unchanged, sends it.
 */
function movedDestinations(previous: AnyProfile, saved: AnyProfile): string[] {
  const before = secretDestinations(previous)
  const after = secretDestinations(saved)
  return Object.keys(after).filter((name) => after[name] !== undefined && after[name] !== before[name])
}

/**
 * `profiles.save`: validates everything first, then saves the record, then writes the given secrets
 * (and those found by an import) to the vault under the saved profile's references. Secrets of an auth
 * kind the profile no longer uses are cleared, so a changed profile leaves nothing behind. When the
 * auth URL, storage URL or endpoint moves to another server and no new secret comes with the save, the
 * stored one is cleared too (and a notice says so): otherwise a page that may edit profiles could point
 * one at its own host and have profiles.test send it the secret. The last connection test survives only
 * a save that changes neither the connection settings nor a secret.
 */
export async function saveRecord(
  ctx: RecordsContext,
  imports: PendingImports,
  input: ProfileSaveInput,
): Promise<ProfileSaveResult> {
  const store = ctx.store()
  if (input.kind === 'job') {
    return { entry: jobEntry(inField('record', () => store.jobs.save(input.record))), notices: [] }
  }
  const draft = inField('record', () => draftSecrets(input.kind, input.record))
  const given = input.secrets ?? {}
  checkSecretFields(given, draft)
  const importId = input.kind === 'swift' ? input.importId : undefined
  const imported = importId === undefined ? {} : imports.peek(importId)

  const collection = input.kind === 'swift' ? store.swift : store.s3
  const previous = draft.id === undefined ? undefined : collection.find(draft.id)
  const saved = inField('record', () => collection.save(input.record))

  const slots = slotsOf(saved)
  const kept = new Set(slots.map((slot) => slot.ref))
  for (const slot of previous === undefined ? [] : slotsOf(previous)) {
    if (!kept.has(slot.ref)) await ctx.vault.clear(slot.ref)
  }
  const notices = new Notices()
  let wrote = false
  const moved = previous === undefined ? [] : movedDestinations(previous, saved)
  const cleared: string[] = []
  for (const slot of slots) {
    const value = given[slot.field] ?? imported[slot.field]
    if (value !== undefined) {
      notices.add((await storeSecret(ctx.vault, slot.ref, value)).notice)
      wrote = true
    } else if (moved.length > 0 && (await ctx.vault.status(slot.ref)) !== 'unset') {
      await ctx.vault.clear(slot.ref)
      cleared.push(slot.label)
      wrote = true
    }
  }
  if (cleared.length > 0) notices.add(clearedNotice(moved, cleared))
  if (importId !== undefined) imports.drop(importId)
  // A new or cleared secret makes the last test a test of the old one (changed settings drop it in the store).
  if (wrote) store.forgetTest(input.kind, saved.id)
  const current = wrote ? collection.get(saved.id) : saved
  return { entry: await profileEntry(ctx.vault, current), notices: notices.list() }
}

function clearedNotice(moved: string[], cleared: string[]): string {
  const one = cleared.length === 1
  return `The ${moved.join(' and ')} now ${moved.length === 1 ? 'points' : 'point'} to another server, so the saved ${cleared.join(' and ')} ${one ? 'was' : 'were'} removed rather than sent there. Enter ${one ? 'it' : 'them'} again to use this profile.`
}
