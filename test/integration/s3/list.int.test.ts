import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unique } from '../support/swift-clients'
import { startRecordingProxy, type RecordingProxy } from './recording-proxy'
import { createBucket, md5Base64, md5Hex, rawClient, removeBucket, s3, target } from './s3-support'

/** ListObjectsV2 paging by continuation token, with keys XML cannot carry raw. */

const admin = rawClient()
const bucket = unique('s3-list')
// Sorted by UTF-8 bytes, as S3 lists them. "\u0001" makes an unencoded listing fail at s3api (500).
const keys = [
  'data/100%',
  'data/<a&b>',
  'data/a b',
  'data/c+d',
  'data/q?r=s',
  'data/x\u0001y',
  'data/ü',
  'other/z',
]
let proxy: RecordingProxy

beforeAll(async () => {
  await createBucket(admin, bucket)
  const t = target(bucket)
  for (const key of keys) {
    const body = Buffer.from(key)
    await t.putObject({ key, body, contentLength: body.length, contentMd5Base64: md5Base64(body) })
  }
  t.close()
  proxy = await startRecordingProxy(s3.endpoint)
})

afterAll(async () => {
  await proxy.close()
  await removeBucket(admin, bucket)
  admin.destroy()
})

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

describe('list', () => {
  it('pages through every key under the prefix with size, bare ETag and date', async () => {
    const t = target(bucket, { endpoint: proxy.url, prefix: 'data/' })
    proxy.requests.length = 0
    const listed = await collect(t.list(undefined, undefined, { pageSize: 2 }))
    t.close()
    const expected = keys.filter((k) => k.startsWith('data/'))
    expect(listed.map((o) => o.key)).toEqual(expected)
    for (const item of listed) {
      expect(item.size).toBe(Buffer.byteLength(item.key))
      expect(item.etag).toBe(md5Hex(Buffer.from(item.key)))
      expect(item.lastModified).toBeInstanceOf(Date)
    }
    // 7 keys, 2 per page: 4 requests, each asking for at most 2.
    expect(proxy.requests).toHaveLength(4)
    for (const request of proxy.requests) expect(request.url).toContain('max-keys=2')
  })

  it('starts after a given key, and an explicit prefix overrides the default', async () => {
    const t = target(bucket, { prefix: 'data/' })
    expect((await collect(t.list(undefined, 'data/c+d', { pageSize: 3 }))).map((o) => o.key)).toEqual(
      keys.slice(4, 7),
    )
    expect((await collect(t.list('other/'))).map((o) => o.key)).toEqual(['other/z'])
    expect(await collect(t.list('nothing-here/'))).toEqual([])
    t.close()
  })
})
