import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HISTORY_FILE } from '../../../src-main/core/jobs/history'
import { JobManager, type JobManagerOptions } from '../../../src-main/core/jobs/job-manager'
import type { JobManagerEvent } from '../../../src-main/core/jobs/job-manager-types'
import type { JobSpec } from '../../../src-main/core/jobs/job-spec'
import type { ObjectReportRow } from '../../../src-main/core/reports/types'
import { createBucket, md5Base64, rawClient, removeBucket } from '../s3/s3-support'
import { client, servers, tempauth, unique } from '../support/swift-clients'
import { inState, jobSpec, next, objectsDone, verified } from './manager-support'

/** The job manager over the real JobRun and the loopback servers: what the desktop app will drive. */

const swift = client({ auth: tempauth() })
const container = unique('jobs-src')
const s3 = rawClient()
const objects = Array.from({ length: 24 }, (_, i) => ({
  name: `data/${String(i).padStart(2, '0')}.bin`,
  data: randomBytes(100_000),
}))
const buckets: string[] = []
const managers: JobManager[] = []

beforeAll(async () => {
  await swift.putContainer(container)
  for (const o of objects) await swift.putObject(container, o.name, o.data)
}, 120_000)

afterAll(async () => {
  for (const m of managers) await m.close()
  for (const o of objects) await swift.deleteObject(container, o.name)
  await swift.deleteContainer(container)
  await swift.close()
  for (const b of buckets) await removeBucket(s3, b)
}, 120_000)

async function freshBucket(): Promise<string> {
  const bucket = unique('jobs-dst')
  await createBucket(s3, bucket)
  buckets.push(bucket)
  return bucket
}

const spec = (bucket: string, options: Partial<JobSpec['options']> = {}, from = container) =>
  jobSpec(from, bucket, options)

async function open(options: Partial<JobManagerOptions> = {}, historyDir?: string) {
  const manager = await JobManager.open({
    historyDir: historyDir ?? mkdtempSync(join(tmpdir(), 'jobs-history-')),
    tool: { name: 'swift2s3', version: 'test' },
    startedBy: 'integration',
    ...options,
  })
  managers.push(manager)
  const events: { at: number; event: JobManagerEvent }[] = []
  manager.on((event) => events.push({ at: Date.now(), event }))
  return { manager, events }
}

async function keysIn(bucket: string): Promise<number> {
  const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket }))
  return page.KeyCount ?? 0
}

