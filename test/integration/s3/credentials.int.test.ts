import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { classifyS3Error, InvalidCredentialsError, S3ConfigError } from '../../../src-main/core/s3'
import { unique } from '../support/swift-clients'
import { createBucket, md5Base64, rawClient, removeBucket, s3, target } from './s3-support'

/** Keys swapped on a live target, as after ExpiredToken mid-run: the next request uses the new keys. */

const admin = rawClient()
const bucket = unique('s3-creds')

beforeAll(() => createBucket(admin, bucket))
afterAll(async () => {
  await removeBucket(admin, bucket)
  admin.destroy()
})

describe('setCredentials', () => {
  it('a target with a bad secret asks for credentials, and works once they are replaced', async () => {
    const t = target(bucket, {
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: 'stale-secret-value' },
    })
    const body = randomBytes(1000)
    const put = () =>
      t.putObject({ key: 'k', body, contentLength: body.length, contentMd5Base64: md5Base64(body) })
    const error = await put().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidCredentialsError)
    expect(classifyS3Error(error).action).toBe('need-credentials')
    expect(JSON.stringify({ message: (error as Error).message })).not.toContain('stale-secret-value')

    t.setCredentials({ accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey })
    await expect(put()).resolves.toEqual({ etag: expect.stringMatching(/^[0-9a-f]{32}$/) })
    expect(await t.head('k')).toMatchObject({ size: 1000 })
    t.close()
  })

  it('refuses keys with stray whitespace without echoing them', () => {
    const t = target(bucket)
    expect(() =>
      t.setCredentials({ accessKeyId: s3.accessKeyId, secretAccessKey: 'pasted secret\n' }),
    ).toThrow(S3ConfigError)
    try {
      t.setCredentials({ accessKeyId: s3.accessKeyId, secretAccessKey: 'pasted secret\n' })
    } catch (error) {
      expect((error as Error).message).not.toContain('pasted')
      expect((error as S3ConfigError).field).toBe('credentials.secretAccessKey')
    }
    t.close()
  })

  it('a closed target refuses further work', async () => {
    const t = target(bucket)
    t.close()
    await expect(t.head('k')).rejects.toThrow('closed')
  })
})
