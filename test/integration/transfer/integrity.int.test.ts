import { randomBytes } from 'node:crypto'
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { S3Target } from '../../../src-main/core/s3'
import { SwiftClient } from '../../../src-main/core/swift'
import { createBucket, rawClient, removeBucket, targetOptions } from '../s3/s3-support'
import { faults, startFaultProxy, type Decide } from '../support/fault-proxy'
import { client, servers, tempauth, unique } from '../support/swift-clients'
import { md5, MiB } from './fixtures'
import { readTarget, runTransfer } from './support'

/**
 * A byte flipped on the way — in the Swift GET, in a PutObject body, in an UploadPart body — must never
 * complete a wrong object: the copy is retried clean, or it fails and the target holds nothing.
 */

const swift = client({ auth: tempauth() })
const container = unique('integrity-src')
const bucket = unique('integrity-dst')
const s3 = rawClient()
const small = randomBytes(1 * MiB + 17)
const big = randomBytes(20 * MiB)

beforeAll(async () => {
  await swift.putContainer(container)
  await swift.putObject(container, 'small.bin', small)
  await swift.putObject(container, 'big.bin', big)
  await createBucket(s3, bucket)
}, 60_000)

afterAll(async () => {
  for (const name of ['small.bin', 'big.bin']) await swift.deleteObject(container, name)
  await swift.deleteContainer(container)
  await removeBucket(s3, bucket)
  await swift.close()
}, 60_000)

/** A Swift client whose storage URL goes through a fault proxy. */
async function swiftVia(decide: Decide) {
  const proxy = await startFaultProxy(servers.tempauth.url, decide)
  const { token } = await swift.connection.session.get()
  const source = new SwiftClient({
    auth: { type: 'preauth', token, storageUrl: proxy.via(servers.tempauth.storageUrl) },
    retry: { baseMs: 5, capMs: 20 },
  })
  return { source, proxy, close: async () => (await source.close(), await proxy.close()) }
}

async function s3Via(decide: Decide) {
  const proxy = await startFaultProxy(servers.s3.endpoint, decide)
  const target = new S3Target(targetOptions(bucket, { endpoint: proxy.url }), { env: {}, maxAttempts: 1 })
  return { target, proxy, close: async () => (target.close(), await proxy.close()) }
}

const direct = () => new S3Target(targetOptions(bucket), { env: {} })

async function exists(key: string): Promise<boolean> {
  const target = direct()
  const head = await target.head(key)
  target.close()
  return head !== undefined
}

async function openUploads(): Promise<number> {
  const out = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))
  return out.Uploads?.length ?? 0
}

async function clean(key: string) {
  const target = direct()
  await target.deleteObject(key)
  target.close()
}

const isGet = (name: string) => (r: { method: string; path: string }) =>
  r.method === 'GET' && r.path.includes(`/${name}`)
const isPut = (r: { method: string; path: string }) => r.method === 'PUT'

describe.each([
  ['single PUT', 'small.bin', small, 700_000],
  ['multipart', 'big.bin', big, 12 * MiB + 5],
])('%s: a byte flipped in the Swift GET', (_kind, name, content, offset) => {
  it('once: the copy is retried and the object arrives intact', async () => {
    const via = await swiftVia(faults.flipResponseByte({ match: isGet(name), offset, times: 1 }))
    const target = direct()
    try {
      const { summary, events } = await runTransfer(via.source, target, { container, sourcePrefix: name })
      expect(summary.progress.objects.copied).toBe(1)
      expect(events.some((e) => e.type === 'retry' && /MD5/.test(e.reason))).toBe(true)
      expect(md5(await readTarget(target, name))).toBe(md5(content))
    } finally {
      target.close()
      await via.close()
      await clean(name)
    }
  })

  it('always: the object fails and the target holds nothing', async () => {
    const via = await swiftVia(faults.flipResponseByte({ match: isGet(name), offset }))
    const target = direct()
    try {
      const { summary, keys } = await runTransfer(via.source, target, {
        container,
        sourcePrefix: name,
        retry: { attempts: 2, baseMs: 5, capMs: 10 },
      })
      expect(keys('object-failed')).toEqual([name])
      expect(summary.progress.objects.failed).toBe(1)
      expect(await exists(name)).toBe(false)
      expect(await openUploads()).toBe(0)
    } finally {
      target.close()
      await via.close()
    }
  })
})

describe('a byte flipped on the way to S3', () => {
  it('in a PutObject body: S3 rejects it (BadDigest); the retry stores the right bytes', async () => {
    const via = await s3Via(faults.flipRequestByte({ match: isPut, offset: 1234, times: 1 }))
    try {
      const { summary, events } = await runTransfer(swift, via.target, {
        container,
        sourcePrefix: 'small.bin',
      })
      expect(summary.progress.objects.copied).toBe(1)
      expect(events.some((e) => e.type === 'retry' && /BadDigest/.test(e.reason))).toBe(true)
      const target = direct()
      expect(md5(await readTarget(target, 'small.bin'))).toBe(md5(small))
      target.close()
    } finally {
      await via.close()
      await clean('small.bin')
    }
  })

  it('in every UploadPart body: the upload is aborted, no object and no open upload remain', async () => {
    const via = await s3Via(
      faults.flipRequestByte({ match: (r) => isPut(r) && r.path.includes('partNumber=2'), offset: 99 }),
    )
    try {
      const { summary, keys } = await runTransfer(swift, via.target, {
        container,
        sourcePrefix: 'big.bin',
        retry: { attempts: 2, baseMs: 5, capMs: 10 },
      })
      expect(keys('object-failed')).toEqual(['big.bin'])
      expect(summary.progress.objects.failed).toBe(1)
      expect(await exists('big.bin')).toBe(false)
      expect(await openUploads()).toBe(0)
    } finally {
      await via.close()
    }
  })
})
