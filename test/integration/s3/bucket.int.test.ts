import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AccessDeniedError,
  BucketNotFoundError,
  classifyS3Error,
  InvalidCredentialsError,
  WrongRegionError,
} from '../../../src-main/core/s3'
import { NetworkError } from '../../../src-main/core/swift'
import { servers, unique } from '../support/swift-clients'
import { startRecordingProxy, type RecordingProxy } from './recording-proxy'
import { createBucket, rawClient, removeBucket, s3, target } from './s3-support'

/** The bucket check a job runs first: each way it can fail is its own error, and it writes nothing. */

const admin = rawClient()
const bucket = unique('s3-bucket')
let proxy: RecordingProxy

beforeAll(async () => {
  await createBucket(admin, bucket)
  proxy = await startRecordingProxy(s3.endpoint)
})

afterAll(async () => {
  await proxy.close()
  await removeBucket(admin, bucket)
  admin.destroy()
})

/** Runs the check through the recording proxy and returns what it threw (or undefined). */
async function check(options: Parameters<typeof target>[1] & { bucket?: string } = {}) {
  const { bucket: name = bucket, ...extra } = options
  const t = target(name, { endpoint: proxy.url, ...extra })
  proxy.requests.length = 0
  try {
    await t.checkBucket()
    return undefined
  } catch (error) {
    return error
  } finally {
    t.close()
    // Reads only: a failed check must not have created or changed anything.
    for (const request of proxy.requests) expect(['HEAD', 'GET']).toContain(request.method)
  }
}

describe('checkBucket', () => {
  it('passes for an existing bucket with good keys', async () => {
    expect(await check()).toBeUndefined()
  })

  it('reports a missing bucket by name, and the job stops', async () => {
    const missing = unique('s3-missing')
    const error = await check({ bucket: missing })
    expect(error).toBeInstanceOf(BucketNotFoundError)
    expect((error as BucketNotFoundError).message).toContain(`"${missing}"`)
    expect(classifyS3Error(error).action).toBe('stop-job')
  })

  it('reports a wrong secret key as bad credentials, without echoing the secret', async () => {
    const error = await check({
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: 'not-the-secret' },
    })
    expect(error).toBeInstanceOf(InvalidCredentialsError)
    expect((error as InvalidCredentialsError).reason).toBe('wrong-secret')
    expect((error as Error).message).not.toContain('not-the-secret')
    expect(classifyS3Error(error).action).toBe('need-credentials')
    // HEAD told only "403"; the diagnosis came from a one-key listing.
    expect(proxy.requests.map((r) => r.method)).toEqual(['HEAD', 'GET'])
  })

  it('reports keys without permission on the bucket as access denied', async () => {
    const limited = servers.tempauth.users.find((u) => u.groups.length === 0)!
    const error = await check({ credentials: { accessKeyId: limited.user, secretAccessKey: limited.key } })
    expect(error).toBeInstanceOf(AccessDeniedError)
    expect(classifyS3Error(error).action).toBe('stop-job')
  })

  it('reports a wrong region with the region the bucket is really in', async () => {
    const error = await check({ region: 'eu-west-1' })
    expect(error).toBeInstanceOf(WrongRegionError)
    expect((error as WrongRegionError).bucketRegion).toBe(s3.region)
    expect((error as Error).message).toContain(`is in region ${s3.region}, not eu-west-1`)
    expect((error as WrongRegionError).field).toBe('region')
  })

  it('reports an endpoint where nothing listens as a network error worth retrying', async () => {
    const t = target(bucket, { endpoint: 'http://127.0.0.1:9' })
    const error = await t.checkBucket().catch((e: unknown) => e)
    t.close()
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).problem).toBe('refused')
    expect(classifyS3Error(error).action).toBe('retry')
  })

  it('works with Keystone EC2 credentials through s3token', async (ctx) => {
    if (!servers.keystone) return ctx.skip()
    const ks = servers.keystone.s3
    const client = rawClient(ks.endpoint, ks)
    const ksBucket = unique('s3-ks')
    await createBucket(client, ksBucket)
    try {
      const t = target(ksBucket, {
        endpoint: ks.endpoint,
        credentials: { accessKeyId: ks.accessKeyId, secretAccessKey: ks.secretAccessKey },
      })
      await expect(t.checkBucket()).resolves.toBeUndefined()
      t.close()
    } finally {
      await removeBucket(client, ksBucket)
      client.destroy()
    }
  })
})
