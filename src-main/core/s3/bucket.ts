import {
  CreateBucketCommand,
  GetBucketLocationCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3'
import { AppError } from '../errors'
import { s3CodeOf } from './classify'
import type { S3Connection } from './connection'
import { DEFAULT_REGION } from './options'

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

/**
 * Creates the bucket in the connection's region. us-east-1 takes no LocationConstraint (AWS refuses one
 * naming it); every other region needs it, or AWS creates the bucket in us-east-1. Not retried as a whole:
 * a repeated create that already succeeded says BucketAlreadyOwnedByYou, which the caller may treat as done.
 */
export async function createBucket(connection: S3Connection, signal?: AbortSignal): Promise<void> {
  const { region } = connection.options
  const input = {
    Bucket: connection.bucket,
    ...(region !== 'us-east-1' && {
      CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint },
    }),
  }
  try {
    await connection.client.send(new CreateBucketCommand(input), signal ? { abortSignal: signal } : {})
  } catch (error) {
    const code = s3CodeOf(error)
    if (code === 'BucketAlreadyOwnedByYou') return
    if (code === 'InvalidBucketName') {
      throw new AppError(
        'VALIDATION',
        `S3 does not accept "${connection.bucket}" as a bucket name: use 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.`,
        'bucket',
      )
    }
    if (code === 'BucketAlreadyExists') {
      throw new AppError(
        'CONFLICT',
        `The bucket name "${connection.bucket}" is taken by another account; bucket names are shared by everyone on this S3 service, so choose another.`,
        'bucket',
      )
    }
    throw connection.translate(error, { operation: 'CreateBucket' })
  }
}

/**
 * The bucket's region as GetBucketLocation names it. S3 answers an empty constraint for us-east-1 and
 * `EU` for buckets made in eu-west-1 before region codes existed; both become the region code.
 */
export async function bucketRegion(connection: S3Connection, signal?: AbortSignal): Promise<string> {
  const output = await connection.call({ operation: 'GetBucketLocation' }, (client) =>
    client.send(
      new GetBucketLocationCommand({ Bucket: connection.bucket }),
      signal ? { abortSignal: signal } : {},
    ),
  )
  const constraint = output.LocationConstraint as string | undefined
  if (constraint === undefined || constraint === '') return DEFAULT_REGION
  return constraint === 'EU' ? 'eu-west-1' : constraint
}
