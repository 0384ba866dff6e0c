import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { createBucket, rawClient, removeBucket } from '../test/integration/s3/s3-support'
import { appCredential, client, removeContainer } from '../test/integration/support/swift-clients'
import { expect, test, type AppServer } from './fixtures'
import { bytesDone, invoke, servers } from './job-support'

/**
 * The README's screenshots, taken from the real app in browser mode against the loopback servers,
 * with data named as a user would name it. Not part of the test run; to regenerate docs/screenshots/:
 *
 *   scripts/test-servers.sh start          # if the servers are not running yet
 *   electron-vite build
 *   SCREENSHOTS=1 playwright test e2e/screenshots.spec.ts
 *
 * It creates the containers media-archive, project-docs and web-assets in the Keystone demo project
 * and buckets of the same names on the s3api endpoint, and removes them again at the end (and before
 * starting, should an earlier run have been interrupted).
 */

test.skip(!process.env['SCREENSHOTS'], 'takes the README screenshots; run with SCREENSHOTS=1')
test.use({
  viewport: { width: 1280, height: 800 },
  // An encrypted vault: saved secrets persist, as on a desktop, so no "session only" notices show.
  serverEnv: { SWIFT2S3_VAULT_KEY: randomBytes(32).toString('base64') },
})

const OUT = 'docs/screenshots'
mkdirSync(OUT, { recursive: true })

const CONTAINERS: Record<string, Array<{ name: string; size: number }>> = {
  // About 50 MB, so a 2 MB/s limit keeps the run going long enough to draw its chart.
  'media-archive': Array.from({ length: 36 }, (_, i) => ({
    name:
      i < 28
        ? `photos/2024/IMG_${String(4100 + i * 7)}.jpg`
        : `video/interviews/take-${String(i - 27).padStart(2, '0')}.mp4`,
    size: Math.round((i < 28 ? 900 : 2600) * 1024 + ((i * 37_813) % 400) * 1024),
  })),
  'project-docs': [
    'handbook/onboarding.pdf',
    'handbook/security-policy.pdf',
    'minutes/2024-05-14.md',
    'minutes/2024-06-11.md',
    'plans/storage-migration.docx',
    'plans/budget-2025.xlsx',
    'templates/report.dotx',
    'templates/letter.dotx',
  ].map((name, i) => ({ name, size: 40_000 + i * 13_000 })),
  'web-assets': Array.from({ length: 40 }, (_, i) => ({
    name: `${['css', 'js', 'img', 'fonts'][i % 4]}/asset-${String(i).padStart(3, '0')}.${['css', 'js', 'png', 'woff2'][i % 4]}`,
    size: 60_000 + ((i * 9_973) % 180_000),
  })),
}
/** Buckets that exist before the wizard runs (web-assets, for its preview, is checked there). */
const BUCKETS = ['media-archive', 'project-docs', 'web-assets']

async function removeAll(): Promise<void> {
  const swift = client({ auth: appCredential() })
  const s3 = rawClient()
  try {
    for (const name of Object.keys(CONTAINERS)) await removeContainer(swift, name).catch(() => undefined)
    for (const name of BUCKETS) await removeBucket(s3, name).catch(() => undefined)
  } finally {
    await swift.close()
    s3.destroy()
  }
}

async function seedData(): Promise<void> {
  await removeAll()
  const swift = client({ auth: appCredential() })
  const s3 = rawClient()
  try {
    for (const [container, objects] of Object.entries(CONTAINERS)) {
      await swift.putContainer(container)
      for (let i = 0; i < objects.length; i += 6) {
        await Promise.all(
          objects
            .slice(i, i + 6)
            .map((object) => swift.putObject(container, object.name, randomBytes(object.size))),
        )
      }
    }
    for (const bucket of BUCKETS) await createBucket(s3, bucket)
  } finally {
    await swift.close()
    s3.destroy()
  }
}

interface Saved {
  entry: { record: { id: string } }
}

/** The profiles, two saved migrations, one finished run and two schedules, as a user would have them. */
async function seedApp(page: Page, app: AppServer): Promise<{ media: string; docs: string }> {
  const keystone = appCredential()
  const swift = await invoke<Saved>(page, app, 'profiles.save', {
    kind: 'swift',
    record: {
      name: 'OpenStack production',
      auth: {
        type: 'v3applicationcredential',
        authUrl: keystone.authUrl,
        applicationCredentialId: keystone.applicationCredentialId,
        region: servers.keystone?.region ?? 'RegionOne',
      },
    },
    secrets: { applicationCredentialSecret: keystone.applicationCredentialSecret },
  })
  const s3 = await invoke<Saved>(page, app, 'profiles.save', {
    kind: 's3',
    record: {
      name: 'Ceph archive cluster',
      provider: 's3-compatible',
      endpoint: servers.s3.endpoint,
      region: servers.s3.region,
      forcePathStyle: true,
      credentials: { type: 'keys', accessKeyId: servers.s3.accessKeyId },
    },
    secrets: { secretAccessKey: servers.s3.secretAccessKey },
  })
  const migration = async (name: string, container: string, bandwidthLimitMb: number | null) =>
    (
      await invoke<Saved>(page, app, 'profiles.save', {
        kind: 'job',
        record: {
          name,
          source: { profileId: swift.entry.record.id, containers: [container] },
          target: { profileId: s3.entry.record.id, bucket: container },
          options: { maxWorkers: 4, bandwidthLimitMb },
        },
      })
    ).entry.record.id
  const media = await migration('Media archive', 'media-archive', 2)
  const docs = await migration('Project documents', 'project-docs', null)

  await invoke(page, app, 'schedules.save', {
    name: 'Project documents, nightly',
    definitionId: docs,
    trigger: { type: 'daily', time: '02:00' },
    timeZone: 'Europe/Berlin',
  })
  await invoke(page, app, 'schedules.save', {
    name: 'Media archive, weekends',
    definitionId: media,
    trigger: { type: 'weekly', days: ['sat', 'sun'], time: '01:30' },
    timeZone: 'Europe/Berlin',
    bandwidthWindows: [{ days: ['sat', 'sun'], start: '08:00', end: '20:00', limitMb: 5 }],
  })
  return { media, docs }
}

