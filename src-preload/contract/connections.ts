import type { IpcError } from './result'

/** Input of `profiles.test`. */
export interface ConnectionTestInput {
  kind: 'swift' | 's3'
  id: string
  /** S3 only: the bucket to check. Without one, main lists the buckets if the keys may. */
  bucket?: string
}

/**
 * One step of a connection test:
 * - `secrets`: the profile's secrets are in the vault;
 * - `authenticate`: Swift authentication, which yields the storage URL;
 * - `account`: Swift account stats (the container count);
 * - `bucket`: S3 bucket exists, keys work, region is right;
 * - `list-buckets`: S3 bucket listing, when no bucket was given.
 */
export type ConnectionStep = 'secrets' | 'authenticate' | 'account' | 'bucket' | 'list-buckets'

/** What one step found, or exactly how it failed. */
export interface ConnectionCheck {
  step: ConnectionStep
  status: 'passed' | 'failed' | 'skipped'
  /** What was found, in words for the UI. */
  detail?: string
  /** The failure as the engine reported it: code, message and, where it knows, the field to fix. */
  error?: IpcError
}

/** What `profiles.test` found. The call succeeds whenever the test ran; `ok` says whether it passed. */
export interface ConnectionTestResult {
  kind: 'swift' | 's3'
  id: string
  ok: boolean
  checks: ConnectionCheck[]
  /** Swift: the storage URL authentication led to. */
  storageUrl?: string
  /** Swift: how many containers the account has. */
  containerCount?: number
  /** S3: the bucket checked, and the region it was reached in. */
  bucket?: string
  region?: string
  /** S3 without a bucket: the buckets these keys may see. */
  buckets?: string[]
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
