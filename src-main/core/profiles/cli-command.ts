import type { JobDefinition } from './job-definition'
import type { S3Profile } from './s3-profile'
import type { SwiftProfile } from './swift-profile'

/** A saved migration as one command line, for scripts and servers; secrets stay in named env vars. */
export interface CliCommand {
  command: string
  /** Variables the user sets before running the command; they carry the secrets. */
  secretEnv: string[]
  /** Profile settings the command line cannot carry, in words. */
  notes: string[]
}

// Letters, digits and a few punctuation marks mean nothing to a POSIX shell; anything else is quoted.
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/

/** POSIX shell quoting: single quotes, with a quote inside written as '\''. */
export function shellQuote(value: string): string {
  if (value !== '' && PLAIN.test(value)) return value
  return `'${value.replaceAll("'", `'\\''`)}'`
}

type Env = [name: string, value: string][]

/** OS_* variables for the Swift side, as the original script and our CLI read them (swift/config/env.ts). */
function swiftEnv(profile: SwiftProfile, env: Env, secretEnv: string[], notes: string[]): void {
  const { auth } = profile
  // A pre-authenticated token has no plugin name: the CLI infers it from a token and a storage URL.
  if (auth.type !== 'preauth') env.push(['OS_AUTH_TYPE', auth.type])
  const set = (name: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') env.push([name, value])
  }
  switch (auth.type) {
    case 'v1':
      set('ST_AUTH', auth.authUrl)
      set('ST_USER', auth.user)
      secretEnv.push('ST_KEY')
      set('OS_STORAGE_URL', auth.storageUrl)
      return
    case 'preauth':
      set('OS_STORAGE_URL', auth.storageUrl)
      secretEnv.push('OS_AUTH_TOKEN')
      return
    default:
  }
  set('OS_AUTH_URL', auth.authUrl)
  if (auth.type === 'v3applicationcredential') {
    set('OS_APPLICATION_CREDENTIAL_ID', auth.applicationCredentialId)
    set('OS_APPLICATION_CREDENTIAL_NAME', auth.applicationCredentialName)
    secretEnv.push('OS_APPLICATION_CREDENTIAL_SECRET')
  }
  if (auth.type === 'v3applicationcredential' || auth.type === 'v3password') {
    set('OS_USER_ID', auth.userId)
    set('OS_USERNAME', auth.username)
    set('OS_USER_DOMAIN_ID', auth.userDomainId)
    set('OS_USER_DOMAIN_NAME', auth.userDomainName)
  }
  if (auth.type === 'v3password' || auth.type === 'v3token') {
    set('OS_PROJECT_ID', auth.projectId)
    set('OS_PROJECT_NAME', auth.projectName)
    set('OS_PROJECT_DOMAIN_ID', auth.projectDomainId)
    set('OS_PROJECT_DOMAIN_NAME', auth.projectDomainName)
    secretEnv.push(auth.type === 'v3password' ? 'OS_PASSWORD' : 'OS_AUTH_TOKEN')
  }
  set('OS_REGION_NAME', auth.region)
  set('OS_INTERFACE', auth.interface)
  set('OS_STORAGE_URL', auth.storageUrl)
  if (profile.caBundle !== undefined) {
    notes.push(
      `The Swift profile "${profile.name}" trusts its own CA bundle: save it to a file and add --caFile PATH.`,
    )
  }
}

function s3Env(profile: S3Profile, env: Env, secretEnv: string[], notes: string[]): void {
  const { credentials } = profile
  if (credentials.type === 'keys') {
    env.push(['AWS_ACCESS_KEY_ID', credentials.accessKeyId])
    secretEnv.push('AWS_SECRET_ACCESS_KEY')
  } else if (credentials.type === 'aws-profile') {
    env.push(['AWS_PROFILE', credentials.profile])
  }
  if (profile.caBundle !== undefined) {
    notes.push(
      `The S3 profile "${profile.name}" trusts its own CA bundle: save it to a file and set AWS_CA_BUNDLE to its path.`,
    )
  }
  if (profile.storageClass !== undefined || profile.serverSideEncryption !== undefined) {
    notes.push(
      `The S3 profile "${profile.name}" sets a storage class or server-side encryption, which the command line does not; use --profile with the app's profile file to keep them.`,
    )
  }
  if (profile.checksumMode !== undefined && profile.checksumMode !== 'auto') {
    notes.push(
      `The S3 profile "${profile.name}" overrides the checksum mode (${profile.checksumMode}); the command line always uses auto.`,
    )
  }
}

