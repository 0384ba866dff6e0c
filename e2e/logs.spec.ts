import { appendFileSync, readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { collectPageErrors, expect, test, type AppServer } from './fixtures'
import { freshBucket, invoke, seedContainer, servers } from './job-support'
import { client, tempauth } from '../test/integration/support/swift-clients'

/**
 * The Logs screen against the real engine in browser mode: a real migration writes the log, which the
 * page pages, searches and filters in main and exports through a one-time download.
 */

const SHOTS = 'test-results/screenshots'

interface Saved {
  entry: { record: { id: string } }
}

interface Job {
  id: string
  state: string
  logFile: string | null
}

const FINISHED = ['done', 'failed', 'cancelled', 'interrupted', 'needs-credentials']

/** Profiles and a saved migration of `container` into `bucket`, created over the app's own channels. */
async function saveMigration(
  page: Page,
  app: AppServer,
  options: { container: string; bucket: string; destPrefix?: string; bandwidthLimitMb?: number },
): Promise<string> {
  const auth = tempauth()
  const swift = await invoke<Saved>(page, app, 'profiles.save', {
    kind: 'swift',
    record: { name: 'Lab Swift', auth: { type: 'v1', authUrl: auth.authUrl, user: auth.user } },
    secrets: { key: auth.key },
  })
  const s3 = await invoke<Saved>(page, app, 'profiles.save', {
    kind: 's3',
    record: {
      name: 'Lab S3',
      provider: 's3-compatible',
      endpoint: servers.s3.endpoint,
      region: servers.s3.region,
      forcePathStyle: true,
      credentials: { type: 'keys', accessKeyId: servers.s3.accessKeyId },
    },
    secrets: { secretAccessKey: servers.s3.secretAccessKey },
  })
  const definition = await invoke<Saved>(page, app, 'profiles.save', {
    kind: 'job',
    record: {
      name: 'Logs e2e',
      source: { profileId: swift.entry.record.id, containers: [options.container] },
      target: {
        profileId: s3.entry.record.id,
        bucket: options.bucket,
        ...(options.destPrefix !== undefined && { destPrefix: options.destPrefix }),
      },
      options: { maxWorkers: 2, bandwidthLimitMb: options.bandwidthLimitMb ?? null },
    },
  })
  return definition.entry.record.id
}

/** Waits until the run is over and returns it. */
async function settled(page: Page, app: AppServer, id: string): Promise<Job> {
  let job: Job | undefined
  await expect
    .poll(
      async () => {
        job = await invoke<Job>(page, app, 'jobs.get', { id })
        return FINISHED.includes(job.state)
      },
      { timeout: 60_000 },
    )
    .toBe(true)
  return job!
}

test('open a run’s log, search it, filter it to errors and export it byte for byte', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000)
  const errors = collectPageErrors(page)
  const source = await seedContainer('logs-src', 6, 20_000)
  const target = await freshBucket('logs-dst')
  // One object whose name is too long for S3 under the destination prefix: it fails, and the run logs
  // an ERROR line for it while the others copy.
  const swiftClient = client({ auth: tempauth() })
  const longName = `data/${'x'.repeat(990)}.bin`
  await swiftClient.putObject(source.container, longName, Buffer.from('too long a key'))
  try {
    await page.setViewportSize({ width: 1024, height: 700 })
    await page.goto(app.url)
    await expect(page.getByTestId('app-version')).toHaveText(/^Version /)

    const definitionId = await saveMigration(page, app, {
      container: source.container,
      bucket: target.bucket,
      destPrefix: `${'p'.repeat(40)}/`,
    })
    const started = await invoke<Job>(page, app, 'jobs.start', { definitionId })
    const job = await settled(page, app, started.id)
    const logFile = job.logFile!
    const onDisk = readFileSync(logFile)
    const lines = onDisk.toString('utf8').trimEnd().split('\n')
    const errorLines = lines.filter((line) => / - ERROR - /.test(line))
    expect(errorLines.length).toBeGreaterThanOrEqual(2)

    // Other screens link to a run's log by its id.
    await page.goto(`${app.origin}/#/logs/${encodeURIComponent(started.id)}`)
    await expect(page.getByRole('heading', { level: 1, name: 'Logs' })).toBeVisible()
    await expect(page.getByTestId('log-run').first()).toHaveAttribute('aria-current', 'true')
    await expect(page.getByTestId('log-status')).toContainText(`${lines.length} lines`)
    const shown = page.getByTestId('log-line')
    await expect(shown.first()).toContainText(lines[0]!.slice(0, 60))
    await page.screenshot({ path: `${SHOTS}/logs-run.png` })

    // Search: counted in main, stepped through with Enter.
    await page.getByRole('textbox', { name: 'Search the log' }).fill('part-003')
    const expected = lines.filter((line) => line.toLowerCase().includes('part-003')).length
    await expect(page.getByTestId('match-count')).toHaveText(`1 of ${expected} matches`)
    await expect(page.locator('[data-testid="log-line"][aria-current="true"]')).toContainText('part-003')
    await expect(page.getByTestId('line-details').locator('mark')).toHaveText('part-003')
    await page.getByRole('textbox', { name: 'Search the log' }).press('Enter')
    await expect(page.getByTestId('match-count')).toHaveText(`2 of ${expected} matches`)
    await page.getByRole('switch', { name: 'Only matching lines' }).check()
    await expect(shown).toHaveCount(expected)
    await page.screenshot({ path: `${SHOTS}/logs-search.png` })
    await page.getByRole('button', { name: 'Clear the search' }).click()
    await expect(page.getByTestId('match-count')).toHaveText('')

    // Errors only.
    const levels = page.getByRole('group', { name: 'Levels shown' })
    for (const level of ['WARNING', 'INFO', 'DEBUG']) await levels.getByText(level, { exact: true }).click()
    await expect(shown).toHaveCount(errorLines.length)
    for (const [i, line] of errorLines.entries()) {
      await expect(shown.nth(i)).toHaveAttribute('data-level', 'error')
      await expect(shown.nth(i)).toContainText(line.slice(0, 60))
    }
    await expect(page.getByTestId('log-shown')).toHaveText(
      `${errorLines.length} of ${lines.length} lines shown`,
    )
    await page.getByRole('button', { name: 'Jump to next error' }).click()
    await expect(page.locator('[data-testid="log-line"][aria-current="true"]')).toHaveAttribute(
      'data-row',
      '0',
    )
    await page.screenshot({ path: `${SHOTS}/logs-errors.png` })

    // Export: the download is the log file on disk, byte for byte.
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export' }).click()
    await page.getByRole('menuitem', { name: 'Log file (.log)' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe(logFile.split('/').at(-1))
    expect(readFileSync(await download.path())).toEqual(onDisk)
    await expect(page.getByTestId('log-notice')).toContainText('Downloading')

    // The HTML summary opens in a new tab, served once under its own sandboxing policy.
    const opening = page.context().waitForEvent('page')
    const served = page.context().waitForEvent('response', (r) => r.url().includes('/files/'))
    await page.getByRole('button', { name: 'Open summary' }).click()
    const [summary, response] = await Promise.all([opening, served])
    expect(response.status()).toBe(200)
    expect(response.headers()['content-security-policy']).toContain('sandbox')
    await expect(summary.locator('h1').first()).toBeVisible()
    await summary.screenshot({ path: `${SHOTS}/logs-summary.png` })
    await summary.close()

    // Dark theme, all levels back.
    for (const level of ['WARNING', 'INFO', 'DEBUG']) await levels.getByText(level, { exact: true }).click()
    await page.getByRole('button', { name: 'Switch to dark theme' }).click()
    await page.getByRole('textbox', { name: 'Search the log' }).fill('Created object')
    await expect(page.getByTestId('match-count')).toContainText('of 6 matches')
    await page.screenshot({ path: `${SHOTS}/logs-dark.png` })
  } finally {
    await swiftClient.close()
    await source.remove()
    await target.remove()
  }
  expect(errors).toEqual([])
})

test('a 1,000,000-line log opens, scrolls to its end, searches and jumps to errors in moments', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000)
  const errors = collectPageErrors(page)
  const source = await seedContainer('logs-big', 2, 1000)
  const target = await freshBucket('logs-big')
  try {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(app.url)
    const definitionId = await saveMigration(page, app, {
      container: source.container,
      bucket: target.bucket,
    })
    const started = await invoke<Job>(page, app, 'jobs.start', { definitionId })
    const job = await settled(page, app, started.id)
    // The run's own lines, then a million more as a long migration would write (a few errors among them).
    const before = readFileSync(job.logFile!, 'utf8').trimEnd().split('\n').length
    const million = 1_000_000
    for (let block = 0; block < million; block += 100_000) {
      const chunk: string[] = []
      for (let i = block; i < block + 100_000; i++) {
        const level = i % 250_000 === 123_456 ? 'ERROR' : i % 1000 === 0 ? 'WARNING' : 'INFO'
        chunk.push(
          `2030-01-02 03:04:05,000 - swift2s3 - ${level} - Copied archive/${String(i).padStart(7, '0')}.tar bytes=1048576`,
        )
      }
      appendFileSync(job.logFile!, chunk.join('\n') + '\n')
    }
    const total = before + million

    const timings: Record<string, number> = {}
    const timed = async (name: string, step: () => Promise<void>) => {
      const t0 = Date.now()
      await step()
      timings[name] = Date.now() - t0
    }
    await timed('open', async () => {
      await page.goto(`${app.origin}/#/logs/${encodeURIComponent(started.id)}`)
      await expect(page.getByTestId('log-status')).toContainText(`${total.toLocaleString('en-US')} lines`, {
        timeout: 20_000,
      })
    })
    const shown = page.getByTestId('log-line')
    await timed('end', async () => {
      await page.getByRole('region', { name: 'Log lines' }).press('End')
      await expect(shown.last()).toContainText('archive/0999999.tar')
    })
    await timed('search', async () => {
      await page.getByRole('textbox', { name: 'Search the log' }).fill('ARCHIVE/050000')
      await expect(page.getByTestId('match-count')).toHaveText(/of 10 matches$/, { timeout: 20_000 })
    })
    await expect(page.locator('[data-testid="log-line"][aria-current="true"]')).toContainText(
      'archive/050000',
    )
    await page.getByRole('button', { name: 'Clear the search' }).click()
    await timed('errors', async () => {
      await page.getByRole('region', { name: 'Log lines' }).press('Home')
      await page.getByRole('button', { name: 'Jump to next error' }).click()
      await page.getByRole('button', { name: 'Jump to next error' }).click()
      await page.getByRole('button', { name: 'Jump to next error' }).click()
      await expect(page.locator('[data-testid="log-line"][aria-current="true"]')).toContainText(
        'archive/0623456',
      )
    })
    await page.screenshot({ path: `${SHOTS}/logs-million.png` })
    console.log(`1,000,000-line log in the browser (ms): ${JSON.stringify(timings)}`)
    // Only a guard against a blow-up; the numbers are printed above.
    for (const ms of Object.values(timings)) expect(ms).toBeLessThan(20_000)
    // The page holds a few thousand lines at most: only the rows in sight are in the DOM.
    expect(await shown.count()).toBeLessThan(100)
  } finally {
    await source.remove()
    await target.remove()
  }
  expect(errors).toEqual([])
})

