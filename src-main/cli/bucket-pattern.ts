import { AppError } from '../core/errors'
import { validateBucketName } from '../core/s3/options'
import { CliUsageError } from './errors'

/**
 * Bucket names for --bucketPerContainer. The target bucket is then a pattern in which `{container}`
 * stands for each container's name (`acme-{container}`), so buckets can carry a prefix that keeps them
 * globally unique on AWS; without --s3Bucket the pattern is `{container}` alone. spec.target.bucket holds
 * the pattern and the runner expands it per container, once the container names are known.
 */

/** Stands for the container's name in a --bucketPerContainer pattern. */
export const CONTAINER_PLACEHOLDER = '{container}'

/** Without --s3Bucket, each bucket is named after its container. */
export const DEFAULT_BUCKET_PATTERN = CONTAINER_PLACEHOLDER

/** The bucket one container goes to. */
export function bucketForContainer(pattern: string, container: string): string {
  return pattern.split(CONTAINER_PLACEHOLDER).join(container)
}

// Valid under every rule, so an error can only come from the fixed part of the pattern.
const SAMPLE_CONTAINER = 'abc'

function checkPlaceholder(bucket: string, perContainer: boolean): void {
  const has = bucket.includes(CONTAINER_PLACEHOLDER)
  if (perContainer && !has) {
    throw new CliUsageError(
      `--bucketPerContainer needs ${CONTAINER_PLACEHOLDER} in --s3Bucket to name one bucket per container ` +
        `(e.g. --s3Bucket 'acme-${CONTAINER_PLACEHOLDER}'), or leave --s3Bucket out to name each bucket after its container.`,
      '--s3Bucket',
    )
  }
  if (!perContainer && has) {
    throw new CliUsageError(
      `--s3Bucket contains ${CONTAINER_PLACEHOLDER}, which only means something with --bucketPerContainer; ` +
        'add that flag, or give one bucket name.',
      '--s3Bucket',
    )
  }
}

/**
 * Checks --s3Bucket with core's rules: AWS's when `aws`, else only what no server accepts. A pattern is
 * checked on its fixed part; the names each container produces are checked by the runner, which knows them.
 */
export function checkBucket(bucket: string, perContainer: boolean, aws: boolean): void {
  checkPlaceholder(bucket, perContainer)
  const sample = perContainer ? bucketForContainer(bucket, SAMPLE_CONTAINER) : bucket
  try {
    validateBucketName(sample, aws)
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    const message = error.message.split(`"${sample}"`).join(`"${bucket}"`)
    // The original's own example (s3_bucket_name) trips this on AWS, yet is fine on other servers.
    const hint = aws
      ? ' If the bucket is on an S3-compatible server, give its address with --s3EndpointUrl.'
      : ''
    throw new CliUsageError(`--s3Bucket: ${message}${hint}`, '--s3Bucket', { cause: error })
  }
}
