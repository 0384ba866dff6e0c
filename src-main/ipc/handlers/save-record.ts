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
import { asSecretField, inField, jobEntry, profileEntry, slotsOf, type RecordsContext } from './records'

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

/**
 * `profiles.save`: validates everything first, then saves the record, then writes the given secrets
 * (and those found by an import) to the vault under the saved profile's references. Secrets of an auth
 * kind the profile no longer uses are cleared, so a changed profile leaves nothing behind. The last
 * connection test survives only a save that changes neither the connection settings nor a secret.
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
  for (const slot of slots) {
    const value = given[slot.field] ?? imported[slot.field]
    if (value === undefined) continue
    notices.add((await storeSecret(ctx.vault, slot.ref, value)).notice)
    wrote = true
  }
  if (importId !== undefined) imports.drop(importId)
  // A new secret makes the last test a test of the old one (changed settings drop it in the store).
  if (wrote) store.forgetTest(input.kind, saved.id)
  const current = wrote ? collection.get(saved.id) : saved
  return { entry: await profileEntry(ctx.vault, current), notices: notices.list() }
}
