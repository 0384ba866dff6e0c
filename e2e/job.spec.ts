import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { collectPageErrors, expect, test } from './fixtures'
import {
  finishUnlimitedAndVerified,
  bytesDone,
  freshBucket,
  invoke,
  MB,
  OBJECTS,
  saveMigration,
  seedContainer,
  servers,
  SHOTS,
  startAndOpen,
  testServers,
} from './job-support'

/**
 * One run, live, and the History screen, in Chromium through browser mode against the real Swift and
 * s3api servers. Timing is made predictable by size and limit, never by sleeps: 20 MB at 1 MB/s is
 * still running when the test acts; lifting the limit makes it finish in a few seconds.
 */

/** A seeded container and an empty bucket for one test, removed after it. */
async function stage(prefix: string) {
  const [source, target] = await Promise.all([
    seedContainer(`${prefix}-src`, OBJECTS, MB),
    freshBucket(`${prefix}-dst`),
  ])
  return {
    container: source.container,
    bucket: target.bucket,
    cleanup: () => Promise.all([source.remove(), target.remove()]),
  }
}

async function chartPoints(page: Page): Promise<number> {
  return Number((await page.getByTestId('throughput-chart').getAttribute('data-points')) ?? 0)
}

test.describe('job view', () => {
  test('pause, resume and a new bandwidth limit while it runs; at the end History shows every object verified', async ({
    page,
    app,
  }) => {
    test.setTimeout(240_000)
    const errors = collectPageErrors(page)
    const s = await stage('e2e-job-live')
    try {
      await page.goto(app.url)
      const definitionId = await saveMigration(page, app, {
        name: 'Nightly photos',
        container: s.container,
        bucket: s.bucket,
        bandwidthLimitMb: 1,
      })
      await startAndOpen(page, app, definitionId)

      await expect(page.getByRole('heading', { level: 1, name: 'Nightly photos' })).toBeVisible()
      await expect(page.getByTestId('job-route')).toContainText(s.container)
      await expect(page.getByTestId('job-route')).toContainText(s.bucket)
      await expect(page.getByTestId('job-state')).toHaveText('Running', { timeout: 20_000 })
      await expect.poll(() => bytesDone(page), { timeout: 20_000 }).toBeGreaterThan(0)
      // The listing streams only a little ahead of the copy; until it is read, the share and the time
      // left come from the container's own object count and size, and say they are an estimate.
      await expect(page.getByTestId('progress-objects')).toContainText(/^\d+ of about \d+\d+%$/)
      await expect(page.getByTestId('estimate-note')).toBeVisible()
      await expect(page.getByTestId('stat-time-left')).toHaveText(/^about \d/, { timeout: 10_000 })
      await expect(page.getByTestId('workers')).toContainText('data/part-')
      await expect(page.getByTestId('bandwidth-current')).toHaveText('Now: 1 MB/s')
      // The chart fills from main's one-second samples.
      await expect.poll(() => chartPoints(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(3)
      await page.screenshot({ path: `${SHOTS}/job-running.png`, fullPage: true })

      // Pause: objects in flight finish, then nothing moves.
      await page.getByRole('button', { name: 'Pause' }).click()
      await expect(page.getByTestId('job-state')).toHaveText('Paused')
      await expect(page.getByTestId('workers-empty')).toHaveText('Paused: no object is being copied.', {
        timeout: 20_000,
      })
      const held = await bytesDone(page)
      // Two seconds at the 1 MB/s limit would move about 2 MB: the total must not change at all.
      await page.waitForTimeout(2000)
      expect(await bytesDone(page)).toBe(held)
      expect(held).toBeLessThan(20 * MB)
      await page.screenshot({ path: `${SHOTS}/job-paused.png`, fullPage: true })

      // The Migrations list shows the same share, from the same estimate while the listing goes on.
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('button', { name: 'Migrations' })
        .click()
      const runRow = page.getByRole('button', { name: /^Nightly photos: Paused, (about )?\d+%/ })
      await expect(runRow).toBeVisible()
      await page.screenshot({ path: `${SHOTS}/migrations-running.png`, fullPage: true })
      await runRow.click()
      await expect(page.getByTestId('job-state')).toHaveText('Paused')

      await page.getByRole('button', { name: 'Resume' }).click()
      await expect(page.getByTestId('job-state')).toHaveText('Running')
      await expect.poll(() => bytesDone(page), { timeout: 20_000 }).toBeGreaterThan(held)

      // A new limit, applied live; then none at all, and the run finishes quickly.
      const bandwidth = page.getByRole('form', { name: 'Bandwidth limit' })
      await bandwidth.getByLabel('Limit (MB/s)').fill('2.5')
      await bandwidth.getByRole('button', { name: 'Apply' }).click()
      await expect(page.getByTestId('bandwidth-current')).toHaveText('Now: 2.5 MB/s')
      await bandwidth.getByLabel('No limit').check()
      await bandwidth.getByRole('button', { name: 'Apply' }).click()
      await expect(page.getByTestId('bandwidth-current')).toHaveText('Now: no limit')

      await expect(page.getByTestId('job-state')).toHaveText('Completed', { timeout: 90_000 })
      await expect(page.getByTestId('progress-objects')).toContainText(`${OBJECTS} of ${OBJECTS}100%`)
      await expect(page.getByTestId('stat-copied')).toHaveText(String(OBJECTS))
      await expect(page.getByTestId('stat-failed')).toHaveText('0')
      const verification = page.getByRole('region', { name: 'Result' }).getByTestId('verification')
      await expect(verification).toContainText(`Verified (MD5): ${OBJECTS}`)
      await expect(page.getByTestId('all-verified')).toBeVisible()
      await page.screenshot({ path: `${SHOTS}/job-done.png`, fullPage: true })

      // The HTML summary opens in a new tab; the CSV report downloads with a row per object.
      const popup = page.waitForEvent('popup')
      await page.getByRole('button', { name: 'Open HTML summary' }).click()
      const summaryPage = await popup
      await expect(summaryPage.getByRole('heading', { level: 1, name: 'Migration report' })).toBeVisible()
      await expect(summaryPage).toHaveTitle(new RegExp(s.bucket))
      await summaryPage.close()
      const download = page.waitForEvent('download')
      await page.getByRole('button', { name: 'Export' }).click()
      await page.getByRole('menuitem', { name: /CSV report/ }).click()
      const csv = readFileSync(await (await download).path(), 'utf8')
      expect(csv.trim().split('\n')).toHaveLength(OBJECTS + 1)
      expect(csv).toContain('data/part-000.bin')
      await expect(page.getByTestId('report-notice')).toContainText('Downloading')

      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('button', { name: 'History' })
        .click()
      await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible()
      const row = page.getByTestId('history-row').filter({ hasText: 'Nightly photos' })
      await expect(row).toContainText('Completed')
      await expect(row).toContainText('Copy')
      await expect(row.getByTestId('history-objects')).toHaveText(`${OBJECTS} / ${OBJECTS}`)
      await expect(row.getByTestId('history-bytes')).toHaveText('20.0 MB')
      const classes = row.getByTestId('verification')
      await expect(classes).toContainText(`Verified (MD5): ${OBJECTS}`)
      await expect(classes).not.toContainText('Missing')
      await expect(classes).not.toContainText('Mismatched')
      await page.screenshot({ path: `${SHOTS}/history.png` })

      // The row opens the run again.
      await row.getByRole('button', { name: 'Open run Nightly photos' }).click()
      await expect(page.getByRole('heading', { level: 1, name: 'Nightly photos' })).toBeVisible()
      expect(errors).toEqual([])
    } finally {
      await s.cleanup()
    }
  })

  test('a run is cancelled only after a confirmation; running it again copies the rest, and History lists both', async ({
    page,
    app,
  }) => {
    test.setTimeout(240_000)
    const s = await stage('e2e-job-cancel')
    try {
      await page.goto(app.url)
      const definitionId = await saveMigration(page, app, {
        name: 'Archive to cancel',
        container: s.container,
        bucket: s.bucket,
        bandwidthLimitMb: 1,
      })
      await startAndOpen(page, app, definitionId)
      // At least one whole object copied, so the rerun has something to skip (bytes alone may be in flight).
      await expect
        .poll(async () => Number(await page.getByTestId('stat-copied').textContent()), { timeout: 30_000 })
        .toBeGreaterThan(0)

      await page.getByRole('button', { name: 'Cancel' }).click()
      const confirm = page.getByRole('dialog', { name: 'Cancel this run?' })
      await expect(confirm).toBeVisible()
      await page.screenshot({ path: `${SHOTS}/job-cancel-confirm.png` })
      await confirm.getByRole('button', { name: 'Keep running' }).click()
      await expect(confirm).toBeHidden()
      await expect(page.getByTestId('job-state')).toHaveText('Running')

      await page.getByRole('button', { name: 'Cancel' }).click()
      await page
        .getByRole('dialog', { name: 'Cancel this run?' })
        .getByRole('button', { name: 'Cancel run' })
        .click()
      await expect(page.getByTestId('job-state')).toHaveText('Cancelled', { timeout: 30_000 })
      // Not everything was copied, and the page offers to finish the job.
      expect(await bytesDone(page)).toBeLessThan(20 * MB)
      await expect(page.getByRole('button', { name: 'Run again' })).toBeVisible()
      await page.screenshot({ path: `${SHOTS}/job-cancelled.png`, fullPage: true })

      // Running it again copies only the rest: what the cancelled run copied is skipped.
      await page.getByRole('button', { name: 'Run again' }).click()
      await expect(page.getByText('This run continues')).toBeVisible()
      const bandwidth = page.getByRole('form', { name: 'Bandwidth limit' })
      await bandwidth.getByLabel('No limit').check()
      await bandwidth.getByRole('button', { name: 'Apply' }).click()
      await expect(page.getByTestId('job-state')).toHaveText('Completed', { timeout: 60_000 })
      const skipped = Number(await page.getByTestId('stat-skipped').textContent())
      const copied = Number(await page.getByTestId('stat-copied').textContent())
      expect(skipped).toBeGreaterThan(0)
      expect(skipped + copied).toBe(OBJECTS)

      await page.setViewportSize({ width: 1024, height: 700 })
      await page.getByRole('button', { name: 'Switch to dark theme' }).click()
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('button', { name: 'History' })
        .click()
      await expect(page.getByTestId('history-row')).toHaveCount(2)
      await expect(page.getByTestId('history-row').first()).toContainText('Completed')
      await expect(page.getByTestId('history-row').nth(1)).toContainText('Cancelled')
      await page.screenshot({ path: `${SHOTS}/history-1024-dark.png` })

      await page.getByRole('combobox', { name: 'Status' }).click()
      await page.getByRole('option', { name: 'Cancelled' }).click()
      await expect(page.getByTestId('history-row')).toHaveCount(1)
      await expect(page.getByTestId('history-row')).toContainText('Archive to cancel')
      await page.getByLabel('Search').fill('no such run')
      await expect(page.getByTestId('history-row')).toHaveCount(0)
      await expect(page.getByText(/No run matches/)).toBeVisible()
    } finally {
      await s.cleanup()
    }
  })

  test('a reload mid-run shows the same progress and the chart again, at 1024×700 and in the dark theme', async ({
    page,
    app,
  }) => {
    test.setTimeout(240_000)
    const errors = collectPageErrors(page)
    const s = await stage('e2e-job-reload')
    let jobId = ''
    try {
      await page.setViewportSize({ width: 1024, height: 700 })
      await page.goto(app.url)
      await page.getByRole('button', { name: 'Switch to dark theme' }).click()
      const definitionId = await saveMigration(page, app, {
        name: 'Reload me',
        container: s.container,
        bucket: s.bucket,
        bandwidthLimitMb: 1,
      })
      jobId = await startAndOpen(page, app, definitionId)
      await expect.poll(() => chartPoints(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(4)
      const pointsBefore = await chartPoints(page)
      const bytesBefore = await bytesDone(page)
      expect(bytesBefore).toBeGreaterThan(0)
      await page.screenshot({ path: `${SHOTS}/job-1024-dark.png` })

      await page.reload()
      await expect(page.getByRole('heading', { level: 1, name: 'Reload me' })).toBeVisible()
      // The chart is back at once with every sample main kept, and progress did not start over.
      await expect(page.getByTestId('throughput-chart')).toBeVisible()
      expect(await chartPoints(page)).toBeGreaterThanOrEqual(pointsBefore)
      expect(await bytesDone(page)).toBeGreaterThanOrEqual(bytesBefore)
      await expect(page.getByTestId('job-state')).toHaveText('Running')
      await expect.poll(() => bytesDone(page), { timeout: 20_000 }).toBeGreaterThan(bytesBefore)
      await page.screenshot({ path: `${SHOTS}/job-reloaded.png`, fullPage: true })
      expect(errors).toEqual([])
    } finally {
      if (jobId) await invoke(page, app, 'jobs.cancel', { id: jobId }).catch(() => undefined)
      await expect(page.getByTestId('job-state'))
        .toHaveText('Cancelled', { timeout: 30_000 })
        .catch(() => undefined)
      await s.cleanup()
    }
  })

  test('keys that expire mid-run: the modal asks for new ones and the run completes', async ({
    page,
    app,
  }) => {
    test.setTimeout(240_000)
    const s = await stage('e2e-job-keys')
    // The fault proxy serves the same buckets with its own user list, which this test re-keys.
    const newKey = `rotated-${randomBytes(4).toString('hex')}`
    let rekeyed = false
    try {
      await page.goto(app.url)
      const definitionId = await saveMigration(page, app, {
        name: 'Keys rotate',
        container: s.container,
        bucket: s.bucket,
        bandwidthLimitMb: 2,
        s3Endpoint: servers.fault.s3.endpoint,
      })
      await startAndOpen(page, app, definitionId)
      await expect.poll(() => bytesDone(page), { timeout: 30_000 }).toBeGreaterThan(2 * MB)

      rekeyed = true
      await testServers('set-tempauth-key', 'test:tester', newKey)

      const dialog = page.getByRole('dialog', { name: 'New S3 credentials needed' })
      await expect(dialog).toBeVisible({ timeout: 60_000 })
      await expect(page.getByTestId('job-state')).toHaveText('Waiting for credentials')
      // The key id is offered (it is not a secret); the secret must be typed.
      await expect(dialog.getByLabel('Access key ID')).toHaveValue(servers.s3.accessKeyId)
      await expect(dialog.getByLabel('Secret access key')).toHaveValue('')
      await page.screenshot({ path: `${SHOTS}/job-credentials.png` })

      await dialog.getByLabel('Secret access key').fill(newKey)
      await dialog.getByRole('button', { name: 'Continue the run' }).click()
      await expect(dialog).toBeHidden()
      await expect(page.getByTestId('job-state')).not.toHaveText('Waiting for credentials', {
        timeout: 30_000,
      })

      // Lift the limit so the rest goes quickly; the new keys carry the run to the end.
      await finishUnlimitedAndVerified(page, OBJECTS)
      await page.screenshot({ path: `${SHOTS}/job-after-new-keys.png`, fullPage: true })
    } finally {
      if (rekeyed) await testServers('set-tempauth-key', 'test:tester', servers.fault.s3.secretAccessKey)
      await s.cleanup()
    }
  })
})
