import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobSummary } from '../../../src-preload/contract/jobs'
import { createBucket, rawClient, removeBucket } from '../s3/s3-support'
import { faults, startFaultProxy, type FaultProxy } from '../support/fault-proxy'
import { client, servers, tempauth, unique } from '../support/swift-clients'
import { newToken, SocketClient, startBrowserMode, type BrowserMode } from './browser-mode'

/**
 * The job manager as the page reaches it: browser mode's real server and engine, over its WebSocket,
 * against the loopback Swift and S3. A bandwidth limit keeps runs going long enough to act on them.
 */

const swift = client({ auth: tempauth() })
const container = unique('web-jobs')
const s3 = rawClient()
const buckets: string[] = []
// 24 × 250 KB = 6 MB: at 1 MB/s a run lasts about 6 s.
const objects = Array.from({ length: 24 }, (_, i) => ({ name: `o/${i}.bin`, data: randomBytes(250_000) }))
const VAULT = { SWIFT2S3_VAULT_KEY: 'browser-mode-test-key-0123456789' }

let dataDir: string
let token: string
let server: BrowserMode
let page: SocketClient
let definitionId: string
let proxy: FaultProxy | undefined

/**
 * Swift may defer a container listing update when its container server is busy (the object-updater
 * applies it later); the totals asserted below need every object listed first.
 */
async function listingComplete(): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    let count = 0
    for await (const _entry of swift.listObjects(container)) count++
    if (count === objects.length) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`the container never listed all ${objects.length} objects`)
}

async function freshBucket(): Promise<string> {
  const bucket = unique('web-jobs')
  await createBucket(s3, bucket)
  buckets.push(bucket)
  return bucket
}

async function saveMigration(
  name: string,
  bucket: string,
  bandwidthLimitMb: number | null,
  more: { swiftProfileId?: string; mirror?: boolean } = {},
): Promise<string> {
  const {
    swift: [swiftProfile],
    s3: [s3Profile],
  } = await page.value('profiles.list')
  const saved = await page.value('profiles.save', {
    kind: 'job',
    record: {
      name,
      source: { profileId: more.swiftProfileId ?? swiftProfile!.record.id, containers: [container] },
      target: { profileId: s3Profile!.record.id, bucket },
      options: { maxWorkers: 4, bandwidthLimitMb, mirror: { enabled: more.mirror ?? false } },
    },
  })
  return saved.entry.record.id
}

async function bucketKeys(bucket: string): Promise<string[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }))
  return (listed.Contents ?? []).map((o) => o.Key!).sort()
}

function finished(id: string) {
  return page.waitFor(
    'job.state',
    (job) => job.id === id && ['done', 'failed', 'cancelled'].includes(job.state),
    60_000,
  )
}

beforeAll(async () => {
  await swift.putContainer(container)
  for (const o of objects) await swift.putObject(container, o.name, o.data)
  await listingComplete()
  dataDir = mkdtempSync(join(tmpdir(), 'web-jobs-'))
  token = newToken()
  server = await startBrowserMode(dataDir, token, VAULT)
  page = await SocketClient.connect(server.port, token)
  await page.value('profiles.save', {
    kind: 'swift',
    record: {
      name: 'Tempauth',
      auth: { type: 'v1', authUrl: servers.tempauth.authUrl, user: 'test:tester' },
    },
    secrets: { key: 'testing' },
  })
  await page.value('profiles.save', {
    kind: 's3',
    record: {
      name: 'Loopback S3',
      provider: 's3-compatible',
      endpoint: servers.s3.endpoint,
      region: servers.s3.region,
      credentials: { type: 'keys', accessKeyId: servers.s3.accessKeyId },
    },
    secrets: { secretAccessKey: servers.s3.secretAccessKey },
  })
  definitionId = await saveMigration('Throttled', await freshBucket(), 1)
}, 120_000)

