import { randomBytes } from 'node:crypto'
import { ListMultipartUploadsCommand, ListPartsCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BadDigestError, classifyS3Error, NoSuchUploadError } from '../../../src-main/core/s3'
import { readAll, unique } from '../support/swift-clients'
import { createBucket, md5Base64, md5Hex, rawClient, removeBucket, target } from './s3-support'

/** Multipart uploads with a Content-MD5 per part, against the real s3api (5 MiB minimum part size). */

const admin = rawClient()
const bucket = unique('s3-multipart')
const t = target(bucket)
const MiB = 1024 * 1024

beforeAll(() => createBucket(admin, bucket))
afterAll(async () => {
  t.close()
  await removeBucket(admin, bucket)
  admin.destroy()
})

async function uploadsFor(key: string) {
  const out = await admin.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: key }))
  return (out.Uploads ?? []).filter((u) => u.Key === key)
}

describe('multipart upload', () => {
  it('assembles parts sent out of order into the exact bytes, keeping metadata and headers from create', async () => {
    const parts = [randomBytes(5 * MiB), randomBytes(5 * MiB), randomBytes(MiB + 3)]
    const key = 'large/object.bin'
    const whole = Buffer.concat(parts)
    const uploadId = await t.createMultipartUpload({
      key,
      metadata: { md5chksum: md5Base64(whole), Owner: 'Zoë' },
      headers: { contentType: 'application/x-tar', cacheControl: 'no-cache' },
    })
    const done = await Promise.all(
      [2, 0, 1].map(async (index) => {
        const body = parts[index]!
        const etag = await t.uploadPart({
          key,
          uploadId,
          partNumber: index + 1,
          body,
          contentMd5Base64: md5Base64(body),
        })
        expect(etag).toBe(md5Hex(body))
        return { partNumber: index + 1, etag }
      }),
    )
    const { etag } = await t.completeMultipartUpload(key, uploadId, done)
    expect(etag).toMatch(/^[0-9a-f]{32}-3$/)
    expect(md5Hex(await readAll(await t.getObject(key)))).toBe(md5Hex(whole))
    const head = await t.head(key)
    expect(head).toMatchObject({
      size: whole.length,
      contentType: 'application/x-tar',
      cacheControl: 'no-cache',
    })
    expect(head?.metadata).toEqual({ md5chksum: md5Base64(whole), owner: 'Zoë' })
    expect(await uploadsFor(key)).toEqual([])
  })

  it('rejects a part whose bytes do not match its MD5; abort then leaves no object and no upload', async () => {
    const key = 'large/corrupt.bin'
    const uploadId = await t.createMultipartUpload({ key })
    const good = randomBytes(5 * MiB)
    await t.uploadPart({ key, uploadId, partNumber: 1, body: good, contentMd5Base64: md5Base64(good) })
    const bad = randomBytes(MiB)
    const error = await t
      .uploadPart({ key, uploadId, partNumber: 2, body: bad, contentMd5Base64: md5Base64(good) })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BadDigestError)
    expect((error as BadDigestError).partNumber).toBe(2)
    expect((error as Error).message).toContain('(part 2)')
    const parts = await admin.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId }))
    expect((parts.Parts ?? []).map((p) => p.PartNumber)).toEqual([1])

    expect(await uploadsFor(key)).toHaveLength(1)
    await t.abortMultipartUpload(key, uploadId)
    expect(await uploadsFor(key)).toEqual([])
    expect(await t.head(key)).toBeUndefined()
    // Aborting again (a retry after a lost answer) is not an error.
    await expect(t.abortMultipartUpload(key, uploadId)).resolves.toBeUndefined()
  })

  it('completing an upload that is gone is NoSuchUploadError: upload the object again', async () => {
    const key = 'large/gone.bin'
    const uploadId = await t.createMultipartUpload({ key })
    await t.abortMultipartUpload(key, uploadId)
    const error = await t
      .completeMultipartUpload(key, uploadId, [{ partNumber: 1, etag: md5Hex(Buffer.alloc(1)) }])
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NoSuchUploadError)
    expect(classifyS3Error(error).action).toBe('retry')
  })
})
