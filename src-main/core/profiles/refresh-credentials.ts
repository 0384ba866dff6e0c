import { defaultProvider } from '@aws-sdk/credential-provider-node'
import { AppError } from '../errors'
import { listAwsProfiles } from '../s3/aws-profiles'
import type { S3Credentials } from '../s3/types'
import type { SecretVault } from '../secrets/vault'
import { s3SecretSlots, type S3Profile } from './s3-profile'

/** One read of the AWS SDK's credential chain; replaced in tests that must not touch the machine's files. */
export type AwsChainRead = (profile: string | undefined) => Promise<{
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  expiration?: Date
}>

/**
 * The SDK's own chain (environment, SSO, ~/.aws files, credential_process, web identity, instance
 * role), built afresh for every read. `ignoreCache` matters: the SDK keeps the parsed ~/.aws files in a
 * module-wide cache, so without it keys rotated in ~/.aws/credentials (or a profile edited after
 * `aws sso login`) would not be seen until the app restarts. SSO token files are read on every call.
 */
export const readAwsChain: AwsChainRead = (profile) =>
  defaultProvider({ ...(profile !== undefined && { profile }), ignoreCache: true })()

export interface RefreshOptions {
  /** How the aws-profile and default-chain kinds are read; the SDK's chain unless a test replaces it. */
  readChain?: AwsChainRead
  /** Epoch milliseconds now, to refuse keys that have already expired. */
  now?: () => number
}

/**
 * The S3 keys a profile gives right now, for a run whose keys expired: the user may have replaced the
 * secret on the Profiles screen, rotated ~/.aws/credentials or renewed an SSO session since the run
 * started. Always static keys (plus a session token for temporary ones), because that is what a running
 * engine swaps in; when they expire too, the run asks again.
 *
 * Secrets go only into the return value: no message of an error thrown here contains one.
 * @throws AppError AUTH naming the vault slot when a `keys` profile has no secret saved, or saying why
 *   the AWS chain gave no usable keys (SDK message included: it names files and profiles, never keys).
 */
export async function currentS3Credentials(
  profile: S3Profile,
  vault: Pick<SecretVault, 'get'>,
  options: RefreshOptions = {},
): Promise<S3Credentials> {
  const { credentials } = profile
  if (credentials.type === 'keys') {
    const slot = s3SecretSlots(profile)[0]
    const secret = slot === undefined ? undefined : await vault.get(slot.ref)
    if (slot === undefined || secret === undefined || secret === '') {
      throw new AppError(
        'AUTH',
        `The S3 profile "${profile.name}" has no ${slot?.label ?? 'secret access key'} saved. Set it on the Profiles screen, or enter the keys here.`,
        slot?.ref,
      )
    }
    return { accessKeyId: credentials.accessKeyId, secretAccessKey: secret }
  }

  const awsProfile = credentials.type === 'aws-profile' ? credentials.profile : undefined
  const source =
    awsProfile !== undefined
      ? `the AWS profile "${awsProfile}" (S3 profile "${profile.name}")`
      : `the AWS default credential chain (S3 profile "${profile.name}")`
  let found: Awaited<ReturnType<AwsChainRead>>
  try {
    found = await (options.readChain ?? readAwsChain)(awsProfile)
  } catch (error) {
    throw new AppError('AUTH', await chainFailure(error, source, awsProfile), undefined, { cause: error })
  }
  const now = (options.now ?? Date.now)()
  if (found.expiration !== undefined && found.expiration.getTime() <= now) {
    throw new AppError(
      'AUTH',
      `The keys of ${source} expired at ${found.expiration.toISOString()}. Renew them (for SSO: aws sso login) and try again.`,
    )
  }
  if (!found.accessKeyId || !found.secretAccessKey) {
    throw new AppError('AUTH', `Could not read keys from ${source}: it gave no access key and secret.`)
  }
  return {
    accessKeyId: found.accessKeyId,
    secretAccessKey: found.secretAccessKey,
    ...(found.sessionToken ? { sessionToken: found.sessionToken } : {}),
  }
}

/** What the SDK's chain says when every link passed, in words that say what to check. */
const NOTHING_FOUND = 'Could not load credentials from any providers'

/**
 * Why the chain gave no keys. The SDK says only "any providers" when a named profile does not exist
 * (it then tries the environment, web identity and instance role too), so that case is looked up in the
 * files themselves; other messages (an expired SSO session, a failing credential_process) are its own.
 */
async function chainFailure(error: unknown, source: string, awsProfile: string | undefined): Promise<string> {
  const reason = firstLine(error instanceof Error ? error.message : String(error))
  if (!reason.startsWith(NOTHING_FOUND)) return `Could not read keys from ${source}: ${reason}`
  if (awsProfile === undefined) {
    return `Could not read keys from ${source}: there are none in the environment, the AWS config files or an instance role.`
  }
  const { profiles, files } = await listAwsProfiles().catch(() => ({ profiles: [], files: [] }))
  if (!profiles.some((p) => p.name === awsProfile)) {
    return `Could not read keys from ${source}: there is no such profile in ${files.join(' or ') || 'the AWS config files'}.`
  }
  return `Could not read keys from ${source}: the profile has no keys, role, SSO session or credential_process the AWS SDK can use.`
}

/** The SDK's messages can run to several lines of advice; the first says what went wrong. */
function firstLine(text: string): string {
  const line = text.split('\n').find((part) => part.trim() !== '') ?? text
  return line.trim()
}
