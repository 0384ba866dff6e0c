import { AppError } from '../errors'
import type { JobSpec } from '../jobs/job-spec'
import type { S3TargetOptions } from '../s3/types'
import type { SecretVault } from '../secrets/vault'
import { JOB_DEFAULTS, type JobDefinition } from './job-definition'
import { s3SecretSlots, type S3Profile } from './s3-profile'
import { swiftSecretSlots, toSwiftAuth, type SwiftProfile } from './swift-profile'

/** What resolveJobSpec reads profiles from; a ProfileStore is one. */
export interface ProfileLookup {
  swift: { get(id: string): SwiftProfile }
  s3: { get(id: string): S3Profile }
}

/** Choices made when a saved migration runs, not stored with it. */
export interface JobRunOverrides {
  output: JobSpec['output']
  /** Replaces the saved options one by one (`dryRun`, `verifyOnly`, `maxWorkers` …). */
  options?: Partial<JobSpec['options']>
  /**
   * What options the saved migration leaves unset take (the app's Settings); the engine's own otherwise,
   * and 16 workers as on the command line.
   */
  defaults?: Partial<Pick<JobSpec['options'], 'maxWorkers' | 'multipartThresholdMb' | 'partBudgetMb'>>
  /** Secrets typed in for this run only, by vault reference; they win over the vault's. */
  secrets?: Readonly<Record<string, string>>
}

/** One secret a run needs and neither the vault nor the overrides had. */
export interface MissingSecret {
  ref: string
  profileKind: 'swift' | 's3'
  profileId: string
  profileName: string
  /** The field in the profile (`password`, `secretAccessKey` …). */
  field: string
  /** What to ask for: "application credential secret". */
  label: string
}

/**
 * The run cannot start until these secrets are given. `field` is the first reference; `missing` lists
 * all of them so the UI can ask once for everything (over IPC only the message and field travel).
 */
export class MissingSecretError extends AppError {
  constructor(readonly missing: MissingSecret[]) {
    const parts = missing.map(
      (m) =>
        `the ${m.profileKind === 'swift' ? 'Swift' : 'S3'} profile "${m.profileName}" needs its ${m.label}`,
    )
    super('AUTH', `Secrets are missing: ${parts.join('; ')}. Enter them to continue.`, missing[0]?.ref)
    this.name = 'MissingSecretError'
  }
}

type Slot = { field: string; label: string; ref: string }

async function fillSecrets(
  slots: Slot[],
  profile: { id: string; name: string },
  profileKind: MissingSecret['profileKind'],
  vault: Pick<SecretVault, 'get'>,
  given: Readonly<Record<string, string>>,
  missing: MissingSecret[],
): Promise<Record<string, string>> {
  const values: Record<string, string> = {}
  for (const slot of slots) {
    const value = given[slot.ref] ?? (await vault.get(slot.ref))
    if (value === undefined || value === '') {
      missing.push({ ...slot, profileKind, profileId: profile.id, profileName: profile.name })
    } else {
      values[slot.field] = value
    }
  }
  return values
}

function swiftSource(
  profile: SwiftProfile,
  secrets: Record<string, string>,
): Omit<JobSpec['source'], 'containers' | 'directoryMarkers'> {
  return {
    auth: toSwiftAuth(profile.auth, secrets),
    tls: profile.insecure ? { insecure: true } : {},
    ...(profile.caBundle !== undefined && { caBundle: profile.caBundle }),
    ...(profile.proxyUrl !== undefined && { proxyUrl: profile.proxyUrl }),
  }
}

/** The S3 target options of a profile and its secrets, minus the bucket (also used by Test connection). */
export function s3TargetOptionsOf(
  profile: S3Profile,
  secrets: Record<string, string>,
): Omit<S3TargetOptions, 'bucket'> {
  const {
    id: _id,
    name: _name,
    provider: _provider,
    credentials,
    createdAt: _c,
    updatedAt: _u,
    ...options
  } = profile
  const target: Omit<S3TargetOptions, 'bucket'> = { ...options }
  if (credentials.type === 'keys') {
    target.credentials = {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: secrets['secretAccessKey'] ?? '',
    }
  } else if (credentials.type === 'aws-profile') {
    target.profile = credentials.profile
  }
  return target
}

/**
 * Builds the engine's JobSpec from a saved migration, its two profiles and their secrets.
 * @throws MissingSecretError (AUTH) naming every secret that is needed and not available;
 *   AppError NOT_FOUND when a profile was deleted.
 */
export async function resolveJobSpec(
  definition: JobDefinition,
  profiles: ProfileLookup,
  vault: Pick<SecretVault, 'get'>,
  overrides: JobRunOverrides,
): Promise<JobSpec> {
  const swift = profiles.swift.get(definition.source.profileId)
  const s3 = profiles.s3.get(definition.target.profileId)
  const given = overrides.secrets ?? {}
  const missing: MissingSecret[] = []
  const swiftSecrets = await fillSecrets(swiftSecretSlots(swift), swift, 'swift', vault, given, missing)
  const s3Secrets = await fillSecrets(s3SecretSlots(s3), s3, 's3', vault, given, missing)
  if (missing.length > 0) throw new MissingSecretError(missing)

  const { source, target, options } = definition
  const { maxWorkers: defaultWorkers, ...defaults } = overrides.defaults ?? {}
  return {
    source: {
      ...swiftSource(swift, swiftSecrets),
      containers: source.containers === 'all' ? 'all' : [...source.containers],
      ...(source.prefix !== undefined && { prefix: source.prefix }),
      ...(source.include !== undefined && { include: [...source.include] }),
      ...(source.exclude !== undefined && { exclude: [...source.exclude] }),
      directoryMarkers: source.directoryMarkers,
    },
    target: {
      ...s3TargetOptionsOf(s3, s3Secrets),
      bucket: target.bucket,
      bucketMode: target.bucketMode,
      ...(target.destPrefix !== undefined && { destPrefix: target.destPrefix }),
    },
    options: {
      maxWorkers: options.maxWorkers ?? defaultWorkers ?? JOB_DEFAULTS.maxWorkers,
      bandwidthLimitMb: options.bandwidthLimitMb,
      dryRun: false,
      verifyOnly: false,
      deep: options.deep,
      mirror: { ...options.mirror },
      metadata: { ...options.metadata, extra: options.metadata.extra.map((pair) => ({ ...pair })) },
      ...defaults,
      ...(options.partBudgetMb !== undefined && { partBudgetMb: options.partBudgetMb }),
      ...(options.multipartThresholdMb !== undefined && {
        multipartThresholdMb: options.multipartThresholdMb,
      }),
      ...overrides.options,
    },
    output: { ...overrides.output },
  }
}