afterAll(async () => {
  await proxy?.close()
  page?.close()
  server?.child.kill('SIGTERM')
  for (const o of objects) await swift.deleteObject(container, o.name)
  await swift.deleteContainer(container)
  await swift.close()
  for (const b of buckets) await removeBucket(s3, b)
  s3.destroy()
  rmSync(dataDir, { recursive: true, force: true })
}, 120_000)

describe('jobs through browser mode', () => {
  it('refuses a wrong token and a foreign origin', async () => {
    await expect(SocketClient.connect(server.port, 'wrong-token')).rejects.toThrow(/refused|401|403/)
    await expect(SocketClient.connect(server.port, token, 'http://evil.example.com')).rejects.toThrow(
      /refused|401|403/,
    )
  })

  it('starts a run, pushes coalesced progress with absolute totals, pauses, resumes and finishes verified', async () => {
    const started = await page.value('jobs.start', { definitionId })
    // Totals grow while the listing runs; once planned they are the whole container.
    const running = await page.waitFor(
      'job.progress',
      (e) => e.id === started.id && e.progress.planned && e.progress.bytes.done > 0,
    )
    expect(running.progress.objects.total).toBe(objects.length)

    await page.value('jobs.pause', { id: started.id })
    await page.waitFor('job.state', (job) => job.id === started.id && job.state === 'paused')
    const heldAt = (await page.value('jobs.get', { id: started.id })).totals.bytesDone
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    // In-flight requests may complete, but no new object starts while paused.
    expect((await page.value('jobs.get', { id: started.id })).totals.bytesDone).toBeLessThanOrEqual(
      heldAt + 4 * 250_000,
    )
    await page.value('jobs.resume', { id: started.id })
    const done = await finished(started.id)
    expect(done).toMatchObject({ state: 'done', outcome: 'completed', totals: { copied: objects.length } })
    expect(done.verification).toMatchObject({ 'verified-md5': objects.length, mismatched: 0, missing: 0 })

    // Progress comes coalesced: never much faster than about 4 a second.
    const times = page.events.filter(
      ([name, p]) => name === 'job.progress' && (p as { id: string }).id === started.id,
    )
    const seconds = (times.at(-1)![2] - times[0]![2]) / 1000
    expect(times.length).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 3)
    const detail = await page.value('jobs.get', { id: started.id })
    expect(detail.progress?.samples.length).toBeGreaterThan(0)
  })

  it('cancels a run, then "retry failed" copies the rest', async () => {
    const id = await saveMigration('To cancel', await freshBucket(), 1)
    const started = await page.value('jobs.start', { definitionId: id })
    await page.waitFor('job.progress', (e) => e.id === started.id && e.progress.objects.copied >= 2)
    await page.value('jobs.cancel', { id: started.id })
    const cancelled = await finished(started.id)
    expect(cancelled.state).toBe('cancelled')
    expect(cancelled.totals.copied).toBeLessThan(objects.length)

    const retry = await page.value('jobs.retryFailed', { id: started.id })
    const done = await finished(retry.id)
    expect(done).toMatchObject({ state: 'done', retryOf: started.id })
    expect(done.totals.copied + done.totals.skipped).toBe(objects.length)
    // Uploads in flight when the cancel came may have landed without being counted; they are skipped now.
    expect(done.totals.skipped).toBeGreaterThanOrEqual(cancelled.totals.copied)
  })

  it('"retry failed" copies only the objects that failed, and a mirror run\'s retry deletes nothing', async () => {
    // Swift through a proxy that answers 404 for two objects while `failing` holds: they fail at once.
    let failing = true
    const broken = new Set(['o/3.bin', 'o/7.bin'])
    proxy = await startFaultProxy(servers.tempauth.url, [
      faults.respond(
        { status: 404, body: 'Not Found' },
        {
          match: (r) =>
            failing &&
            r.method === 'GET' &&
            [...broken].some((n) => decodeURIComponent(r.path).endsWith(`/${n}`)),
        },
      ),
    ])
    const viaProxy = await page.value('profiles.save', {
      kind: 'swift',
      record: {
        name: 'Tempauth via proxy',
        auth: {
          type: 'v1',
          authUrl: proxy.via(servers.tempauth.authUrl),
          user: 'test:tester',
          storageUrl: proxy.via(servers.tempauth.storageUrl),
        },
      },
      secrets: { key: 'testing' },
    })
    const bucket = await freshBucket()
    const id = await saveMigration('Mirror with failures', bucket, null, {
      swiftProfileId: viaProxy.entry.record.id,
      mirror: true,
    })
    const first = await finished((await page.value('jobs.start', { definitionId: id })).id)
    expect(first).toMatchObject({ state: 'done', outcome: 'completed-with-failures', totals: { failed: 2 } })

    // Something the source does not have lands in the bucket; a mirror run would delete it.
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'extra.bin', Body: 'not from swift' }))
    failing = false
    const retry = await page.value('jobs.retryFailed', { id: first.id })
    const done = await finished(retry.id)

    expect(done).toMatchObject({ state: 'done', outcome: 'completed', retryOf: first.id })
    // Only the two failed objects were looked at, and both were copied.
    expect(done.totals).toMatchObject({ objects: 2, copied: 2, skipped: 0, failed: 0 })
    expect(done.verification).toMatchObject({ 'verified-md5': 2, mismatched: 0, missing: 0 })
    expect(await bucketKeys(bucket)).toEqual([...objects.map((o) => o.name), 'extra.bin'].sort())
  })

  it('shows a run as interrupted after the server is killed, and Resume finishes it', async () => {
    const id = await saveMigration('Killed', await freshBucket(), 1)
    const started = await page.value('jobs.start', { definitionId: id })
    await page.waitFor('job.progress', (e) => e.id === started.id && e.progress.objects.copied >= 2)
    page.close()
    server.child.kill('SIGKILL')
    await new Promise((resolve) => server.child.once('exit', resolve))

    server = await startBrowserMode(dataDir, token, VAULT)
    page = await SocketClient.connect(server.port, token)
    const list: JobSummary[] = await page.value('jobs.list')
    expect(list.find((job) => job.id === started.id)?.state).toBe('interrupted')

    const resumed = await page.value('jobs.resume', { id: started.id })
    const rerun =
      resumed.retryOf === started.id
        ? resumed
        : (await page.value('jobs.list')).find((j) => j.retryOf === started.id)!
    const done = await finished(rerun.id)
    expect(done.state).toBe('done')
    expect(done.verification).toMatchObject({ 'verified-md5': expect.any(Number), mismatched: 0, missing: 0 })
    expect(done.totals.copied + done.totals.skipped).toBe(objects.length)
  })

  it('runs two jobs at once under the global worker cap set in Settings', async () => {
    await page.value('settings.save', { globalWorkerCap: 6 })
    const [a, b] = [
      await saveMigration('Side A', await freshBucket(), 1),
      await saveMigration('Side B', await freshBucket(), 1),
    ]
    const first = await page.value('jobs.start', { definitionId: a })
    const second = await page.value('jobs.start', { definitionId: b })
    // The second asked for 4 workers and gets what the cap leaves: 2, running at the same time.
    expect([first.workers, second.workers, second.requestedWorkers]).toEqual([4, 2, 4])
    await page.waitFor('job.progress', (e) => e.id === second.id && e.progress.objects.copied > 0)
    expect((await page.value('jobs.get', { id: first.id })).finishedAt).toBeNull()
    const [doneA, doneB] = await Promise.all([finished(first.id), finished(second.id)])
    for (const done of [doneA, doneB]) {
      expect(done).toMatchObject({ state: 'done', verification: { 'verified-md5': objects.length } })
    }
    await page.value('settings.save', { globalWorkerCap: 64 })
  })
})
