import { AppError } from '../core/errors'
import { DEFAULT_REGION, isAwsEndpoint, resolveS3Options } from '../core/s3/options'
import type { RawArgs } from './argv'
import { checkBucket, DEFAULT_BUCKET_PATTERN } from './bucket-pattern'
import { awsCredentialsFromEnv, envValue } from './env-credentials'
import { CliUsageError } from './errors'
import type { Given, JobSpecDraft } from './types'
import { absolutePath } from './values'

/**
 * The S3 side of the spec. Validation is core's resolveS3Options, the same the desktop app runs, so
 * the CLI and the app accept the same buckets, regions and endpoints; only the messages are re-labelled
 * with the flag or variable the value came from.
 */

type Env = Record<string, string | undefined>
type Setting = { value: string; from: string; given: 'flag' | 'env' }

function firstOf(raw: string | undefined, flag: string, env: Env, names: string[]): Setting | undefined {
  if (raw !== undefined) return { value: raw.trim(), from: flag, given: 'flag' }
  for (const name of names) {
    const value = envValue(env, name)
    if (value !== undefined) return { value: value.trim(), from: name, given: 'env' }
  }
  return undefined
}

// The SDK's own switch for ignoring AWS_ENDPOINT_URL*, honoured so the CLI talks to where `aws s3` would.
function endpointVariables(env: Env): string[] {
  const ignore = envValue(env, 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS')?.trim().toLowerCase() === 'true'
  return ignore ? [] : ['AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL']
}

/** Re-throws an S3ConfigError as a CliUsageError naming the flag or variable behind its field. */
function relabel(error: unknown, labels: Record<string, string | undefined>): never {
  if (error instanceof AppError && error.code === 'VALIDATION' && error.field !== undefined) {
    const label = labels[error.field] ?? labels[error.field.split('.')[0] ?? '']
    if (label) throw new CliUsageError(`${label}: ${error.message}`, label, { cause: error })
  }
  throw error
}

const CREDENTIAL_LABELS = {
  credentials: 'AWS_ACCESS_KEY_ID',
  'credentials.accessKeyId': 'AWS_ACCESS_KEY_ID',
  'credentials.secretAccessKey': 'AWS_SECRET_ACCESS_KEY',
  'credentials.sessionToken': 'AWS_SESSION_TOKEN',
  profile: 'AWS_PROFILE',
}

/** The target part of the spec, and the S3 CA bundle path when AWS_CA_BUNDLE is set. */
export interface TargetParse {
  target: JobSpecDraft['target']
  /** AWS_CA_BUNDLE made absolute, for the runner to read into target.caBundle. */
  s3CaFile?: string
}

/**
 * Builds and checks the target. `profileMode`: a saved profile may supply the bucket and the connection,
 * so nothing is required and no connection default is filled in.
 */
export function parseTarget(
  raw: RawArgs,
  env: Env,
  cwd: string,
  profileMode: boolean,
  given: Given,
): TargetParse {
  const perContainer = raw.switches.bucketPerContainer === true
  const endpoint = firstOf(raw.values.s3EndpointUrl, '--s3EndpointUrl', env, endpointVariables(env))
  const region = firstOf(raw.values.regionName, '--regionName', env, ['AWS_REGION', 'AWS_DEFAULT_REGION'])
  const bucket = raw.values.s3Bucket?.trim() ?? (perContainer ? DEFAULT_BUCKET_PATTERN : undefined)
  if (bucket === undefined && !profileMode) {
    throw new CliUsageError(
      '--s3Bucket is required (the target bucket), e.g. --s3Bucket my-bucket.',
      '--s3Bucket',
    )
  }
  // With --profile the saved S3 profile holds the key id; AWS_SECRET_ACCESS_KEY alone is its secret.
  const profileSecretOnly = profileMode && envValue(env, 'AWS_ACCESS_KEY_ID') === undefined
  const { credentials, profile } = profileSecretOnly ? {} : awsCredentialsFromEnv(env)
  const pathStyle = raw.switches.s3ForcePathStyle
  const insecure = raw.switches.insecure === true
  const destPrefix = raw.values.destPrefix

  const target: JobSpecDraft['target'] = {
    bucketMode: perContainer ? 'per-container' : 'single',
    ...(bucket !== undefined ? { bucket } : {}),
    ...(region ? { region: region.value } : profileMode ? {} : { region: DEFAULT_REGION }),
    ...(endpoint ? { endpoint: endpoint.value } : {}),
    ...(pathStyle !== undefined
      ? { forcePathStyle: pathStyle }
      : profileMode
        ? {}
        : { forcePathStyle: endpoint !== undefined }),
    ...(credentials ? { credentials } : {}),
    ...(profile ? { profile } : {}),
    ...(insecure ? { insecure } : {}),
    ...(destPrefix !== undefined ? { destPrefix } : {}),
  }
  if (region) given.regionName = region.given
  if (endpoint) given.s3EndpointUrl = endpoint.given
  if (credentials) given.s3Credentials = 'env'
  if (profile) given.awsProfile = 'env'

  // A profile run without --s3EndpointUrl may still go to an S3-compatible server named in the profile,
  // so only the rules every server shares apply until the runner has merged the profile in.
  const serverUnknown = profileMode && !endpoint
  if (bucket !== undefined)
    checkBucket(bucket, perContainer, !serverUnknown && isAwsEndpoint(endpoint?.value))
  try {
    // The bucket is checked above (a pattern is not a name); this checks everything else.
    resolveS3Options({
      ...target,
      bucket: 'bucket',
      ...(serverUnknown ? { endpoint: 'https://s3-compatible.invalid' } : {}),
    })
  } catch (error) {
    relabel(error, {
      region: region?.from,
      endpoint: endpoint?.from,
      ...CREDENTIAL_LABELS,
    })
  }
  const caBundle = envValue(env, 'AWS_CA_BUNDLE')?.trim()
  return { target, ...(caBundle ? { s3CaFile: absolutePath(cwd, caBundle) } : {}) }
}
