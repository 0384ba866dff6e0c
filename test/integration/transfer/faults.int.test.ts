import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { S3Target } from '../../../src-main/core/s3'
import { SwiftClient } from '../../../src-main/core/swift'
import type { Transfer, TransferSpec } from '../../../src-main/core/transfer/engine'
import type { TransferEvent } from '../../../src-main/core/transfer/events'
import { createBucket, rawClient, removeBucket, targetOptions } from '../s3/s3-support'
import { faults, startFaultProxy } from '../support/fault-proxy'
import { client, servers, tempauth, unique } from '../support/swift-clients'
import { MiB } from './fixtures'
import { expectIntact, newTransfer, seed, unseed } from './support'

/**
 * The engine under real conditions, each run ending with every object intact on the target and no
 * orphaned multipart upload: Swift restarted mid-run, SlowDown bursts and resets mid-body, an object
 * changed while it is copied, the S3 key changed mid-run.
 */

const root = join(import.meta.dirname, '..', '..', '..')
// Run in the background, as an operator would restart a server while the job goes on.
const servers_ = (...args: string[]) =>
  promisify(execFile)('bash', [join(root, 'scripts', 'test-servers.sh'), ...args])
const mainSwift = client({ auth: tempauth() })
// The fault proxy is a Swift + s3api proxy of its own that tests may restart and re-key.
const faultSwift = new SwiftClient({
  auth: { ...tempauth(), authUrl: servers.fault.authUrl },
  retry: { attempts: 10, baseMs: 250, capMs: 4000 },
})
const container = unique('faults-src')
const s3 = rawClient()
const objects = [
  ...Array.from({ length: 20 }, (_, i) => ({ name: `small/${i}.bin`, data: randomBytes(30_000 + i * 500) })),
  { name: 'big/a.bin', data: randomBytes(20 * MiB) },
  { name: 'big/b.bin', data: randomBytes(12 * MiB) },
]

beforeAll(() => seed(faultSwift, container, objects), 120_000)

afterAll(async () => {
  await unseed(faultSwift, container, objects)
  await faultSwift.close()
  await mainSwift.close()
}, 120_000)

async function run(
  source: SwiftClient,
  target: S3Target,
  spec: Partial<TransferSpec> = {},
  onEvent?: (e: TransferEvent, t: Transfer) => void,
) {
  const { transfer, events } = newTransfer(source, target, {
    container,
    maxWorkers: 6,
    // Patient enough to ride out a proxy restart (a few seconds), as a real run must.
    retry: { attempts: 10, baseMs: 250, capMs: 4000 },
    ...spec,
  })
  transfer.on((e) => onEvent?.(e, transfer))
  return { summary: await transfer.run(), events }
}

const expectIntactAll = (bucket: string, expected = objects) => expectIntact(bucket, expected)

async function withBucket(test: (bucket: string) => Promise<void>) {
  const bucket = unique('faults-dst')
  await createBucket(s3, bucket)
  try {
    await test(bucket)
  } finally {
    await removeBucket(s3, bucket)
  }
}

