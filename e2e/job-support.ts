import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import { createBucket, rawClient, removeBucket } from '../test/integration/s3/s3-support'
import { client, removeContainer, servers, tempauth, unique } from '../test/integration/support/swift-clients'
import { expect, type AppServer } from './fixtures'

/**
 * Setting the stage for the job view tests: a seeded Swift container, an empty bucket, and profiles
 * and a saved migration created over browser mode's WebSocket from the page itself (same origin and
 * token as the app), so each test spends its time on the screen it is about.
 */

export { servers, unique }

/** Where the job tests leave their screenshots. */
export const SHOTS = 'test-results/screenshots'
mkdirSync(SHOTS, { recursive: true })

export const MB = 1_000_000
/** Objects each job test seeds: 20 × 1 MB at 1–2 MB/s is still running when a test acts. */
export const OBJECTS = 20

const ROOT = join(import.meta.dirname, '..')
/** scripts/test-servers.sh, for the tests that re-key the fault proxy. */
export const testServers = (...args: string[]) =>
  promisify(execFile)('bash', [join(ROOT, 'scripts', 'test-servers.sh'), ...args])

/** Calls a channel as the renderer does and returns the value, failing the test on an error envelope. */
export async function invoke<T = unknown>(
  page: Page,
  app: AppServer,
  channel: string,
  input?: unknown,
): Promise<T> {
  const url = `${app.origin.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(app.token)}`
  const result = (await page.evaluate(
    ({ url, channel, input }) =>
      new Promise<unknown>((resolve, reject) => {
        const ws = new WebSocket(url)
        ws.onopen = () => ws.send(JSON.stringify({ type: 'call', id: 1, channel, input }))
        ws.onmessage = (message: MessageEvent<string>) => {
          const data = JSON.parse(message.data) as { type: string; result: unknown }
          if (data.type !== 'reply') return
          ws.close()
          resolve(data.result)
        }
        ws.onerror = () => reject(new Error('WebSocket refused'))
      }),
    { url, channel, input },
  )) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } }
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`)
  return result.value
}

/** A Swift container with `count` objects of `size` random bytes each, and a way to remove it. */
export async function seedContainer(prefix: string, count: number, size: number) {
  const swift = client({ auth: tempauth() })
  const container = unique(prefix)
  await swift.putContainer(container)
  const names = Array.from({ length: count }, (_, i) => `data/part-${String(i).padStart(3, '0')}.bin`)
  for (let i = 0; i < names.length; i += 5) {
    await Promise.all(
      names.slice(i, i + 5).map((name) => swift.putObject(container, name, randomBytes(size))),
    )
  }
  await listedInAccount(swift, container)
  return {
    container,
    names,
    remove: async () => {
      await removeContainer(swift, container).catch(() => undefined)
      await swift.close()
    },
  }
}

/**
 * Waits until the account listing (what the wizard shows) has the container: the container server
 * updates the account as it is created, but on a loaded machine that update is deferred to the
 * updater, seconds later.
 */
export async function listedInAccount(swift: ReturnType<typeof client>, container: string): Promise<void> {
  await expect
    .poll(
      async () => {
        for await (const entry of swift.listContainers({ prefix: container })) {
          if (entry.name === container) return true
        }
        return false
      },
      { timeout: 60_000, intervals: [250, 500, 1000] },
    )
    .toBe(true)
}

/** An empty bucket on the main s3api proxy (the fault proxy serves the same buckets). */
export async function freshBucket(prefix: string) {
  const s3 = rawClient()
  const bucket = unique(prefix)
  await createBucket(s3, bucket)
  return {
    bucket,
    remove: async () => {
      await removeBucket(s3, bucket).catch(() => undefined)
      s3.destroy()
    },
  }
}

interface Saved {
  entry: { record: { id: string } }
}

/**
 * A Swift profile (tempauth), an S3 profile (keys) and a saved migration between them, created through
 * the app's own channels. Returns the saved migration's id.
 */
export async function saveMigration(
  page: Page,
  app: AppServer,
  options: {
    name: string
    container: string
    bucket: string
    bandwidthLimitMb: number | null
    maxWorkers?: number
    /** The S3 endpoint; the fault proxy's for the credentials test. */
    s3Endpoint?: string
  },
): Promise<string> {
  const auth = tempauth()
  const swift = await invoke<Saved>(page, app, 'profiles.save', {
    kind: 'swift',
    record: {
      name: `Lab Swift ${options.name}`,
      auth: { type: 'v1', authUrl: auth.authUrl, user: auth.user },
    },
    secrets: { key: auth.key },
  })
  const s3 = await invoke<Saved>(page, app, 'profiles.save', {
    kind: 's3',
    record: {
      name: `Lab S3 ${options.name}`,
      provider: 's3-compatible',
      endpoint: options.s3Endpoint ?? servers.s3.endpoint,
      region: servers.s3.region,
      forcePathStyle: true,
      credentials: { type: 'keys', accessKeyId: servers.s3.accessKeyId },
    },
    secrets: { secretAccessKey: servers.s3.secretAccessKey },
  })
  const job = await invoke<Saved>(page, app, 'profiles.save', {
    kind: 'job',
    record: {
      name: options.name,
      source: { profileId: swift.entry.record.id, containers: [options.container] },
      target: { profileId: s3.entry.record.id, bucket: options.bucket },
      options: { maxWorkers: options.maxWorkers ?? 2, bandwidthLimitMb: options.bandwidthLimitMb },
    },
  })
  return job.entry.record.id
}

/** Starts a saved migration and opens its live view. Returns the run's id. */
export async function startAndOpen(page: Page, app: AppServer, definitionId: string): Promise<string> {
  const job = await invoke<{ id: string }>(page, app, 'jobs.start', { definitionId })
  await page.goto(`${app.origin}/#/job/${encodeURIComponent(job.id)}`)
  await expect(page.getByTestId('job-state')).toBeVisible()
  return job.id
}

/** The bytes done so far, read from the page's "10.0 MB of 20.0 MB" line, in bytes. */
export async function bytesDone(page: Page): Promise<number> {
  const text = (await page.getByTestId('progress-bytes').textContent()) ?? ''
  const match = /^([\d.]+) (bytes?|kB|MB|GB)/.exec(text)
  if (!match) return 0
  const scales: Record<string, number> = { byte: 1, bytes: 1, kB: 1e3, MB: 1e6, GB: 1e9 }
  return Number(match[1]) * (scales[match[2]!] ?? 1)
}

/**
 * Lifts the run's bandwidth limit from the job view, then waits for it to complete with every object
 * copied and verified by MD5: how the credential tests end once new keys carry the run on.
 */
export async function finishUnlimitedAndVerified(page: Page, objects: number): Promise<void> {
  const bandwidth = page.getByRole('form', { name: 'Bandwidth limit' })
  await bandwidth.getByLabel('No limit').check()
  await bandwidth.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByTestId('job-state')).toHaveText('Completed', { timeout: 120_000 })
  await expect(page.getByTestId('stat-copied')).toHaveText(String(objects))
  await expect(page.getByRole('region', { name: 'Result' }).getByTestId('verification')).toContainText(
    `Verified (MD5): ${objects}`,
  )
}
