import { AppError } from '../../core/errors'
import type { S3Profile, SwiftProfile } from '../../core/profiles'
import { toSwiftAuth } from '../../core/profiles/swift-profile'
import { s3TargetOptionsOf } from '../../core/profiles/resolve-job-spec'
import { S3Target } from '../../core/s3'
import { listBuckets } from '../../core/s3/list-buckets'
import type { SecretVault } from '../../core/secrets'
import { SwiftClient } from '../../core/swift'
import { slotsOf, type AnyProfile } from './records'

/**
 * Clients for one profile, as "Test connection" and browsing use them: interactive, so a dead endpoint
 * is reported after one quick retry instead of the engine's patient backoff.
 *
 * The profile → client options mapping repeats core's resolveJobSpec, which keeps it private; it
 * belongs in core/profiles (e.g. `swiftClientOptions(profile, secrets)`), to move when core can take it.
 */
const SWIFT_RETRY = { attempts: 2, baseMs: 250, capMs: 1_000 }
/** SDK attempts per request. */
export const S3_ATTEMPTS = 2

/**
 * The profile's secrets from the vault, by field.
 * @throws AppError AUTH naming `secrets.<field>` for the first one that is not there, so the form can ask.
 */
export async function secretsOf(vault: SecretVault, profile: AnyProfile): Promise<Record<string, string>> {
  const values: Record<string, string> = {}
  const missing: { field: string; label: string }[] = []
  for (const slot of slotsOf(profile)) {
    let value: string | undefined
    try {
      value = await vault.get(slot.ref)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      throw new AppError(error.code, error.message, `secrets.${slot.field}`, { cause: error })
    }
    if (value === undefined || value === '') missing.push(slot)
    else values[slot.field] = value
  }
  const first = missing[0]
  if (first !== undefined) {
    const labels = missing.map((m) => m.label).join(' and ')
    throw new AppError(
      'AUTH',
      `The profile "${profile.name}" needs its ${labels}: enter ${missing.length > 1 ? 'them' : 'it'} in the profile first.`,
      `secrets.${first.field}`,
    )
  }
  return values
}

export function swiftClientFor(profile: SwiftProfile, secrets: Record<string, string>): SwiftClient {
  return new SwiftClient({
    auth: toSwiftAuth(profile.auth, secrets),
    transport: {
      connections: 2,
      ...(profile.caBundle !== undefined && { caBundle: profile.caBundle }),
      ...(profile.insecure && { insecure: true }),
      ...(profile.proxyUrl !== undefined && { proxyUrl: profile.proxyUrl }),
    },
    retry: SWIFT_RETRY,
  })
}

/** The S3 target options of a profile, minus the bucket: the same mapping a job run uses. */
export const s3OptionsFor = s3TargetOptionsOf

/** @throws S3ConfigError (VALIDATION) naming the field, e.g. `bucket` for a name S3 cannot have. */
export function s3TargetFor(profile: S3Profile, secrets: Record<string, string>, bucket: string): S3Target {
  return new S3Target({ ...s3OptionsFor(profile, secrets), bucket }, { maxAttempts: S3_ATTEMPTS })
}

/** The buckets an S3 profile's keys can see, sorted (at most 1,000). @throws the typed S3 error. */
export function listProfileBuckets(
  profile: S3Profile,
  secrets: Record<string, string>,
  signal?: AbortSignal,
): Promise<string[]> {
  return listBuckets(s3OptionsFor(profile, secrets), { maxAttempts: S3_ATTEMPTS }, signal)
}