describe('faults on real servers', () => {
  it(
    'the Swift proxy is restarted mid-run',
    () =>
      withBucket(async (bucket) => {
        const target = new S3Target(targetOptions(bucket), { env: {} })
        let restarted: Promise<unknown> | undefined
        const { summary } = await run(faultSwift, target, { bandwidthLimitMb: 20 }, (e) => {
          if (e.type === 'object-copied' && !restarted) restarted = servers_('restart', 'fault-proxy')
        })
        target.close()
        expect(restarted).toBeDefined()
        await restarted
        expect(summary.state).toBe('completed')
        expect(summary.progress.objects.failed).toBe(0)
        await expectIntactAll(bucket)
      }),
    180_000,
  )

  it(
    '503 SlowDown bursts from S3 and connections reset mid-body from Swift',
    () =>
      withBucket(async (bucket) => {
        const s3proxy = await startFaultProxy(servers.s3.endpoint, [
          faults.slowDown({ match: (r) => r.method === 'PUT', times: 6 }),
          faults.resetAfter({
            body: 'request',
            bytes: 100_000,
            match: (r) => r.method === 'PUT' && r.path.includes('partNumber=2'),
            times: 1,
          }),
        ])
        const swiftProxy = await startFaultProxy(servers.fault.url, [
          faults.resetAfter({
            bytes: 5_000,
            match: (r) => r.method === 'GET' && r.path.includes('/small/'),
            times: 3,
          }),
          faults.resetAfter({
            bytes: 9 * MiB,
            match: (r) => r.method === 'GET' && r.path.includes('/big/a.bin'),
            times: 1,
          }),
        ])
        const { token } = await faultSwift.connection.session.get()
        const source = new SwiftClient({
          auth: { type: 'preauth', token, storageUrl: swiftProxy.via(servers.fault.storageUrl) },
          retry: { baseMs: 20, capMs: 200 },
        })
        const target = new S3Target(targetOptions(bucket, { endpoint: s3proxy.url }), {
          env: {},
          maxAttempts: 1,
        })
        const { summary, events } = await run(source, target)
        target.close()
        await source.close()
        await s3proxy.close()
        await swiftProxy.close()
        expect(summary.state).toBe('completed')
        expect(summary.progress.objects.failed).toBe(0)
        expect(events.filter((e) => e.type === 'retry').length).toBeGreaterThanOrEqual(3)
        await expectIntactAll(bucket)
      }),
    120_000,
  )

  it(
    'an object changed while it is copied is copied again by the next run',
    () =>
      withBucket(async (bucket) => {
        const target = new S3Target(targetOptions(bucket), { env: {} })
        const changed = { name: 'big/a.bin', data: randomBytes(20 * MiB) }
        let replaced: Promise<unknown> | undefined
        await run(faultSwift, target, { bandwidthLimitMb: 30, sourcePrefix: 'big/' }, (e) => {
          if (e.type === 'object-started' && e.key === changed.name)
            replaced = faultSwift.putObject(container, changed.name, changed.data)
        })
        await replaced
        const second = await run(faultSwift, target, { sourcePrefix: 'big/' })
        target.close()
        expect(second.summary.state).toBe('completed')
        // Swift serves the version a GET started on, so the first run copies old or new bytes whole;
        // if old, the second run copies the object again. Either way the target ends up with the new one.
        const original = objects.find((o) => o.name === changed.name)!
        original.data = changed.data
        await expectIntact(
          bucket,
          objects.filter((o) => o.name.startsWith('big/')),
        )
      }),
    120_000,
  )

  it(
    'the S3 key changed mid-run (SignatureDoesNotMatch): waits for the new key, then finishes',
    () =>
      withBucket(async (bucket) => {
        // The fault proxy's own users: re-keying test:tester there does not disturb other tests.
        const target = new S3Target(targetOptions(bucket, { endpoint: servers.fault.s3.endpoint }), {
          env: {},
          maxAttempts: 1,
        })
        let rekeyed: Promise<unknown> | undefined
        try {
          // The source goes through the main proxy (same accounts and backends), which re-keying leaves alone.
          const { summary, events } = await run(
            mainSwift,
            target,
            { bandwidthLimitMb: 20, sourcePrefix: 'small/' },
            (e, transfer) => {
              if (e.type === 'object-copied' && !rekeyed)
                rekeyed = servers_('set-tempauth-key', 'test:tester', 'rotated-key-1')
              if (e.type === 'credentials-required') {
                // New keys are only useful once the proxy has them.
                void rekeyed?.then(() =>
                  transfer.provideCredentials({
                    accessKeyId: 'test:tester',
                    secretAccessKey: 'rotated-key-1',
                  }),
                )
              }
            },
          )
          expect(summary.state).toBe('completed')
          expect(events.some((e) => e.type === 'credentials-required')).toBe(true)
          expect(events.filter((e) => e.type === 'object-copied')).toHaveLength(20)
        } finally {
          target.close()
          await rekeyed
          await servers_('set-tempauth-key', 'test:tester', 'testing')
        }
        await expectIntact(
          bucket,
          objects.filter((o) => o.name.startsWith('small/')),
        )
      }),
    180_000,
  )
})
