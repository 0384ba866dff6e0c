import type { S3Credentials } from '../core/s3/types'
import { importFromEnv } from '../core/swift/config/env'
import type { SwiftAuth, TlsSettings } from '../core/swift/types'
import { CliUsageError } from './errors'

/**
 * Credentials from environment variables, as the original script took them: AWS_* for S3, OS_* (or the
 * swift CLI's ST_*) for OpenStack. No message here ever contains a variable's value.
 */

type Env = Record<string, string | undefined>

/** Blank counts as unset, as in the AWS and OpenStack tools. */
export function envValue(env: Env, name: string): string | undefined {
  const value = Object.hasOwn(env, name) ? env[name] : undefined
  return value === undefined || value.trim() === '' ? undefined : value
}

export interface AwsCredentialsFromEnv {
  /** Static keys, when AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are both set. */
  credentials?: S3Credentials
  /** AWS_PROFILE, when no static keys are set: the SDK's default chain then reads ~/.aws for it. */
  profile?: string
}

/**
 * Reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN and AWS_PROFILE.
 * Keys are passed on untrimmed so that S3 option validation can point out a pasted space or line break.
 * When keys and AWS_PROFILE are both set the keys win, as they do in the AWS CLI and SDK, whose default
 * chain reads the environment first; AWS_PROFILE is often left exported in a shell.
 */
export function awsCredentialsFromEnv(env: Env): AwsCredentialsFromEnv {
  const accessKeyId = envValue(env, 'AWS_ACCESS_KEY_ID')
  const secretAccessKey = envValue(env, 'AWS_SECRET_ACCESS_KEY')
  const sessionToken = envValue(env, 'AWS_SESSION_TOKEN')
  if (accessKeyId !== undefined && secretAccessKey !== undefined) {
    return { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } }
  }
  if (accessKeyId !== undefined || secretAccessKey !== undefined) {
    const [missing, present] =
      accessKeyId === undefined
        ? ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']
        : ['AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID']
    throw new CliUsageError(
      `${missing} is not set, but ${present} is: set both, or unset ${present} to use AWS_PROFILE or ~/.aws instead.`,
      missing,
    )
  }
  if (sessionToken !== undefined) {
    // A token alone would be silently ignored by the SDK, and the run would go out under another identity.
    throw new CliUsageError(
      'AWS_SESSION_TOKEN is set without AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: set all three from the same temporary credentials, or unset AWS_SESSION_TOKEN.',
      'AWS_SESSION_TOKEN',
    )
  }
  const profile = envValue(env, 'AWS_PROFILE')?.trim()
  return profile ? { profile } : {}
}

/**
 * The variables that say "log in to Swift this way". Region, interface, domains, CA file and the like
 * are left out: openrc files and shells export them on their own, and they do not make a login.
 */
const SWIFT_LOGIN_VARIABLES = [
  'OS_AUTH_URL',
  'OS_AUTH_TYPE',
  'OS_AUTH_TOKEN',
  'OS_STORAGE_URL',
  'OS_APPLICATION_CREDENTIAL_ID',
  'OS_APPLICATION_CREDENTIAL_NAME',
  'OS_APPLICATION_CREDENTIAL_SECRET',
  'OS_USERNAME',
  'OS_USER_ID',
  'OS_PASSWORD',
  'ST_AUTH',
  'ST_USER',
  'ST_KEY',
]

export interface SwiftFromEnv {
  auth: SwiftAuth
  tls: TlsSettings
}

/**
 * Swift auth and TLS settings from OS_* / ST_* variables via core's importer, whose errors already
 * name the variable to fix. Returns undefined when no login variable is set and `required` is false
 * (a --profile run: the profile holds the login).
 */
// Variables that hold only a secret: with --profile they are the saved profile's secret, not a login.
const SECRET_ONLY = new Set(['ST_KEY', 'OS_PASSWORD', 'OS_APPLICATION_CREDENTIAL_SECRET', 'OS_AUTH_TOKEN'])

export function swiftFromEnv(env: Env, required: boolean): SwiftFromEnv | undefined {
  const present = SWIFT_LOGIN_VARIABLES.filter((name) => envValue(env, name) !== undefined)
  if (!required && present.every((name) => SECRET_ONLY.has(name))) return undefined
  if (present.length === 0) {
    if (!required) return undefined
    const cloud = envValue(env, 'OS_CLOUD')
      ? ' OS_CLOUD is set, but the CLI does not read clouds.yaml; set the OS_* variables instead.'
      : ''
    throw new CliUsageError(
      'No OpenStack login in the environment: set OS_AUTH_URL, OS_APPLICATION_CREDENTIAL_ID and OS_APPLICATION_CREDENTIAL_SECRET ' +
        `(or source your project's openrc file), or use --profile NAME.${cloud}`,
      'OS_AUTH_URL',
    )
  }
  const { auth, tls } = importFromEnv(env)
  return { auth, tls }
}
