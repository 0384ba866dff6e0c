import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FileUploadJournal, openUploads } from '../../../src-main/core/transfer/upload-journal'
import { S3Target } from '../../../src-main/core/s3'
import { createBucket, rawClient, removeBucket, targetOptions } from '../s3/s3-support'
import { startFaultProxy } from '../support/fault-proxy'
import { client, servers, tempauth, unique } from '../support/swift-clients'
import { buildFixture, md5, removeFixture, type FixtureObject } from './fixtures'
import { readTarget, runTransfer } from './support'

/** A whole container, every kind of object, copied to the real s3api and read back with the SDK. */

const swift = client({ auth: tempauth(), transport: { connections: 16 } })
const container = unique('copy-src')
const bucket = unique('copy-dst')
const s3 = rawClient()
const target = new S3Target(targetOptions(bucket), { env: {} })
let objects: FixtureObject[] = []

beforeAll(async () => {
  objects = await buildFixture(swift, container, { big: true })
  await createBucket(s3, bucket)
}, 120_000)

afterAll(async () => {
  await removeFixture(swift, container)
  await removeBucket(s3, bucket)
  target.close()
  await swift.close()
}, 120_000)

describe('copying a container', () => {
  it('copies every object; every byte and metadata field arrives', async () => {
    const journalPath = join(mkdtempSync(join(tmpdir(), 'journal-')), 'uploads.jsonl')
    const { summary, keys } = await runTransfer(
      swift,
      target,
      { container },
      { journal: new FileUploadJournal(journalPath) },
    )
    expect(summary.error).toBeUndefined()
    // Each multipart upload was journalled before its parts and closed after completing.
    const journal = readFileSync(journalPath, 'utf8')
    expect(journal).toContain('"event":"started","key":"big/20mib.bin"')
    expect(await openUploads(journalPath)).toEqual([])
    expect(summary.state).toBe('completed')
    expect(keys('object-failed')).toEqual([])
    expect(keys('object-copied').sort()).toEqual(objects.map((o) => o.name).sort())
    expect(summary.progress.objects).toMatchObject({
      total: objects.length,
      copied: objects.length,
      failed: 0,
    })
    for (const object of objects) {
      const bytes = await readTarget(target, object.name)
      expect(md5(bytes), object.name).toBe(md5(object.content))
      const head = await target.head(object.name)
      expect(head?.size, object.name).toBe(object.content.length)
      if (object.kind === 'normal')
        expect(head?.metadata.md5chksum, object.name).toBe(
          Buffer.from(md5(object.content), 'hex').toString('base64'),
        )
      else expect(head?.metadata['swift-etag'], object.name).toMatch(/^[0-9a-f]{32}$/)
      if (object.headers['content-type'])
        expect(head?.contentType, object.name).toBe(object.headers['content-type'])
    }
    const asset = await target.head('assets/app.js')
    expect(asset).toMatchObject({
      contentEncoding: 'gzip',
      contentDisposition: 'inline; filename="app.js"',
      cacheControl: 'max-age=3600',
      metadata: expect.objectContaining({ owner: 'Zoë', team: 'data-platform' }),
    })
    // Above the threshold: a multipart ETag, and the whole-object MD5 recorded for skip checks.
    expect((await target.head('big/20mib.bin'))?.etag).toMatch(/-3$/)
  })

  it('a second run copies nothing and HEADs no single-PUT normal object', async () => {
    const proxy = await startFaultProxy(servers.s3.endpoint)
    const viaProxy = new S3Target(targetOptions(bucket, { endpoint: proxy.url }), { env: {} })
    try {
      const { summary, keys } = await runTransfer(swift, viaProxy, { container })
      expect(summary.state).toBe('completed')
      expect(keys('object-copied')).toEqual([])
      expect(summary.progress.objects.skipped).toBe(objects.length)
      const heads = proxy.seen
        .filter((line) => line.startsWith('HEAD '))
        .map((line) => decodeURIComponent(line.split(' ')[1]!.split('?')[0]!))
      const singlePutNormal = objects.filter(
        (o) => o.kind === 'normal' && o.content.length > 0 && o.content.length <= 8 * 1024 * 1024,
      )
      for (const object of singlePutNormal) expect(heads).not.toContain(`/${bucket}/${object.name}`)
      // Only the objects the listings cannot settle are HEADed: SLO, DLO and multipart ones.
      expect(heads.length).toBeLessThanOrEqual(objects.filter((o) => o.kind !== 'normal').length + 1 + 2)
    } finally {
      viaProxy.close()
      await proxy.close()
    }
  })

  it('a changed object (same size, new bytes) is copied again', async () => {
    const changed = objects.find((o) => o.name === 'spaces and+plus%.txt')!
    const replacement = Buffer.from(changed.content.toString().toUpperCase())
    expect(replacement.length).toBe(changed.content.length)
    await swift.putObject(container, changed.name, replacement)
    const { keys } = await runTransfer(swift, target, { container })
    expect(keys('object-copied')).toEqual([changed.name])
    expect(md5(await readTarget(target, changed.name))).toBe(md5(replacement))
    changed.content = replacement
  })
})
