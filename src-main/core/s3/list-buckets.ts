import { ListBucketsCommand } from '@aws-sdk/client-s3'
import { Redactor } from '../log/redact'
import { classifyS3Error } from './classify'
import { S3Connection } from './connection'
import type { S3Runtime, S3TargetOptions } from './types'

// The connection validates a bucket name although ListBuckets has none; this one is never sent.
const UNUSED_BUCKET = 'swift2s3-list-buckets'
/** More names than a picker can usefully show; the count says how many there are. */
const MAX_NAMES = 1000

/**
 * The buckets these keys can see (ListBuckets), sorted by name, for "Test connection" without a bucket
 * and the bucket picker.
 * @throws the typed S3 error (AUTH, FORBIDDEN, NETWORK …) when S3 refuses, with secrets masked.
 */
export async function listBuckets(
  options: Omit<S3TargetOptions, 'bucket'>,
  runtime: S3Runtime = {},
  signal?: AbortSignal,
): Promise<string[]> {
  const connection = new S3Connection({ ...options, bucket: UNUSED_BUCKET }, runtime)
  const redactor = new Redactor()
  redactor.add(options.credentials?.secretAccessKey, options.credentials?.sessionToken)
  try {
    const output = await connection.client.send(
      new ListBucketsCommand({}),
      signal ? { abortSignal: signal } : {},
    )
    const names = (output.Buckets ?? []).flatMap((bucket) => (bucket.Name ? [bucket.Name] : []))
    return names.sort().slice(0, MAX_NAMES)
  } catch (error) {
    // Classified without the connection's bucket, which would name the unused one in messages.
    const { region, endpoint } = connection.options
    throw classifyS3Error(error, {
      operation: 'ListBuckets',
      region,
      url: endpoint ?? `https://s3.${region}.amazonaws.com`,
      redactor,
    }).error
  } finally {
    connection.close()
  }
}
