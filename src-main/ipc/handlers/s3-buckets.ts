import { ListBucketsCommand } from '@aws-sdk/client-s3'
import type { S3Profile } from '../../core/profiles'
import { classifyS3Error } from '../../core/s3'
import { S3Connection } from '../../core/s3/connection'
import { Redactor } from '../../core/log/redact'
import { S3_ATTEMPTS, s3OptionsFor } from './connect'

/**
 * Lists the buckets an S3 profile's keys can see (ListBuckets), for "Test connection" without a bucket.
 * Belongs in core/s3 next to checkBucket; it lives here only until core can take it.
 */

// The connection validates a bucket name although ListBuckets has none; this one is never sent.
const UNUSED_BUCKET = 'swift2s3-list-buckets'
/** More names than a picker can usefully show; the count says how many there are. */
const MAX_NAMES = 1000

/** The bucket names, sorted; throws the typed S3 error (AUTH, FORBIDDEN, NETWORK …) when S3 refuses. */
export async function listBuckets(profile: S3Profile, secrets: Record<string, string>): Promise<string[]> {
  const connection = new S3Connection(
    { ...s3OptionsFor(profile, secrets), bucket: UNUSED_BUCKET },
    { maxAttempts: S3_ATTEMPTS },
  )
  const redactor = new Redactor()
  redactor.add(secrets['secretAccessKey'])
  try {
    const output = await connection.client.send(new ListBucketsCommand({}))
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
