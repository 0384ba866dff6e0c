import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { S3Target } from '../../../src-main/core/s3'
import { createBucket, rawClient, removeBucket, targetOptions } from '../s3/s3-support'
import { client, tempauth, unique } from '../support/swift-clients'
import { MiB } from './fixtures'
import { runTransfer } from './support'

/** What must stop a run before it writes, mirror mode's safety cap, and the bandwidth limit on real servers. */

const swift = client({ auth: tempauth() })
const container = unique('guards-src')
const bucket = unique('guards-dst')
const s3 = rawClient()
const names = ['a.txt', 'b.txt', 'c.txt']

beforeAll(async () => {
  await swift.putContainer(container)
  for (const name of names) await swift.putObject(container, name, `content of ${name}`)
  await createBucket(s3, bucket)
}, 60_000)

afterAll(async () => {
  for (const name of [...names, 'limited.bin']) await swift.deleteObject(container, name)
  await swift.deleteContainer(container)
  await removeBucket(s3, bucket)
  await swift.close()
}, 60_000)

async function targetKeys(): Promise<string[]> {
  const keys: string[] = []
  const target = new S3Target(targetOptions(bucket), { env: {} })
  for await (const entry of target.list()) keys.push(entry.key)
  target.close()
  return keys
}

describe('nothing is written when the target is wrong', () => {
  it('a missing bucket fails the run with an error naming it', async () => {
    const target = new S3Target(targetOptions('no-such-bucket-here'), { env: {}, maxAttempts: 1 })
    const { summary, keys } = await runTransfer(swift, target, { container })
    target.close()
    expect(summary.state).toBe('failed')
    expect(summary.error).toContain('no-such-bucket-here')
    expect(keys('object-started')).toEqual([])
  })

  it('wrong keys fail the run with a credentials error, and nothing is written', async () => {
    const target = new S3Target(
      targetOptions(bucket, { credentials: { accessKeyId: 'test:tester', secretAccessKey: 'wrong-secret' } }),
      { env: {}, maxAttempts: 1 },
    )
    const { summary, keys } = await runTransfer(swift, target, { container })
    target.close()
    expect(summary.state).toBe('failed')
    expect(summary.error).toMatch(/secret|signature|credential/i)
    expect(summary.error).not.toContain('wrong-secret')
    expect(keys('object-started')).toEqual([])
    expect(await targetKeys()).toEqual([])
  })
})

describe('mirror mode', () => {
  const extras = ['x/1', 'x/2', 'x/3', 'x/4']

  beforeAll(async () => {
    for (const key of extras) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'extra' }))
  })

  it('reports extras and deletes none when they exceed the cap', async () => {
    const target = new S3Target(targetOptions(bucket), { env: {} })
    const { summary, events } = await runTransfer(swift, target, {
      container,
      mirror: { enabled: true, dryRun: false, maxDeletions: 3 },
    })
    target.close()
    expect(summary.extras).toEqual({ found: 4, deleted: 0 })
    expect(events.some((e) => e.type === 'warning' && e.message.includes('exceed the cap of 3'))).toBe(true)
    expect(await targetKeys()).toEqual(expect.arrayContaining(extras))
  })

  it('a dry run names what would be deleted and deletes nothing', async () => {
    const target = new S3Target(targetOptions(bucket), { env: {} })
    const { events } = await runTransfer(swift, target, {
      container,
      mirror: { enabled: true, dryRun: true, maxDeletions: 10 },
    })
    target.close()
    expect(
      events
        .filter((e) => e.type === 'extra' && e.action === 'would-delete')
        .map((e) => ('key' in e ? e.key : '')),
    ).toEqual(extras)
    expect(await targetKeys()).toEqual(expect.arrayContaining(extras))
  })

  it('within the cap, deletes exactly the extras', async () => {
    const target = new S3Target(targetOptions(bucket), { env: {} })
    const { summary } = await runTransfer(swift, target, {
      container,
      mirror: { enabled: true, dryRun: false, maxDeletions: 10 },
    })
    target.close()
    expect(summary.extras).toEqual({ found: 4, deleted: 4 })
    expect((await targetKeys()).sort()).toEqual(names)
  })
})

describe('bandwidth limit against the servers', () => {
  it('moves no more than 1.1 × limit × elapsed + one part', async () => {
    const size = 6 * MiB
    await swift.putObject(container, 'limited.bin', Buffer.alloc(size, 1))
    const target = new S3Target(targetOptions(bucket), { env: {} })
    const limitMb = 3
    const started = performance.now()
    const { summary } = await runTransfer(swift, target, {
      container,
      sourcePrefix: 'limited',
      bandwidthLimitMb: limitMb,
    })
    const elapsed = (performance.now() - started) / 1000
    target.close()
    expect(summary.state).toBe('completed')
    expect(summary.progress.objects.copied).toBe(1)
    expect(size).toBeLessThanOrEqual(1.1 * limitMb * 1_000_000 * elapsed + 8 * MiB)
    // And the limit really slowed it: 6 MiB at 3 MB/s cannot take under ~1.8 s (burst allowed).
    expect(elapsed).toBeGreaterThan(1.5)
  })
})