describe('JobManager on the real servers', () => {
  it('copies a container: states and progress while it runs, done with every object verified', async () => {
    const { manager, events } = await open()
    const bucket = await freshBucket()
    const job = manager.start({ spec: spec(bucket, { bandwidthLimitMb: 2 }), name: 'Copy' })
    const done = await manager.settled(job.id)
    // The last progress event is coalesced: it may follow the end by up to one interval (250 ms).
    await new Promise((resolve) => setTimeout(resolve, 400))

    expect(done).toMatchObject({ state: 'done', outcome: 'completed', exitCode: 0, workers: 4 })
    expect(verified(done)).toBe(objects.length)
    expect(done.totals).toMatchObject({ objects: objects.length, copied: objects.length })
    expect(await keysIn(bucket)).toBe(objects.length)

    const states = events.flatMap((e) => (e.event.type === 'job-state' ? [e.event.job.state] : []))
    expect(states).toEqual(['queued', 'planning', 'running', 'verifying', 'done'])
    const progress = events.filter((e) => e.event.type === 'job-progress')
    expect(progress.length).toBeGreaterThan(2)
    // Coalesced: never more than four a second.
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!.at - progress[i - 1]!.at).toBeGreaterThanOrEqual(245)
    const last = progress.at(-1)!.event as Extract<JobManagerEvent, { type: 'job-progress' }>
    expect(last.progress.objects.done).toBe(objects.length)
    expect(last.progress.estimate).toBeNull()
    // Before the listing is complete, the container's own stats give the job's size.
    const early = progress
      .map((e) => (e.event as Extract<JobManagerEvent, { type: 'job-progress' }>).progress)
      .find((p) => !p.planned && p.estimate !== null)
    expect(early?.estimate).toMatchObject({ objects: objects.length, bytes: objects.length * 100_000 })

    // The last "log grew" is coalesced too, so it may still be on its way.
    const finalLog = (e: JobManagerEvent) => e.type === 'log-appended' && e.path === done.logFile
    if (!events.some((e) => finalLog(e.event))) await next(manager, finalLog, 2000)
    const report = await manager.report(job.id)
    expect(report.report?.outcome).toBe('completed')
    expect(existsSync(report.reports!.html)).toBe(true)
  })

  it('pauses and resumes a run, which then finishes with every object verified', async () => {
    const { manager } = await open()
    const bucket = await freshBucket()
    const job = manager.start({ spec: spec(bucket, { maxWorkers: 2, bandwidthLimitMb: 0.5 }), name: 'Pause' })
    await next(manager, objectsDone(job.id, 2))
    const paused = next(manager, inState(job.id, 'paused'))
    manager.pause(job.id)
    await paused
    // Objects in flight finish; nothing new starts.
    await new Promise((resolve) => setTimeout(resolve, 800))
    const held = manager.get(job.id).progress!.objects.done
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(manager.get(job.id).progress!.objects.done).toBe(held)
    expect(held).toBeLessThan(objects.length)
    manager.resume(job.id)
    const done = await manager.settled(job.id)
    expect(done.state).toBe('done')
    expect(verified(done)).toBe(objects.length)
  })

  it('cancels a run: it stops early and says so in its report', async () => {
    const { manager } = await open()
    const bucket = await freshBucket()
    const job = manager.start({
      spec: spec(bucket, { maxWorkers: 2, bandwidthLimitMb: 0.5 }),
      name: 'Cancel',
    })
    await next(manager, objectsDone(job.id, 1))
    manager.cancel(job.id)
    const ended = await manager.settled(job.id)
    expect(ended).toMatchObject({ state: 'cancelled', exitCode: 130 })
    expect((await manager.report(job.id)).report?.outcome).toBe('cancelled')
    expect(await keysIn(bucket)).toBeLessThan(objects.length)
  })

  it('runs jobs side by side under a small worker cap: clamped, then queued until workers free up', async () => {
    const { manager, events } = await open({ workerCap: 6 })
    const [a, b, c] = [await freshBucket(), await freshBucket(), await freshBucket()]
    const slow = manager.start({ spec: spec(a, { maxWorkers: 4, bandwidthLimitMb: 1 }), name: 'A' })
    const clamped = manager.start({ spec: spec(b, { maxWorkers: 4 }), name: 'B' })
    const queued = manager.start({ spec: spec(c, { maxWorkers: 2 }), name: 'C' })
    expect([slow.workers, clamped.workers, clamped.requestedWorkers]).toEqual([4, 2, 4])
    expect([queued.state, queued.queuePosition]).toEqual(['queued', 1])

    const results = await Promise.all([slow, clamped, queued].map((j) => manager.settled(j.id)))
    for (const r of results) {
      expect(r.state).toBe('done')
      expect(verified(r)).toBe(objects.length)
    }
    const order = events.flatMap(({ event: e }) =>
      e.type === 'job-state' && (e.job.state === 'done' || e.job.state === 'planning')
        ? [`${e.job.name}:${e.job.state}`]
        : [],
    )
    // C started only once another job had finished and freed its workers.
    expect(order.indexOf('C:planning')).toBeGreaterThan(
      Math.min(order.indexOf('A:done'), order.indexOf('B:done')),
    )
    expect(manager.settings().workersInUse).toBe(0)
  })

  it('shows a run the app stopped in the middle of as interrupted, and resumes it to the end', async () => {
    const historyDir = mkdtempSync(join(tmpdir(), 'jobs-history-'))
    const before = await open({}, historyDir)
    const bucket = await freshBucket()
    const runSpec = spec(bucket, { maxWorkers: 2, bandwidthLimitMb: 0.5 })
    const job = before.manager.start({ spec: runSpec, name: 'Crash', definitionId: 'def-1' })
    await next(before.manager, objectsDone(job.id, 3))
    await before.manager.flush()
    // The history file as a crash would leave it, while the run is still going.
    const afterDir = mkdtempSync(join(tmpdir(), 'jobs-history-'))
    await copyFile(join(historyDir, HISTORY_FILE), join(afterDir, HISTORY_FILE))
    before.manager.cancel(job.id)
    await before.manager.settled(job.id)

    const after = await open({}, afterDir)
    expect(after.manager.interrupted).toEqual([job.id])
    const interrupted = after.manager.get(job.id)
    expect(interrupted).toMatchObject({ state: 'interrupted', name: 'Crash', definitionId: 'def-1' })
    // What history kept is enough to run it again once the secrets are back, and holds none of them.
    expect(interrupted.spec.target.bucket).toBe(bucket)
    expect(JSON.stringify(interrupted.spec)).not.toContain(servers.s3.secretAccessKey)

    const resumed = after.manager.resumeInterrupted(job.id, {
      ...runSpec,
      options: { ...runSpec.options, bandwidthLimitMb: null },
    })
    const done = await after.manager.settled(resumed.id)
    expect(done).toMatchObject({ state: 'done', retryOf: job.id, outcome: 'completed' })
    expect(verified(done)).toBe(objects.length)
    // Idempotent: what the first run copied is skipped, not copied again.
    expect(done.totals.skipped).toBeGreaterThanOrEqual(3)
    expect(done.totals.copied).toBe(objects.length - done.totals.skipped)
    expect(after.manager.get(job.id).rerunBy).toBe(resumed.id)
  })
})

