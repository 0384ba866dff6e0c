import type { JobSpec } from '../core/jobs/job-spec'
import type { SwiftAuth } from '../core/swift/types'
import type { FlagName } from './flags'

/**
 * What `parseCli` hands the runner. Parsing never reads files or talks to a server: the CA bundles are
 * returned as paths for the runner to read, and a --profile is returned by name for the runner to load.
 */

/**
 * Where a setting came from, for the settings that were given at all:
 * - a flag name (`s3Bucket`, `regionName` …) when set by that flag, or by its environment fallback;
 * - `containers` for whichever of --openStackContainer / --containers / --allContainers chose them;
 * - `swiftAuth` (OS_* / ST_*), `s3Credentials` (AWS_ACCESS_KEY_ID …) and `awsProfile` (AWS_PROFILE),
 *   which only the environment sets.
 * Settings that were not given (defaults) are absent.
 */
export type GivenKey = FlagName | 'containers' | 'swiftAuth' | 's3Credentials' | 'awsProfile'
export type Given = Partial<Record<GivenKey, 'flag' | 'env'>>

/**
 * A JobSpec whose connection may still come from a saved profile: the Swift login, the containers and
 * the bucket are optional. Connection settings (source auth and tls; target bucket, region, endpoint,
 * forcePathStyle, credentials, profile, insecure) are present only when given, so a profile's values
 * are not overwritten by CLI defaults; job options carry their defaults, and `given` says which of them
 * were explicit.
 */
export type JobSpecDraft = Omit<JobSpec, 'source' | 'target'> & {
  source: Omit<JobSpec['source'], 'auth' | 'containers'> & {
    auth?: SwiftAuth
    containers?: JobSpec['source']['containers']
  }
  target: Omit<JobSpec['target'], 'bucket'> & { bucket?: string }
}

interface CliRunBase {
  kind: 'run'
  json: boolean
  /**
   * Absolute path of the PEM bundle to trust for Keystone and Swift (--caFile, else OS_CACERT); also
   * in spec.source.tls.caFile. The runner reads it into spec.source.caBundle.
   */
  caFile?: string
  /** Absolute path of a PEM bundle for S3 (AWS_CA_BUNDLE); the runner reads it into spec.target.caBundle. */
  s3CaFile?: string
  given: Given
}

/** No --profile: the spec is complete, every default applied. */
export interface CliRunDirect extends CliRunBase {
  profile?: undefined
  spec: JobSpec
}

/**
 * --profile NAME: the runner loads the profile and fills in what the command line left out. Suggested
 * precedence: a flag beats the profile, and the profile beats the environment (`given[k] === 'env'`),
 * because a saved profile is an explicit choice and exported shell variables often are not.
 */
export interface CliRunWithProfile extends CliRunBase {
  profile: string
  spec: JobSpecDraft
}

export type CliRun = CliRunDirect | CliRunWithProfile

/** Help to print, the version to print, or a run. */
export type CliParse = { kind: 'help'; text: string } | { kind: 'version' } | CliRun
