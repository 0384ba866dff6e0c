import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobSummary } from '../../../src-preload/contract/jobs'
import { createBucket, rawClient, removeBucket } from '../s3/s3-support'
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

async function saveMigration(name: string, bucket: string, bandwidthLimitMb: number | null): Promise<string> {
  const {
    swift: [swiftProfile],
    s3: [s3Profile],
  } = await page.value('profiles.list')
  const saved = await page.value('profiles.save', {
    kind: 'job',
    record: {
      name,
      source: { profileId: swiftProfile!.record.id, containers: [container] },
      target: { profileId: s3Profile!.record.id, bucket },
      options: { maxWorkers: 4, bandwidthLimitMb },
    },
  })
  return saved.entry.record.id
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
