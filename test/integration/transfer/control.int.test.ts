import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AbortMultipartUploadCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { classifyS3Error, S3Target } from '../../../src-main/core/s3'
import { createShared, Transfer, type TransferSpec } from '../../../src-main/core/transfer/engine'
import type { TransferEvent } from '../../../src-main/core/transfer/events'
import { FileUploadJournal, openUploads } from '../../../src-main/core/transfer/upload-journal'
import { createBucket, rawClient, removeBucket, targetOptions } from '../s3/s3-support'
import { faults, startFaultProxy } from '../support/fault-proxy'
import { client, servers, tempauth, unique } from '../support/swift-clients'
import { MiB } from './fixtures'
import { expectIntact, newTransfer, seed, unseed } from './support'

/** Pause, resume, cancel and credentials that expire mid-run, against the real servers. */

const swift = client({ auth: tempauth(), transport: { connections: 16 } })
const container = unique('control-src')
const s3 = rawClient()
const small = Array.from({ length: 30 }, (_, i) => ({
  name: `small/${String(i).padStart(2, '0')}.bin`,
  data: randomBytes(20_000 + i * 1000),
}))
const big = { name: 'big/24mib.bin', data: randomBytes(24 * MiB) }
const all = [...small, big]

beforeAll(() => seed(swift, container, all), 120_000)

afterAll(async () => {
  await unseed(swift, container, all)
  await swift.close()
}, 120_000)

async function freshBucket(): Promise<string> {
  const bucket = unique('control-dst')
  await createBucket(s3, bucket)
  return bucket
}

function transferTo(target: S3Target, spec: Partial<TransferSpec> = {}) {
  return newTransfer(swift, target, { container, ...spec })
}

const expectAllIntact = (bucket: string) => expectIntact(bucket, all)

describe('credentials that expire mid-run', () => {
  it('waits for new credentials, then finishes: nothing lost, nothing copied twice, no orphaned upload', async () => {
    const bucket = await freshBucket()
    let puts = 0
    let expired = false
    const proxy = await startFaultProxy(servers.s3.endpoint, (r) => {
      if (r.method === 'PUT' && ++puts === 12) expired = true
      return expired
        ? faults.awsError({ status: 400, code: 'ExpiredToken', message: 'The provided token has expired.' })(
            r,
          )
        : undefined
    })
    const target = new S3Target(targetOptions(bucket, { endpoint: proxy.url }), { env: {}, maxAttempts: 1 })
    const { transfer, events } = transferTo(target, { bandwidthLimitMb: 40 })
    transfer.on((event) => {
      if (event.type !== 'credentials-required') return
      setTimeout(() => {
        expired = false
        transfer.provideCredentials({
          accessKeyId: servers.s3.accessKeyId,
          secretAccessKey: servers.s3.secretAccessKey,
        })
      }, 300)
    })
    const summary = await transfer.run()
    target.close()
    await proxy.close()
    expect(summary.state).toBe('completed')
    expect(events.filter((e) => e.type === 'credentials-required')).toHaveLength(1)
    expect(events.some((e) => e.type === 'state' && e.state === 'waiting-for-credentials')).toBe(true)
    const copied = events.filter((e) => e.type === 'object-copied').map((e) => ('key' in e ? e.key : ''))
    expect(copied.sort()).toEqual(all.map((o) => o.name).sort())
    expect(events.filter((e) => e.type === 'object-failed')).toEqual([])
    await expectAllIntact(bucket)
    await removeBucket(s3, bucket)
  }, 120_000)

  it('with a time limit and no new credentials, ends as needs-credentials', async () => {
    const bucket = await freshBucket()
    const proxy = await startFaultProxy(servers.s3.endpoint, (r) =>
      r.method === 'PUT' ? faults.awsError({ status: 403, code: 'ExpiredToken' })(r) : undefined,
    )
    const target = new S3Target(targetOptions(bucket, { endpoint: proxy.url }), { env: {}, maxAttempts: 1 })
    const events: TransferEvent[] = []
    const journal = new FileUploadJournal(join(mkdtempSync(join(tmpdir(), 'journal-')), 'uploads.jsonl'))
    const transfer = new Transfer(
      { container, maxWorkers: 4, multipartThreshold: 8 * MiB },
      {
        source: swift,
        target,
        shared: createShared(),
        classifyTarget: (e) => classifyS3Error(e).action,
        credentialWaitMs: 200,
        journal,
      },
    )
    transfer.on((e) => events.push(e))
    const summary = await transfer.run()
    target.close()
    await proxy.close()
    expect(summary.state).toBe('needs-credentials')
    expect(summary.error).toMatch(/credentials/i)
    // Expired keys cannot abort either: what is left open is exactly what the journal names, for the next run.
    const open = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))
    expect((open.Uploads ?? []).map((u) => u.UploadId).sort()).toEqual(
      (await openUploads(journal.path)).map((u) => u.uploadId).sort(),
    )
    for (const u of open.Uploads ?? [])
      await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId }))
    await removeBucket(s3, bucket)
  }, 60_000)
})

describe('pause, resume, cancel', () => {
  it('pause dispatches nothing new; resume finishes the job', async () => {
    const bucket = await freshBucket()
    const target = new S3Target(targetOptions(bucket), { env: {} })
    const { transfer, events } = transferTo(target, {
      maxWorkers: 2,
      sourcePrefix: 'small/',
      bandwidthLimitMb: 2,
    })
    let pausedAt = -1
    transfer.on((event) => {
      if (event.type === 'object-copied' && pausedAt < 0) {
        transfer.pause()
        pausedAt = events.length
        setTimeout(() => transfer.resume(), 700)
      }
    })
    const summary = await transfer.run()
    target.close()
    expect(summary.state).toBe('completed')
    const during = events.slice(
      pausedAt,
      events.findIndex((e) => e.type === 'state' && e.state === 'running' && events.indexOf(e) > pausedAt),
    )
    expect(during.filter((e) => e.type === 'object-started')).toEqual([])
    expect(events.filter((e) => e.type === 'object-copied')).toHaveLength(small.length)
    await removeBucket(s3, bucket)
  }, 60_000)

  it('cancel aborts in flight, leaves no partial object or open upload', async () => {
    const bucket = await freshBucket()
    const target = new S3Target(targetOptions(bucket), { env: {} })
    const { transfer } = transferTo(target, { sourcePrefix: 'big/', bandwidthLimitMb: 8 })
    setTimeout(() => transfer.cancel(), 1200)
    const summary = await transfer.run()
    expect(summary.state).toBe('cancelled')
    expect(await target.head(big.name)).toBeUndefined()
    target.close()
    const open = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))
    expect(open.Uploads ?? []).toEqual([])
    await removeBucket(s3, bucket)
  }, 60_000)
})