/**
 * The command line that runs the same migration as `definition` with `swift2s3`: non-secret settings as
 * env vars and flags, each secret as a variable the user exports first. Nothing secret is in it.
 */
export function cliCommandFor(definition: JobDefinition, swift: SwiftProfile, s3: S3Profile): CliCommand {
  const env: Env = []
  const secretEnv: string[] = []
  const notes: string[] = []
  swiftEnv(swift, env, secretEnv, notes)
  s3Env(s3, env, secretEnv, notes)

  const flags: string[] = []
  const flag = (name: string, value?: string | number): void => {
    flags.push(value === undefined ? `--${name}` : `--${name} ${shellQuote(String(value))}`)
  }
  const { source, target, options } = definition
  if (source.containers === 'all') flag('allContainers')
  else if (source.containers.length === 1) flag('openStackContainer', source.containers[0])
  else {
    flag('containers', source.containers.join(','))
    if (source.containers.some((name) => name.includes(','))) {
      notes.push('A container name contains a comma, which --containers cannot express; run those apart.')
    }
  }
  if (source.prefix !== undefined) flag('prefix', source.prefix)
  for (const glob of source.include ?? []) flag('include', glob)
  for (const glob of source.exclude ?? []) flag('exclude', glob)
  if (source.directoryMarkers === 'skip') flag('skipDirectoryMarkers')

  flag('s3Bucket', target.bucket)
  if (target.bucketMode === 'per-container') flag('bucketPerContainer')
  if (target.destPrefix !== undefined) flag('destPrefix', target.destPrefix)
  if (s3.region !== undefined) flag('regionName', s3.region)
  if (s3.endpoint !== undefined) flag('s3EndpointUrl', s3.endpoint)
  if (s3.endpoint !== undefined && s3.forcePathStyle === false) flags.push('--s3ForcePathStyle=false')
  else if (s3.endpoint === undefined && s3.forcePathStyle === true) flag('s3ForcePathStyle')

  // Unset, the app runs it with Settings' default; the command line has its own (16).
  if (options.maxWorkers !== undefined) flag('maxWorkers', options.maxWorkers)
  if (options.bandwidthLimitMb !== null) flag('bandwidthLimitMb', options.bandwidthLimitMb)
  if (options.partBudgetMb !== undefined) flag('partBudgetMb', options.partBudgetMb)
  if (options.multipartThresholdMb !== undefined) flag('multipartThresholdMb', options.multipartThresholdMb)
  if (options.metadata.userMetadata === 'skip') flag('noUserMetadata')
  for (const pair of options.metadata.extra) flag('setMetadata', `${pair.key}=${pair.value}`)
  if (options.metadata.oversized === 'drop') flag('oversizedMetadata', 'drop')
  if (options.deep) flag('deep')
  if (options.mirror.enabled) {
    flag('mirror')
    flag('maxDeletes', options.mirror.maxDeletions)
  }
  if (swift.insecure === true || s3.insecure === true) {
    flag('insecure')
    notes.push('--insecure turns off TLS certificate checks for both Swift and S3.')
  }
  for (const [kind, proxy] of [
    ['Swift', swift.proxyUrl],
    ['S3', s3.proxyUrl],
  ] as const) {
    if (proxy !== undefined) notes.push(`The ${kind} profile uses a proxy: set HTTPS_PROXY=${proxy}.`)
  }

  const assignments = env.map(([name, value]) => `${name}=${shellQuote(value)}`)
  return { command: [...assignments, 'swift2s3', ...flags].join(' '), secretEnv, notes }
}
