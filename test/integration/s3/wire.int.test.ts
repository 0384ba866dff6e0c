import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { classifyS3Error, S3ServerError } from '../../../src-main/core/s3'
import { readAll, unique } from '../support/swift-clients'
import { startRecordingProxy, type RecordedRequest, type RecordingProxy } from './recording-proxy'
import { createBucket, md5Base64, rawClient, removeBucket, s3, target } from './s3-support'

/**
 * What the target puts on the wire to a non-AWS endpoint, seen by a proxy between it and s3api: no
 * flexible-checksum headers, no aws-chunked bodies, and Content-MD5 plus a real Content-Length on every
 * upload. The last test shows the SDK's defaults failing on the same server, which is why `auto` exists.
 */

const admin = rawClient()
const bucket = unique('s3-wire')
let proxy: RecordingProxy
const MiB = 1024 * 1024

beforeAll(async () => {
  await createBucket(admin, bucket)
  proxy = await startRecordingProxy(s3.endpoint)
})

afterAll(async () => {
  await proxy.close()
  await removeBucket(admin, bucket)
  admin.destroy()
})

function checksumHeaders(request: RecordedRequest): string[] {
  return Object.keys(request.headers).filter(
    (name) =>
      name.startsWith('x-amz-checksum') || name.startsWith('x-amz-sdk-checksum') || name === 'x-amz-trailer',
  )
}

describe('on the wire to a non-AWS endpoint (checksum mode auto)', () => {
  it('every operation goes without flexible checksums or aws-chunked, and uploads carry Content-MD5 and Content-Length', async () => {
    const t = target(bucket, { endpoint: proxy.url })
    expect(t.options.checksumMode).toBe('when-required')
    proxy.requests.length = 0

    const small = randomBytes(100_000)
    const md5 = md5Base64(small)
    await t.putObject({ key: 'buffer.bin', body: small, contentLength: small.length, contentMd5Base64: md5 })
    await t.putObject({
      key: 'stream.bin',
      body: Readable.from([small]),
      contentLength: small.length,
      contentMd5Base64: md5,
    })
    const part = randomBytes(5 * MiB)
    const uploadId = await t.createMultipartUpload({ key: 'mpu.bin' })
    const etag1 = await t.uploadPart({
      key: 'mpu.bin',
      uploadId,
      partNumber: 1,
      body: part,
      contentMd5Base64: md5Base64(part),
    })
    const etag2 = await t.uploadPart({
      key: 'mpu.bin',
      uploadId,
      partNumber: 2,
      body: small,
      contentMd5Base64: md5,
    })
    await t.completeMultipartUpload('mpu.bin', uploadId, [
      { partNumber: 1, etag: etag1 },
      { partNumber: 2, etag: etag2 },
    ])
    await t.head('stream.bin')
    await readAll(await t.getObject('stream.bin'))
    for await (const _ of t.list()) void _
    await t.deleteObject('buffer.bin')
    await t.checkBucket()
    t.close()

    const seen = proxy.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`)
    expect(seen).toHaveLength(11)
    for (const request of proxy.requests) {
      expect(checksumHeaders(request), `${request.method} ${request.url}`).toEqual([])
      expect(request.headers['content-encoding'] ?? '').not.toContain('aws-chunked')
      expect(request.headers['x-amz-content-sha256'] ?? '').not.toMatch(/^STREAMING-/)
      expect(request.headers['x-amz-checksum-mode']).toBeUndefined()
    }
    const uploads = proxy.requests.filter((r) => r.method === 'PUT')
    expect(uploads).toHaveLength(4)
    for (const request of uploads) {
      expect(request.headers['content-md5']).toMatch(/^[A-Za-z0-9+/]{22}==$/)
      expect(request.headers['transfer-encoding']).toBeUndefined()
      expect(Number(request.headers['content-length'])).toBe(request.bodyBytes)
    }
    // The streamed PUT is sent unsigned (UNSIGNED-PAYLOAD), not as aws-chunked.
    const streamed = uploads.find((r) => r.url.startsWith(`/${bucket}/stream.bin`))!
    expect(streamed.headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD')
    expect(streamed.headers['content-length']).toBe(String(small.length))
  })

  it("the SDK's default checksums break a streamed PUT on s3api (501 aws-chunked), reported as a setting to change", async () => {
    const t = target(bucket, { endpoint: proxy.url, checksumMode: 'sdk-default' })
    proxy.requests.length = 0
    const body = randomBytes(10_000)
    const error = await t
      .putObject({
        key: 'chunked.bin',
        body: Readable.from([body]),
        contentLength: body.length,
        contentMd5Base64: md5Base64(body),
      })
      .catch((e: unknown) => e)
    t.close()
    expect(proxy.requests[0]?.headers['content-encoding']).toContain('aws-chunked')
    expect(error).toBeInstanceOf(S3ServerError)
    expect((error as S3ServerError).status).toBe(501)
    expect((error as Error).message).toContain('checksum mode')
    expect(classifyS3Error(error).action).toBe('stop-job')
  })
})
