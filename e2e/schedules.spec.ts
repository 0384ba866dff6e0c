import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import type { JobSummary } from '../src-preload/contract/jobs'
import { rawClient } from '../test/integration/s3/s3-support'
import { client, tempauth } from '../test/integration/support/swift-clients'
import { collectPageErrors, expect, test } from './fixtures'
import { freshBucket, invoke, saveMigration, seedContainer } from './job-support'

/**
 * Schedules in Chromium through browser mode, against the loopback Swift and s3api servers. The server
 * runs on an injected clock (SWIFT2S3_FAKE_NOW, 120 times real speed), so a half-hourly schedule comes
 * due every 15 real seconds: the test sees a due schedule run, copy the container, then copy only the
 * object added after it, with History marking both runs as scheduled.
 */

const SHOTS = 'test-results/screenshots'
mkdirSync(SHOTS, { recursive: true })

test.use({
  serverEnv: {
    SWIFT2S3_FAKE_NOW: '2030-01-07T09:41:00Z',
    SWIFT2S3_CLOCK_RATE: '120',
    // An encrypted vault, so the saved secrets outlive the session and the migration can run unattended.
    SWIFT2S3_VAULT_KEY: randomBytes(32).toString('base64'),
  },
})

async function bucketKeys(bucket: string): Promise<string[]> {
  const s3 = rawClient()
  try {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }))
    return (listed.Contents ?? []).map((o) => o.Key ?? '').sort()
  } finally {
    s3.destroy()
  }
}

