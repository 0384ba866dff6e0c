import { randomBytes } from 'node:crypto'
import { PassThrough, Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAbort } from '../../../src-main/core/swift'
import {
  BadDigestError,
  BodyLengthError,
  classifyS3Error,
  ObjectNotFoundError,
  SourceReadError,
  UnsupportedObjectError,
} from '../../../src-main/core/s3'
import { readAll, unique } from '../support/swift-clients'
import { createBucket, md5Base64, md5Hex, rawClient, removeBucket, target } from './s3-support'

/** Single PUTs with Content-MD5 against the real s3api: bytes, metadata and headers round-trip exactly. */

const admin = rawClient()
const bucket = unique('s3-objects')
const t = target(bucket)

beforeAll(() => createBucket(admin, bucket))
afterAll(async () => {
  t.close()
  await removeBucket(admin, bucket)
  admin.destroy()
})

const headers = {
  contentType: 'application/javascript; charset=utf-8',
  contentEncoding: 'gzip',
  contentDisposition: 'attachment; filename="asset.js"',
  contentLanguage: 'de-CH',
  cacheControl: 'public, max-age=3600',
  expires: 'Wed, 21 Oct 2099 07:28:00 GMT',
}

describe('putObject', () => {
  it('stores a Buffer with its metadata and content headers, which head returns with lower-cased keys', async () => {
    const body = randomBytes(200_000)
    const { etag } = await t.putObject({
      key: 'dir/buffer.bin',
      body,
      contentLength: body.length,
      contentMd5Base64: md5Base64(body),
      metadata: {
        'Source-Etag': md5Hex(body),
        'X-Timestamp': '1700000000.12345',
        md5chksum: md5Base64(body),
      },
      headers,
    })
    expect(etag).toBe(md5Hex(body))
    expect(md5Hex(await readAll(await t.getObject('dir/buffer.bin')))).toBe(md5Hex(body))
    const head = await t.head('dir/buffer.bin')
    expect(head).toMatchObject({ size: body.length, etag: md5Hex(body), ...headers })
    expect(head?.metadata).toEqual({
      'source-etag': md5Hex(body),
      'x-timestamp': '1700000000.12345',
      md5chksum: md5Base64(body),
    })
    expect(head?.lastModified).toBeInstanceOf(Date)
  })

  it('streams a Readable of known length straight through', async () => {
    const body = randomBytes(3 * 1024 * 1024 + 17)
    const chunks = [
      body.subarray(0, 1_000_000),
      body.subarray(1_000_000, 2_500_000),
      body.subarray(2_500_000),
    ]
    const { etag } = await t.putObject({
      key: 'streamed.bin',
      body: Readable.from(chunks),
      contentLength: body.length,
      contentMd5Base64: md5Base64(body),
    })
    expect(etag).toBe(md5Hex(body))
    expect(md5Hex(await readAll(await t.getObject('streamed.bin')))).toBe(md5Hex(body))
  })

  it('keeps non-ASCII metadata (RFC 2047 on the wire) and stores empty objects', async () => {
    const empty = Buffer.alloc(0)
    await t.putObject({
      key: 'unicode/ünï cødé.txt',
      body: empty,
      contentLength: 0,
      contentMd5Base64: md5Base64(empty),
      metadata: { owner: 'Zoë Ödegaard', note: ' padded ', plain: 'ascii' },
    })
    const head = await t.head('unicode/ünï cødé.txt')
    expect(head?.size).toBe(0)
    expect(head?.metadata).toEqual({ owner: 'Zoë Ödegaard', note: ' padded ', plain: 'ascii' })
  })

  it('a wrong Content-MD5 is BadDigestError and leaves no object behind', async () => {
    const body = randomBytes(50_000)
    const wrong = md5Base64(Buffer.from('something else'))
    for (const payload of [body, Readable.from([body])]) {
      const error = await t
        .putObject({ key: 'corrupt.bin', body: payload, contentLength: body.length, contentMd5Base64: wrong })
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(BadDigestError)
      expect(classifyS3Error(error).action).toBe('retry')
      expect(await t.head('corrupt.bin')).toBeUndefined()
    }
  })

  it('a hex MD5 is refused before anything is sent', async () => {
    const body = Buffer.from('hello')
    const error = await t
      .putObject({ key: 'hex.txt', body, contentLength: 5, contentMd5Base64: md5Hex(body) })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnsupportedObjectError)
    expect((error as Error).message).toContain('md5HexToBase64')
  })

  it('a source that fails mid-stream stops the PUT at once and stores nothing', async () => {
    const source = new PassThrough()
    source.write(randomBytes(100_000))
    setTimeout(() => source.destroy(new Error('swift connection reset')), 50)
    const started = Date.now()
    const error = await t
      .putObject({
        key: 'broken.bin',
        body: source,
        contentLength: 1_000_000,
        contentMd5Base64: md5Base64(Buffer.alloc(1)),
      })
      .catch((e: unknown) => e)
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(error).toBeInstanceOf(SourceReadError)
    expect((error as Error).message).toContain('swift connection reset')
    expect(classifyS3Error(error).action).toBe('retry')
    expect(await t.head('broken.bin')).toBeUndefined()
  })

  it('a source shorter than its Content-Length is BodyLengthError, not a hang', async () => {
    const body = randomBytes(10_000)
    const error = await t
      .putObject({
        key: 'short.bin',
        body: Readable.from([body]),
        contentLength: 20_000,
        contentMd5Base64: md5Base64(body),
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BodyLengthError)
    expect(await t.head('short.bin')).toBeUndefined()
  })

  it('stops when the signal is aborted, as a cancel', async () => {
    const source = new PassThrough()
    source.write(randomBytes(10_000))
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const error = await t
      .putObject({
        key: 'cancelled.bin',
        body: source,
        contentLength: 1_000_000,
        contentMd5Base64: md5Base64(Buffer.alloc(1)),
        signal: controller.signal,
      })
      .catch((e: unknown) => e)
    expect(isAbort(error)).toBe(true)
    expect(source.destroyed).toBe(true)
  })
})

describe('head, getObject and deleteObject', () => {
  it('head of a missing key is undefined; getObject of one is ObjectNotFoundError', async () => {
    expect(await t.head('no/such/key')).toBeUndefined()
    const error = await t.getObject('no/such/key').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ObjectNotFoundError)
    expect(classifyS3Error(error).action).toBe('fail-object')
  })

  it('deletes an object, and deleting a missing key succeeds', async () => {
    const body = Buffer.from('to be deleted')
    await t.putObject({
      key: 'gone.txt',
      body,
      contentLength: body.length,
      contentMd5Base64: md5Base64(body),
    })
    await t.deleteObject('gone.txt')
    expect(await t.head('gone.txt')).toBeUndefined()
    await expect(t.deleteObject('gone.txt')).resolves.toBeUndefined()
  })
})
