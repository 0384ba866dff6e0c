import { Redactor } from '../log/redact'
import { S3Target } from '../s3'
import { listBuckets } from '../s3/list-buckets'
import { resolveS3Options } from '../s3/options'
import type { S3Runtime, S3TargetOptions } from '../s3/types'
import type { S3Probe } from './s3-test'

// resolveS3Options wants a bucket; this one only lets it check the rest and is never sent.
const PLACEHOLDER_BUCKET = 'swift2s3-connection-test'

/**
 * The S3 test's client over the real S3 target: one short-lived target per bucket asked about, as a
 * run would open it. Validates the options at once (region, endpoint), so the caller's step reports them.
 */
export function s3Probe(options: Omit<S3TargetOptions, 'bucket'>, runtime: S3Runtime = {}): S3Probe {
  const resolved = resolveS3Options({ ...options, bucket: PLACEHOLDER_BUCKET })
  const redactor = new Redactor()
  redactor.add(options.credentials?.secretAccessKey, options.credentials?.sessionToken)
  const withTarget = async <T>(bucket: string, work: (target: S3Target) => Promise<T>): Promise<T> => {
    const target = new S3Target({ ...options, bucket }, runtime)
    try {
      return await work(target)
    } finally {
      target.close()
    }
  }
  return {
    region: resolved.region,
    listBuckets: (signal) => listBuckets(options, runtime, signal),
    checkBucketName: (bucket) => void resolveS3Options({ ...options, bucket }),
    checkBucket: (bucket, signal) => withTarget(bucket, (target) => target.checkBucket(signal)),
    bucketRegion: (bucket, signal) => withTarget(bucket, (target) => target.bucketRegion(signal)),
    redact: (text) => redactor.text(text),
    close: () => undefined,
  }
}