async function waitDone(page: Page, app: AppServer, id: string): Promise<void> {
  await expect
    .poll(async () => (await invoke<{ state: string }>(page, app, 'jobs.get', { id })).state, {
      timeout: 120_000,
    })
    .toBe('done')
}

/** A shot of the window as it is, after transitions and with no pointer hovering anything. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1279, 799)
  await page.evaluate(() => {
    ;(document.activeElement as HTMLElement | null)?.blur()
    window.scrollTo(0, 0)
  })
  await page.waitForTimeout(400)
  await page.screenshot({ path: `${OUT}/${name}.png` })
}

test('README screenshots', async ({ page, app }) => {
  test.setTimeout(300_000)
  await seedData()
  try {
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(app.url)
    await expect(page.getByTestId('app-version')).toHaveText(/^Version /)
    const { media, docs } = await seedApp(page, app)
    const nav = page.getByRole('navigation', { name: 'Main navigation' })

    // Both connections tested, as after setting them up.
    await nav.getByRole('button', { name: 'Profiles' }).click()
    for (const name of ['OpenStack production', 'Ceph archive cluster']) {
      await page.getByRole('button', { name: `Test connection of ${name}` }).click()
      await expect(page.getByRole('button', { name: `Last test of ${name}: worked` })).toBeVisible({
        timeout: 30_000,
      })
    }

    // A finished run of the documents, then the media archive under way at 2 MB/s.
    const first = await invoke<{ id: string }>(page, app, 'jobs.start', { definitionId: docs })
    await waitDone(page, app, first.id)
    const run = await invoke<{ id: string }>(page, app, 'jobs.start', { definitionId: media })
    await page.goto(`${app.origin}/#/job/${encodeURIComponent(run.id)}`)
    await expect(page.getByTestId('job-state')).toHaveText('Running')
    // Twenty seconds of chart, a little under half of the run.
    await expect.poll(() => bytesDone(page), { timeout: 60_000 }).toBeGreaterThan(40e6 / 2)
    await shoot(page, 'job')
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
    await shoot(page, 'job-dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light')

    await nav.getByRole('button', { name: 'Migrations' }).click()
    await expect(page.getByTestId('run-row')).toHaveCount(2)
    await expect(page.getByTestId('saved-migration')).toHaveCount(2)
    await shoot(page, 'migrations')
    await waitDone(page, app, run.id)

    await nav.getByRole('button', { name: 'History' }).click()
    await expect(page.getByTestId('history-row')).toHaveCount(2)
    await shoot(page, 'history')

    await page.goto(`${app.origin}/#/logs/${encodeURIComponent(run.id)}`)
    await expect(page.getByTestId('log-line').first()).toBeVisible()
    await page.getByRole('textbox', { name: 'Search the log' }).fill('IMG_4107')
    await expect(page.getByTestId('match-count')).toHaveText(/\d+ of \d+/)
    await shoot(page, 'logs')

    // New migration up to its preview: the web assets into their (empty) bucket at 5 MB/s.
    await nav.getByRole('button', { name: 'Migrations' }).click()
    await page.getByRole('button', { name: 'New migration' }).click()
    await page.getByRole('radio', { name: /OpenStack production/ }).click()
    await page.getByRole('button', { name: 'Next', exact: true }).click()
    await page.getByRole('textbox', { name: /Search containers/ }).fill('web-assets')
    await page
      .getByRole('table', { name: 'Containers' })
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'web-assets', exact: true }) })
      .getByRole('checkbox')
      .check()
    await page.getByRole('button', { name: 'Next', exact: true }).click()
    await page.getByRole('radio', { name: /Ceph archive cluster/ }).click()
    await page.getByRole('button', { name: 'Next', exact: true }).click()
    const bucket = page.getByRole('combobox', { name: /^Bucket/ })
    await bucket.fill('web-assets')
    await bucket.press('Escape')
    await page.getByRole('button', { name: 'Check', exact: true }).click()
    await expect(page.getByText(/The bucket is there and these keys can use it/)).toBeVisible()
    await page.getByRole('button', { name: 'Next', exact: true }).click()
    await page.getByRole('textbox', { name: /Bandwidth limit/ }).fill('5')
    await page.getByRole('button', { name: 'Next', exact: true }).click()
    await expect(page.getByTestId('plan-copy')).toContainText('40 objects', { timeout: 30_000 })
    await page.getByRole('textbox', { name: /^Name/ }).fill('Web assets')
    await shoot(page, 'wizard')
    await page.getByRole('button', { name: 'Cancel', exact: true }).click()

    await nav.getByRole('button', { name: 'Profiles' }).click()
    await expect(page.getByTestId('profile-row-OpenStack production')).toBeVisible()
    await shoot(page, 'profiles')

    await nav.getByRole('button', { name: 'Schedules' }).click()
    await expect(page.getByTestId('schedule-row')).toHaveCount(2)
    await shoot(page, 'schedules')

    await nav.getByRole('button', { name: 'Settings' }).click()
    await expect(page.getByLabel('Workers in total')).toBeVisible()
    await shoot(page, 'settings')
  } finally {
    await removeAll()
  }
})