describe('metadata options on the real servers', () => {
  const source = unique('jobs-meta')
  // Swift takes up to 4 KB of metadata; 10 × 242 bytes is over S3's 2 KB.
  const bigMeta = Object.fromEntries(
    Array.from({ length: 10 }, (_, i) => [`x-object-meta-k${i}`, String(i).repeat(240)]),
  )
  const extra = [{ key: 'migrated-from', value: 'swift-prod' }]

  beforeAll(async () => {
    await swift.putContainer(source)
    await swift.putObject(source, 'plain.txt', 'plain', {
      headers: { 'content-type': 'text/plain', 'x-object-meta-owner': 'ops' },
    })
    await swift.putObject(source, 'big.txt', 'big', { headers: bigMeta })
  }, 60_000)

  afterAll(async () => {
    for (const name of ['plain.txt', 'big.txt']) await swift.deleteObject(source, name)
    await swift.deleteContainer(source)
  }, 60_000)

  async function run(metadata: NonNullable<JobSpec['options']['metadata']>) {
    const { manager } = await open()
    const bucket = await freshBucket()
    const job = manager.start({ spec: spec(bucket, { metadata }, source), name: 'Metadata' })
    const done = await manager.settled(job.id)
    const report = JSON.parse(readFileSync(done.reports!.json, 'utf8')) as { objects: ObjectReportRow[] }
    const row = (key: string) => report.objects.find((r) => r.key === key)
    const head = (key: string) => s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
    return { done, row, head, log: readFileSync(done.logFile!, 'utf8') }
  }

  it('leaves Swift user metadata behind, adds the extra pair to every object, and fails or drops oversized metadata', async () => {
    const md5chksum = md5Base64(Buffer.from('plain'))
    // Off, with an extra pair: content headers and records stay, Swift keys go, the pair is on every object.
    const off = await run({ userMetadata: 'skip', extra, oversized: 'fail' })
    expect(off.done).toMatchObject({ state: 'done', outcome: 'completed' })
    const plain = await off.head('plain.txt')
    expect(plain.ContentType).toBe('text/plain')
    expect(plain.Metadata).toMatchObject({ md5chksum, 'migrated-from': 'swift-prod' })
    expect(plain.Metadata).not.toHaveProperty('owner')
    expect((await off.head('big.txt')).Metadata).toMatchObject({ 'migrated-from': 'swift-prod' })
    expect((await off.head('big.txt')).Metadata).not.toHaveProperty('k0')

    // Copied, over 2 KB, "fail": that object fails, named in the report; the other is copied.
    const fail = await run({ userMetadata: 'copy', extra: [], oversized: 'fail' })
    expect(fail.done).toMatchObject({ state: 'done', outcome: 'completed-with-failures' })
    expect(fail.row('big.txt')).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/at most 2048/),
    })
    expect((await fail.head('plain.txt')).Metadata).toMatchObject({ owner: 'ops' })

    // "drop": copied without its Swift metadata, and the report row and the log say so.
    const drop = await run({ userMetadata: 'copy', extra, oversized: 'drop' })
    expect(drop.done).toMatchObject({ state: 'done', outcome: 'completed' })
    const big = await drop.head('big.txt')
    expect(big.Metadata).toMatchObject({ 'migrated-from': 'swift-prod', md5chksum: expect.any(String) })
    expect(Object.keys(big.Metadata ?? {}).filter((key) => /^k\d$/.test(key))).toEqual([])
    expect(drop.row('big.txt')).toMatchObject({
      status: 'copied',
      verification: 'verified-md5',
      reason: expect.stringMatching(/^metadata dropped: the Swift user metadata came to \d+ bytes/),
    })
    expect(drop.row('plain.txt')?.reason).toBeNull()
    expect((await drop.head('plain.txt')).Metadata).toMatchObject({
      owner: 'ops',
      'migrated-from': 'swift-prod',
    })
    expect(drop.log).toMatch(/ - WARNING - Metadata dropped for big\.txt: /)
  }, 120_000)
})