test('follows a running job’s log as it grows, to its last line', async ({ page, app }) => {
  test.setTimeout(120_000)
  const errors = collectPageErrors(page)
  // About 8 seconds at 1 MB/s: long enough to watch the log grow.
  const source = await seedContainer('logs-live', 8, 1_000_000)
  const target = await freshBucket('logs-live')
  try {
    await page.setViewportSize({ width: 1024, height: 700 })
    await page.goto(app.url)
    const definitionId = await saveMigration(page, app, {
      container: source.container,
      bucket: target.bucket,
      bandwidthLimitMb: 1,
    })
    const started = await invoke<Job>(page, app, 'jobs.start', { definitionId })
    await page.goto(`${app.origin}/#/logs/${encodeURIComponent(started.id)}`)
    const status = page.getByTestId('log-status')
    await expect(status).toContainText(' lines', { timeout: 15_000 })
    await expect(page.getByRole('switch', { name: 'Follow' })).toBeChecked()
    const count = async () =>
      Number(/([\d,]+) lines?/.exec((await status.textContent()) ?? '')?.[1]?.replace(/,/g, ''))
    const first = await count()
    // log.appended brings new lines without any reload, and the view keeps the newest in sight.
    await expect.poll(count, { timeout: 30_000 }).toBeGreaterThan(first)
    await page.screenshot({ path: `${SHOTS}/logs-follow.png` })

    const job = await settled(page, app, started.id)
    const lines = readFileSync(job.logFile!, 'utf8').trimEnd().split('\n')
    await expect(status).toContainText(`${lines.length} lines`, { timeout: 10_000 })
    await expect(page.getByTestId('log-line').last()).toContainText(lines.at(-1)!.slice(0, 60))
  } finally {
    await source.remove()
    await target.remove()
  }
  expect(errors).toEqual([])
})
