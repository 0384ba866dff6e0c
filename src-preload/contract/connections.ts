import type { S3Entry, SwiftEntry } from './profiles'
import type { IpcError } from './result'

/** Input of `profiles.test`. */
export interface ConnectionTestInput {
  kind: 'swift' | 's3'
  id: string
  /** S3 only: the bucket to check. Without one, main lists the buckets if the keys may. */
  bucket?: string
}

/**
 * The steps of a connection test, in the order they run (a test runs the ones of its kind):
 * - `secrets`: the profile's secrets are in the vault;
 * - `authenticate`: Swift: Keystone or v1 auth accepts the credentials;
 * - `catalog`: Swift: the storage URL, from the catalog's object-store endpoint (interface, region) or
 *   from where else it came (v1 auth answer, the profile's override, a pre-authenticated token);
 * - `containers`: Swift: one short page of the account's container listing (a real GET);
 * - `list-buckets`: S3: the buckets these keys may list;
 * - `bucket`: S3: the bucket to check exists and these keys may use it;
 * - `region`: S3: the bucket's region against the profile's.
 * A list as well as a type so main can check a stored test.
 */
export const CONNECTION_STEPS = [
  'secrets',
  'authenticate',
  'catalog',
  'containers',
  'list-buckets',
  'bucket',
  'region',
] as const

/** One of {@link CONNECTION_STEPS}. */
export type ConnectionStep = (typeof CONNECTION_STEPS)[number]

/**
 * How one step ended: `warning` passed with something the user should fix (an S3-compatible server
 * that accepts a region other than the bucket's); `skipped` could not be checked and is not a failure.
 */
export const CHECK_STATUSES = ['passed', 'warning', 'failed', 'skipped'] as const

/** One of {@link CHECK_STATUSES}. */
export type CheckStatus = (typeof CHECK_STATUSES)[number]

/** What one step found, or exactly how it failed. */
export interface ConnectionCheck {
  step: ConnectionStep
  status: CheckStatus
  /** What was found, in words for the UI. */
  detail?: string
  /** The failure as the engine reported it: code, message and, where it knows, the field to fix. */
  error?: IpcError
}

/**
 * A profile's last connection test as main keeps it with the profile (no secret in it), so the list can
 * say "Worked" or "Failed at Authentication" after a restart. Main drops it when the profile's connection
 * settings or secrets change, since it would no longer describe them.
 */
export interface LastConnectionTest {
  /** When the test finished, ISO 8601. */
  at: string
  ok: boolean
  /** Every step that ran; the first failed one ended the test. */
  checks: ConnectionCheck[]
}

/** What `profiles.test` found. The call succeeds whenever the test ran; `ok` says whether it passed. */
export interface ConnectionTestResult {
  kind: 'swift' | 's3'
  id: string
  ok: boolean
  /** When the test finished, ISO 8601. */
  at: string
  checks: ConnectionCheck[]
  /** Swift: the storage URL the test used. */
  storageUrl?: string
  /** Swift: how many containers the account has. */
  containerCount?: number
  /** Swift: the first few container names. */
  containers?: string[]
  /** S3: the bucket checked. */
  bucket?: string
  /** S3: the bucket's region when one was checked, else the region requests were signed for. */
  region?: string
  /** S3: the buckets these keys may see. */
  buckets?: string[]
  /**
   * The profile as main has it after the test, with this test as its last one; without it when the
   * profile's settings or secrets changed while the test ran (the result would describe the old ones).
   */
  entry: SwiftEntry | S3Entry
}

/** Input of `browse.containers`: one page of a Swift profile's containers. */
export interface ContainerPageInput {
  profileId: string
  /** Only containers whose names start with this. */
  prefix?: string
  /** Start after this name: the `nextMarker` of the page before. */
  marker?: string
  /** Containers per page, 1 to 1000; 100 when left out. */
  limit?: number
}

/** One container with its totals as Swift reports them in the listing. */
export interface ContainerSummary {
  name: string
  count: number
  bytes: number
  lastModified?: string
}

/** One page of containers; ask again with `nextMarker` while it is present. */
export interface ContainerPage {
  containers: ContainerSummary[]
  nextMarker?: string
}

/** Input of `browse.bucket`. */
export interface BucketCheckInput {
  profileId: string
  bucket: string
}

/** Whether a bucket can be used with an S3 profile. */
export interface BucketCheck {
  bucket: string
  /**
   * True when the bucket is there (also in another region than the profile's), false when S3 says it is
   * not, null when the check failed before S3 could tell (keys refused, no connection).
   */
  exists: boolean | null
  /** Where the bucket was reached, or where S3 says it is when the profile's region is wrong. */
  region?: string
  /** Why the bucket cannot be used as it is. */
  error?: IpcError
}

/** Input of `browse.buckets`: the buckets an S3 profile's keys may list. */
export interface BucketListInput {
  profileId: string
}

/** The buckets an S3 profile's keys can see, sorted by name (at most 1,000). */
export interface BucketList {
  buckets: string[]
}

/** Input of `browse.bucketMapping`: containers and a per-container pattern such as `swift-{container}`. */
export interface BucketMappingInput {
  containers: string[]
  pattern: string
}

/** The bucket a run would give each container, exactly as main names them when the run starts. */
export interface BucketMappingRow {
  container: string
  bucket: string
  /** Not simply the pattern filled in: changed to be a valid bucket name, or to differ from another's. */
  changed: boolean
}

/** Input of `browse.createBucket`: a new bucket in the profile's region. */
export interface BucketCreateInput {
  profileId: string
  bucket: string
}
