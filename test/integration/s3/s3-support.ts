import { createHash } from 'node:crypto'
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3'
import { S3Target, type S3Runtime, type S3TargetOptions } from '../../../src-main/core/s3'
import { decodeListedKey } from '../../../src-main/core/s3/listing'
import { servers } from '../support/swift-clients'

/** Targets and throwaway buckets on the loopback s3api (tempauth proxy, test:tester / testing). */

export const s3 = servers.s3

export function targetOptions(bucket: string, extra: Partial<S3TargetOptions> = {}): S3TargetOptions {
  return {
    bucket,
    endpoint: s3.endpoint,
    region: s3.region,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    ...extra,
  }
}

/** One attempt per request unless a test says otherwise: failures are what most tests look at. */
export function target(
  bucket: string,
  extra: Partial<S3TargetOptions> = {},
  runtime: S3Runtime = {},
): S3Target {
  return new S3Target(targetOptions(bucket, extra), { maxAttempts: 1, env: {}, ...runtime })
}

/** A plain SDK client for setting up and inspecting buckets behind the target's back. */
export function rawClient(endpoint = s3.endpoint, credentials = s3): S3Client {
  return new S3Client({
    endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
}

export async function createBucket(client: S3Client, bucket: string): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket: bucket }))
}

/**
 * Empties and deletes a bucket, for afterAll hooks. Swift updates container listings asynchronously, so
 * a bucket just emptied can still answer BucketNotEmpty for a moment: list, delete and try again.
 */
export async function removeBucket(client: S3Client, bucket: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    for (;;) {
      // URL-encoded listing: s3api cannot list keys with control characters otherwise.
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, EncodingType: 'url' }))
      const keys = (page.Contents ?? []).flatMap((item) =>
        item.Key === undefined ? [] : [decodeListedKey(item.Key)],
      )
      if (keys.length === 0) break
      await Promise.all(keys.map((Key) => client.send(new DeleteObjectCommand({ Bucket: bucket, Key }))))
    }
    try {
      await client.send(new DeleteBucketCommand({ Bucket: bucket }))
      return
    } catch (error) {
      if ((error as { name?: string }).name !== 'BucketNotEmpty' || attempt >= 10) throw error
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
}

export const md5Base64 = (data: Buffer) => createHash('md5').update(data).digest('base64')
/** Compare large bodies by digest: a deep toEqual walks every byte and takes seconds per MiB. */
export const md5Hex = (data: Buffer) => createHash('md5').update(data).digest('hex')
