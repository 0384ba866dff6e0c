import { restoreSecrets, type RedactedJobSpec } from '../jobs/history-redact'
import type { RunProfiles } from '../jobs/job-manager-types'
import type { JobSpec } from '../jobs/job-spec'
import type { SecretVault } from '../secrets/vault'
import { MissingSecretError, type MissingSecret } from './resolve-job-spec'
import { S3_SECRET_FIELDS, type S3Profile } from './s3-profile'
import { profileSecretRef } from './secret-ref'
import { SWIFT_SECRET_FIELDS, type SwiftProfile } from './swift-profile'

/** Where the profiles a run used are looked up; a ProfileStore is one. Deleted ones are undefined. */
export interface RunProfileLookup {
  swift: { find(id: string): SwiftProfile | undefined }
  s3: { find(id: string): S3Profile | undefined }
}

/** What a rebuilt run takes from now rather than from its record. */
export interface RestoreOverrides {
  /** Where the new run writes: the folder Settings name today. */
  output: JobSpec['output']
  /** Secrets typed in for this run, by vault reference; they win over the vault's. */
  secrets?: Readonly<Record<string, string>>
}

/**
 * A run from an earlier session, runnable again: its own spec as history kept it (containers, bucket,
 * filters and options exactly as that run had them, whatever became of its saved migration since),
 * with the secrets filled in from the vault by the references of the profiles it ran with, or from
 * `overrides.secrets`. A static S3 key is taken with the access key id its profile pairs it with now,
 * since the vault holds the secret of that id (a rotated key replaces both).
 *
 * With `profiles` null (a run recorded before profile ids were kept) the vault has nothing to offer,
 * but the secrets can still be given: they are asked for under `profile:unknown:<field>`.
 * @throws MissingSecretError (AUTH, field = the first missing reference) naming every missing secret,
 *   as jobs.start does, so the page's secret prompt answers it.
 */
export async function restoreRunSpec(
  spec: RedactedJobSpec,
  profiles: RunProfiles | null,
  lookup: RunProfileLookup,
  vault: Pick<SecretVault, 'get'>,
  overrides: RestoreOverrides,
): Promise<JobSpec> {
  const given = overrides.secrets ?? {}
  const missing: MissingSecret[] = []
  const read = async (slot: Omit<MissingSecret, 'ref'>, owner: string): Promise<string | undefined> => {
    const ref = profileSecretRef(owner, slot.field)
    const value = given[ref] ?? (await vault.get(ref))
    if (value !== undefined && value !== '') return value
    missing.push({ ...slot, ref })
    return undefined
  }

  const unnamed = profiles ? '(deleted)' : '(not recorded)'
  const swiftId = profiles?.swift ?? UNKNOWN
  const swiftProfile = lookup.swift.find(swiftId)
  const [swiftField, swiftLabel] = Object.entries(SWIFT_SECRET_FIELDS[spec.source.auth.type])[0] as [
    string,
    string,
  ]
  const swift = await read(
    {
      profileKind: 'swift',
      profileId: swiftId,
      profileName: swiftProfile?.name ?? unnamed,
      field: swiftField,
      label: swiftLabel,
    },
    swiftId,
  )

  let s3: { accessKeyId: string; secretAccessKey: string } | undefined
  if (spec.target.credentials) {
    const s3Id = profiles?.s3 ?? UNKNOWN
    const s3Profile = lookup.s3.find(s3Id)
    const secretAccessKey = await read(
      {
        profileKind: 's3',
        profileId: s3Id,
        profileName: s3Profile?.name ?? unnamed,
        field: 'secretAccessKey',
        label: S3_SECRET_FIELDS.secretAccessKey,
      },
      s3Id,
    )
    const paired = s3Profile?.credentials.type === 'keys' ? s3Profile.credentials.accessKeyId : undefined
    if (secretAccessKey !== undefined) {
      s3 = { accessKeyId: paired ?? spec.target.credentials.accessKeyId, secretAccessKey }
    }
  }
  if (missing.length > 0 || swift === undefined) throw new MissingSecretError(missing)

  const restored = restoreSecrets(spec, { swift, ...(s3 && { s3: { secretAccessKey: s3.secretAccessKey } }) })
  if (s3 && restored.target.credentials) restored.target.credentials.accessKeyId = s3.accessKeyId
  return { ...restored, output: { ...overrides.output } }
}

/** Stands for the profile of a run recorded before profile ids were kept: its secret is asked for. */
const UNKNOWN = 'unknown'
