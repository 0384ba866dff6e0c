import { HeadBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3'
import { s3CodeOf } from './classify'
import type { S3Connection } from './connection'

/**
 * Checks that the bucket exists and these keys may use it, writing nothing. HeadBucket answers without
 * a body, so a 400 or 403 says only "no"; a one-key listing then asks again to learn why (wrong secret,
 * unknown key, missing permission, wrong region), each reported as its own error.
 */
export async function checkBucket(connection: S3Connection, signal?: AbortSignal): Promise<void> {
  const options = signal ? { abortSignal: signal } : {}
  const Bucket = connection.bucket
  try {
    await connection.client.send(new HeadBucketCommand({ Bucket }), options)
    return
  } catch (headError) {
    const typed = connection.translate(headError, { operation: 'HeadBucket' })
    if (!needsDiagnosis(headError)) throw typed
    await connection.call({ operation: 'ListObjectsV2' }, (client) =>
      client.send(new ListObjectsV2Command({ Bucket, MaxKeys: 1 }), options),
    )
    // The listing worked where HEAD did not (a policy allowing s3:ListBucket through GET only?):
    // report what HEAD said rather than guess.
    throw typed
  }
}

/** A bodyless refusal: an HTTP status but no S3 error code, other than a plain 404. */
function needsDiagnosis(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
  if (status === undefined || status === 404 || status < 300) return false
  const region = (error as { $response?: { headers?: Record<string, string> } }).$response?.headers?.[
    'x-amz-bucket-region'
  ]
  return s3CodeOf(error) === undefined && !region
}
