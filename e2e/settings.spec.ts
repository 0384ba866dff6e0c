import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { collectPageErrors, expect, test } from './fixtures'
import { freshBucket, invoke, saveMigration, seedContainer } from './job-support'

/**
 * The Settings screen in Chromium through browser mode: values a user saves survive a reload, a bad
 * value is named under its field and never written, and what is saved governs real migrations
 * (against the loopback Swift and s3api servers).
 */

const SHOTS = 'test-results/screenshots'
mkdirSync(SHOTS, { recursive: true })

function storedSettings(dataDir: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>
  } catch {
    return {}
  }
}

test('changed workers and bandwidth are saved and survive a reload; a bad value is named and not saved', async ({
  page,
  app,
}) => {
  const errors = collectPageErrors(page)
  await page.goto(app.url)
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Settings' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()

  const cap = page.getByLabel('Workers in total')
  const bandwidth = page.getByLabel('Bandwidth (MB/s)')
  await expect(cap).toHaveValue('64')
  await expect(bandwidth).toHaveValue('')
  // Browser mode cannot open a folder dialog on the engine's machine, and says where logs go.
  await expect(page.getByTestId('log-folder')).toHaveText(join(app.dataDir, 'logs'))
  await expect(page.getByRole('button', { name: 'Choose folder…' })).toHaveCount(0)
  await expect(page.getByText(/cannot be chosen from this page/)).toBeVisible()
  await expect(page.getByTestId('secrets-status')).toContainText(
    'Secrets are kept in memory for this session only',
  )
  await expect(page.getByTestId('about-version')).toContainText(/Swift to S3 \d+\.\d+\.\d+, browser mode/)
  // The smallest window the app supports.
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.screenshot({ path: `${SHOTS}/settings-initial.png` })
  await page.setViewportSize({ width: 1280, height: 800 })

  await cap.fill('12')
  await bandwidth.fill('2.5')
  await expect(page.getByText('You have unsaved changes.')).toBeVisible()
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Settings saved')).toBeVisible()
  await expect(page.getByText('All changes are saved.')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/settings-saved.png` })
  expect(storedSettings(app.dataDir)).toMatchObject({
    schemaVersion: 1,
    globalWorkerCap: 12,
    globalBandwidthMb: 2.5,
  })

  await page.reload()
  await expect(page.getByLabel('Workers in total')).toHaveValue('12')
  await expect(page.getByLabel('Bandwidth (MB/s)')).toHaveValue('2.5')

  // 0 workers: named under the field at once, and Save writes nothing.
  const workers = page.getByLabel('Workers for a new migration')
  await workers.fill('0')
  const problem = page.getByText('Must be a whole number from 1 to 256')
  await expect(problem).toBeVisible()
  await expect(workers).toHaveAttribute('aria-invalid', 'true')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(problem).toBeVisible()
  await expect(workers).toHaveValue('0')
  await workers.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/settings-bad-value.png` })
  expect(storedSettings(app.dataDir)['defaultWorkers']).toBe(16)

  await page.reload()
  await expect(page.getByLabel('Workers for a new migration')).toHaveValue('16')
  await expect(page.getByLabel('Workers in total')).toHaveValue('12')

  // The theme choice, and a look at the screen in dark.
  await page.getByText('Dark', { exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await page.getByRole('region', { name: 'About' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/settings-dark.png` })
  expect(errors).toEqual([])
})

test('the worker cap saved in Settings limits a real migration', async ({ page, app }) => {
  const [source, target] = await Promise.all([
    seedContainer('settings-e2e-src', 4, 64 * 1024),
    freshBucket('settings-e2e-dst'),
  ])
  try {
    await page.goto(app.url)
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('button', { name: 'Settings' })
      .click()
    const cap = page.getByLabel('Workers in total')
    await cap.fill('3')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByText('Settings saved')).toBeVisible()

    const definitionId = await saveMigration(page, app, {
      name: 'Settings cap',
      container: source.container,
      bucket: target.bucket,
      bandwidthLimitMb: null,
      maxWorkers: 8,
    })
    const job = await invoke<{ id: string; workers: number | null; requestedWorkers: number }>(
      page,
      app,
      'jobs.start',
      { definitionId },
    )
    // Asked for 8, granted the 3 the cap allows.
    expect(job.requestedWorkers).toBe(8)
    expect(job.workers).toBe(3)

    // It completes, and its log went to the log folder Settings shows.
    await expect
      .poll(async () => (await invoke<{ state: string }>(page, app, 'jobs.get', { id: job.id })).state, {
        timeout: 30_000,
      })
      .toBe('done')
    const done = await invoke<{ logFile: string | null }>(page, app, 'jobs.get', { id: job.id })
    expect(done.logFile?.startsWith(join(app.dataDir, 'logs'))).toBe(true)
  } finally {
    await Promise.all([source.remove(), target.remove()])
  }
})