test('a due schedule runs, then copies only what changed, and History marks its runs', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000)
  const errors = collectPageErrors(page)
  const source = await seedContainer('e2e-sched', 3, 2048)
  const target = await freshBucket('e2e-sched')
  try {
    await page.setViewportSize({ width: 1024, height: 700 })
    await page.goto(app.url)
    const definitionId = await saveMigration(page, app, {
      name: 'Media catch-up',
      container: source.container,
      bucket: target.bucket,
      bandwidthLimitMb: null,
    })
    expect(definitionId).toBeTruthy()

    const nav = page.getByRole('navigation', { name: 'Main navigation' })
    await nav.getByRole('button', { name: 'Schedules' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Schedules' })).toBeVisible()
    await expect(page.getByText('Nothing scheduled')).toBeVisible()
    await page.screenshot({ path: `${SHOTS}/schedules-empty.png` })
    await page.getByRole('button', { name: 'New schedule' }).click()

    // The form: a saved migration, a cron trigger, UTC; the preview follows each change.
    await page.getByRole('combobox', { name: /Saved migration/ }).click()
    await page.getByRole('option', { name: 'Media catch-up' }).click()
    await expect(page.getByRole('textbox', { name: /Schedule name/ })).toHaveValue('Media catch-up')
    await page.getByRole('radiogroup', { name: 'Runs' }).getByText('Cron').click()
    await page.getByRole('textbox', { name: /Cron expression/ }).fill('*/30 * * * *')
    const zone = page.getByRole('combobox', { name: /^Time zone/ })
    await zone.click()
    await zone.fill('UTC')
    await page.getByRole('option', { name: 'UTC', exact: true }).click()
    await expect(page.getByTestId('schedule-description')).toHaveText('Runs every 30 minutes, UTC')
    await expect(page.getByTestId('next-runs').getByRole('listitem')).toHaveCount(5)
    await expect(page.getByTestId('unattended')).toContainText('Can run unattended')
    await expect(
      page.getByText(/A time that happens twice because the clocks go back runs once/),
    ).toBeVisible()
    await page.screenshot({ path: `${SHOTS}/schedules-form.png`, fullPage: true })

    // A refusal from main is shown under the field it names.
    await page.getByRole('textbox', { name: /Cron expression/ }).fill('*/30 * * *')
    await expect(page.getByText(/Is not a cron expression of five fields/)).toBeVisible()
    await page.getByRole('textbox', { name: /Cron expression/ }).fill('*/30 * * * *')
    await page.getByRole('button', { name: 'Save schedule' }).click()

    await expect(page.getByTestId('schedule-saved')).toContainText('Created “Media catch-up”')
    const row = page.getByTestId('schedule-row')
    await expect(row.getByTestId('schedule-trigger')).toHaveText('every 30 minutes, UTC')
    await expect(row.getByTestId('schedule-next-run')).toHaveText(/2030, \d\d:(00|30)$/)

    // It comes due on the injected clock, runs and copies the container.
    await expect(row.getByTestId('schedule-last-result')).toHaveText('Completed', { timeout: 60_000 })
    await page.screenshot({ path: `${SHOTS}/schedules-list.png` })
    expect(await bucketKeys(target.bucket)).toEqual(source.names)
    const first = (await invoke<JobSummary[]>(page, app, 'jobs.list')).find(
      (j) => j.state === 'done' && j.totals.copied === 3,
    )
    expect(first).toMatchObject({ trigger: 'schedule', definitionId, totals: { copied: 3, failed: 0 } })

    // One more object; the next due time copies it alone.
    const swift = client({ auth: tempauth() })
    await swift.putObject(source.container, 'data/late-arrival.bin', randomBytes(1024))
    await swift.close()
    await expect
      .poll(
        async () =>
          (await invoke<JobSummary[]>(page, app, 'jobs.list')).find(
            (j) => j.state === 'done' && j.totals.copied > 0 && j.id !== first?.id,
          )?.totals ?? null,
        { timeout: 60_000, intervals: [1000] },
      )
      .toMatchObject({ copied: 1, skipped: 3, failed: 0 })
    expect(await bucketKeys(target.bucket)).toEqual([...source.names, 'data/late-arrival.bin'].sort())

    // No more runs: turn it off.
    await row.getByRole('switch', { name: 'Media catch-up enabled' }).click({ force: true })
    await expect(row.getByTestId('schedule-next-run')).toHaveText('Off')

    const runs = await invoke<JobSummary[]>(page, app, 'jobs.list')
    expect(runs.length).toBeGreaterThanOrEqual(2)
    for (const run of runs)
      expect(run).toMatchObject({ trigger: 'schedule', startedBy: 'schedule "Media catch-up"' })

    await nav.getByRole('button', { name: 'History' }).click()
    await expect(page.getByTestId('history-row').first()).toBeVisible()
    await expect(page.getByTestId('history-scheduled')).toHaveCount(runs.length)
    await page.screenshot({ path: `${SHOTS}/schedules-history.png` })

    await nav.getByRole('button', { name: 'Schedules' }).click()
    await page.getByRole('button', { name: 'Switch to dark theme' }).click()
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
    await page.screenshot({ path: `${SHOTS}/schedules-list-dark.png` })
    await page.getByRole('button', { name: 'Edit Media catch-up' }).click()
    await expect(page.getByTestId('next-runs').getByRole('listitem')).toHaveCount(5)
    await page.screenshot({ path: `${SHOTS}/schedules-form-dark.png` })
    expect(errors).toEqual([])
  } finally {
    await source.remove()
    await target.remove()
  }
})

test('global bandwidth windows are saved, and a bad one is named under its field', async ({ page, app }) => {
  const errors = collectPageErrors(page)
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.goto(app.url)
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Schedules' })
    .click()
  await page.getByRole('button', { name: 'Add a window' }).click()
  await page.getByRole('textbox', { name: 'Global window 1 until' }).fill('25:00')
  await page.getByRole('button', { name: 'Save windows' }).click()
  await expect(page.getByText('Must be HH:MM, from 00:00 to 24:00')).toBeVisible()
  await page.getByRole('textbox', { name: 'Global window 1 until' }).fill('18:00')
  await page.getByRole('button', { name: 'Save windows' }).click()
  await expect(page.getByText('Saved; they apply now.')).toBeVisible()
  await page.getByRole('heading', { name: 'Bandwidth windows for every migration' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/schedules-windows.png` })
  expect(await invoke(page, app, 'schedules.windows.get')).toMatchObject({
    windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00', limitMb: 2 }],
  })
  expect(errors).toEqual([])
})
