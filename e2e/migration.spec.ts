import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { loadServers } from '../test/integration/servers-env'
import { collectPageErrors, expect, test, type AppServer } from './fixtures'
import { invoke, listedInAccount } from './job-support'
import { client, tempauth } from '../test/integration/support/swift-clients'

/**
 * The Migrations screen and the New Migration wizard in Chromium through browser mode, against the real
 * Swift (tempauth) and s3api servers: seed a container, go through the wizard, preview, start, save the
 * migration, run it again from the list and see that nothing is left to copy.
 */

const SHOTS = 'test-results/screenshots'
mkdirSync(SHOTS, { recursive: true })

const servers = loadServers()
const tester = servers.tempauth.users.find((user) => user.user === 'test:tester')!
const OBJECTS = 20
const OBJECT_BYTES = 50_000
const run = randomBytes(4).toString('hex')
const container = `mig-e2e-${run}`
const bucket = `mig-e2e-${run}-dst`
const filteredBucket = `mig-e2e-${run}-filtered`

/** A tempauth token and storage URL, as any Swift client gets them. */
async function swiftAuth(): Promise<{ url: string; token: string }> {
  const response = await fetch(servers.tempauth.authUrl, {
    headers: { 'X-Auth-User': tester.user, 'X-Auth-Key': tester.key },
  })
  expect(response.ok).toBe(true)
  return { url: response.headers.get('x-storage-url')!, token: response.headers.get('x-auth-token')! }
}

async function swift(method: string, path: string, body?: Uint8Array<ArrayBuffer>): Promise<Response> {
  const { url, token } = await swiftAuth()
  return fetch(`${url}/${path}`, { method, headers: { 'X-Auth-Token': token }, ...(body && { body }) })
}

/** Empties and removes a container (the bucket too: s3api keeps a bucket as a container of the account). */
async function removeContainer(name: string): Promise<void> {
  const listing = await swift('GET', `${encodeURIComponent(name)}?format=json`)
  if (listing.status === 404) return
  const objects = (await listing.json()) as { name: string }[]
  for (const object of objects)
    await swift('DELETE', `${encodeURIComponent(name)}/${encodeURIComponent(object.name)}`)
  await swift('DELETE', encodeURIComponent(name))
}

/** The object names of a container (a bucket is one on s3api), sorted as Swift lists them. */
async function listNames(name: string): Promise<string[]> {
  const listing = await swift('GET', `${encodeURIComponent(name)}?format=json`)
  expect(listing.status).toBe(200)
  return ((await listing.json()) as { name: string }[]).map((object) => object.name)
}

interface RunSummary {
  id: string
  state: string
  mode: string
  totals: { objects: number; copied: number; skipped: number; failed: number }
}

/** Waits until main says the run finished, and returns its summary. */
async function finishedRun(page: Page, app: AppServer, id: string): Promise<RunSummary> {
  let last: RunSummary | undefined
  await expect
    .poll(
      async () => {
        last = (await invoke<RunSummary[]>(page, app, 'jobs.list')).find((job) => job.id === id)
        return last?.state
      },
      { timeout: 60_000, intervals: [250, 500, 1000] },
    )
    .toMatch(/^(done|failed|cancelled|interrupted)$/)
  return last!
}

/** The two connections every test here uses: tempauth Swift and the s3api endpoint. */
async function saveProfiles(page: Page, app: AppServer): Promise<void> {
  await invoke(page, app, 'profiles.save', {
    kind: 'swift',
    record: { name: 'Tempauth', auth: { type: 'v1', authUrl: servers.tempauth.authUrl, user: tester.user } },
    secrets: { key: tester.key },
  })
  await invoke(page, app, 'profiles.save', {
    kind: 's3',
    record: {
      name: 'Loopback S3',
      provider: 's3-compatible',
      endpoint: servers.s3.endpoint,
      region: servers.s3.region,
      forcePathStyle: true,
      credentials: { type: 'keys', accessKeyId: servers.s3.accessKeyId },
    },
    secrets: { secretAccessKey: servers.s3.secretAccessKey },
  })
}

const next = (page: Page) => page.getByRole('button', { name: 'Next', exact: true }).click()
/** What the user sees at 1024×700 (a full-page capture would draw the fixed header mid-page). */
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/migration-${name}.png` })

/** Source, containers, destination, bucket and options, as a user fills them in. */
async function walkToPreview(
  page: Page,
  options: { screenshots: boolean; createBucket: boolean },
): Promise<void> {
  if (options.screenshots) {
    // By keyboard: the profile cards are radios, Space picks one, Enter on Next moves on.
    await page.getByRole('radio', { name: /Tempauth/ }).focus()
    await page.keyboard.press('Space')
    await expect(page.getByRole('radio', { name: /Tempauth/ })).toBeChecked()
    await shot(page, '1-source')
    await page.getByRole('button', { name: 'Next', exact: true }).focus()
    await page.keyboard.press('Enter')
  } else {
    await page.getByRole('radio', { name: /Tempauth/ }).click()
    await next(page)
  }

  await page.getByRole('textbox', { name: /Search containers/ }).fill(container)
  const table = page.getByRole('table', { name: 'Containers' })
  // s3api keeps buckets as containers of the same account, so the bucket (`<container>-dst`) turns up
  // in this search too once it exists.
  const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: container, exact: true }) })
  await expect(row).toHaveCount(1)
  // Counts and sizes as the account listing has them; Swift's container-updater fills those in on its
  // own schedule (minutes on the test servers), so only their presence is checked here.
  await expect(row.getByRole('cell').nth(2)).toHaveText(/^\d[\d,]*$/)
  await expect(row.getByRole('cell').nth(3)).toHaveText(/^\d.* (bytes|kB|MB)$/)
  await row.getByRole('checkbox').check()
  await expect(page.getByText('1 container selected')).toBeVisible()
  if (options.screenshots) await shot(page, '2-containers')
  await next(page)

  await page.getByRole('radio', { name: /Loopback S3/ }).click()
  if (options.screenshots) await shot(page, '3-destination')
  await next(page)

  const bucketInput = page.getByRole('combobox', { name: /^Bucket/ })
  await bucketInput.fill(bucket)
  await bucketInput.press('Escape')
  await page.getByRole('button', { name: 'Check', exact: true }).click()
  if (options.createBucket) {
    await page.getByRole('button', { name: `Create bucket "${bucket}"` }).click()
  }
  await expect(page.getByText(/The bucket is there and these keys can use it/)).toBeVisible()
  if (options.screenshots) await shot(page, '4-bucket')
  await next(page)

  await page.getByRole('textbox', { name: /Bandwidth limit/ }).fill('1')
  await page.getByRole('textbox', { name: /Parallel transfers/ }).fill('4')
  if (options.screenshots) {
    await shot(page, '5-options')
    await page.getByRole('switch', { name: /Mirror mode/ }).check()
    await page.getByRole('textbox', { name: /Deletion cap/ }).scrollIntoViewIfNeeded()
    await expect(page.getByText('Mirror mode deletes objects in S3')).toBeVisible()
    await shot(page, '5-options-mirror')
    await page.getByRole('switch', { name: /Mirror mode/ }).uncheck()
  }
  await next(page)
}

test.beforeAll(async () => {
  expect((await swift('PUT', container)).status).toBeLessThan(300)
  for (let i = 0; i < OBJECTS; i++) {
    const body = new Uint8Array(OBJECT_BYTES).fill(i)
    const put = await swift('PUT', `${container}/photos/${String(i).padStart(2, '0')}.jpg`, body)
    expect(put.status).toBe(201)
  }
  const lister = client({ auth: tempauth() })
  await listedInAccount(lister, container)
  await lister.close()
})

test.afterAll(async () => {
  await removeContainer(container)
  await removeContainer(bucket)
  await removeContainer(filteredBucket)
})

test('a first migration: wizard, preview, start; saved, it runs again with nothing to copy', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000)
  const errors = collectPageErrors(page)
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.goto(app.url)

  // First run: nothing saved, the screen says what to set up.
  await expect(page.getByRole('heading', { name: 'Get ready for your first migration' })).toBeVisible()
  await shot(page, '0-first-run')

  await saveProfiles(page, app)
  await page.reload()

  // Both connections there: the wizard.
  await page.getByRole('button', { name: 'New migration' }).click()
  await expect(page.getByRole('heading', { name: 'New migration' })).toBeVisible()
  await next(page)
  await expect(page.getByText('Choose the OpenStack connection to copy from.')).toBeVisible()
  await walkToPreview(page, { screenshots: true, createBucket: true })

  // The dry run's numbers: everything to copy, 1 MB at 1 MB/s.
  await expect(page.getByTestId('plan-copy')).toContainText(`${OBJECTS} objects`, { timeout: 30_000 })
  await expect(page.getByTestId('plan-copy')).toContainText('1.0 MB')
  await expect(page.getByTestId('plan-skip')).toContainText('0 objects')
  await expect(page.getByTestId('plan-delete')).toContainText('0 objects')
  await expect(page.getByTestId('plan-time')).toContainText('About 1 second')
  await shot(page, '6-preview')

  await page.getByRole('button', { name: 'Start migration' }).click()
  await expect(page).toHaveURL(/#\/job\/[^/]+$/)
  const firstId = decodeURIComponent(page.url().split('#/job/')[1]!)
  const first = await finishedRun(page, app, firstId)
  expect(first).toMatchObject({ state: 'done', mode: 'copy' })
  expect(first.totals).toMatchObject({ objects: OBJECTS, copied: OBJECTS, failed: 0 })
  await shot(page, '7-job')

  // The list shows the run; a second pass through the wizard now finds everything in place.
  await page.getByRole('button', { name: 'Migrations' }).click()
  await expect(page.getByRole('button', { name: /: Completed, 100%/ })).toBeVisible()
  await page.getByRole('button', { name: 'New migration' }).click()
  await walkToPreview(page, { screenshots: false, createBucket: false })
  await expect(page.getByTestId('plan-copy')).toContainText('0 objects', { timeout: 30_000 })
  await expect(page.getByTestId('plan-skip')).toContainText(`${OBJECTS} objects`)
  await expect(page.getByTestId('plan-time')).toContainText('Nothing to copy')

  // Saving needs a name.
  await page.getByRole('button', { name: 'Save as job definition' }).click()
  await expect(page.getByText('Give the migration a name to save it.')).toBeVisible()
  await page.getByRole('textbox', { name: /^Name/ }).fill('E2E photos')
  await shot(page, '8-save')
  await page.getByRole('button', { name: 'Save as job definition' }).click()
  await expect(page.getByText('Saved "E2E photos".')).toBeVisible()
  const saved = page.getByTestId('saved-migration').filter({ hasText: 'E2E photos' })
  await expect(saved).toContainText(`Tempauth: ${container} → Loopback S3: ${bucket}`)
  await shot(page, '9-list')

  // Its command line, with the secrets to set.
  await page.getByRole('button', { name: 'More actions for E2E photos' }).click()
  await page.getByRole('menuitem', { name: 'Copy as CLI command' }).click()
  const dialog = page.getByRole('dialog', { name: 'Command line for "E2E photos"' })
  await expect(dialog.getByTestId('cli-command')).toContainText(container)
  await expect(dialog.getByTestId('cli-command')).toContainText(bucket)
  await shot(page, '10-cli-command')
  // The footer's Close (the × in the title bar is named Close too).
  await dialog.getByRole('button', { name: 'Close' }).last().click()

  // Run again from the list: nothing to copy, every object skipped.
  await page.getByRole('button', { name: 'Run E2E photos' }).click()
  await expect(page).toHaveURL(/#\/job\/[^/]+$/)
  const secondId = decodeURIComponent(page.url().split('#/job/')[1]!)
  expect(secondId).not.toBe(firstId)
  const second = await finishedRun(page, app, secondId)
  expect(second).toMatchObject({ state: 'done', mode: 'copy' })
  expect(second.totals).toMatchObject({ objects: OBJECTS, copied: 0, skipped: OBJECTS, failed: 0 })

  await page.getByRole('button', { name: 'Migrations' }).click()
  await page.getByRole('button', { name: 'Switch to dark theme' }).click()
  await expect(page.getByRole('button', { name: /E2E photos: Completed, 100%/ })).toBeVisible()
  await shot(page, '11-list-dark')
  await page.getByRole('button', { name: 'Edit E2E photos' }).click()
  await expect(page.getByRole('heading', { name: 'Edit "E2E photos"' })).toBeVisible()
  await page.getByRole('button', { name: /Options/ }).click()
  await shot(page, '12-edit-dark')

  expect(errors).toEqual([])
})

test('bad options are named and start nothing; prefix, exclude and destination prefix copy exactly what was chosen', async ({
  page,
  app,
}) => {
  test.setTimeout(90_000)
  const errors = collectPageErrors(page)
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.goto(app.url)
  await saveProfiles(page, app)
  await page.goto(`${app.origin}/#/migrations/new`)

  await page.getByRole('radio', { name: /Tempauth/ }).click()
  await next(page)
  await page.getByRole('textbox', { name: /Search containers/ }).fill(container)
  const table = page.getByRole('table', { name: 'Containers' })
  await table
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: container, exact: true }) })
    .getByRole('checkbox')
    .check()
  await next(page)
  await page.getByRole('radio', { name: /Loopback S3/ }).click()
  await next(page)

  // A key prefix typed into the bucket name is named, and the wizard stays on the step.
  const bucketInput = page.getByRole('combobox', { name: /^Bucket/ })
  await bucketInput.fill(`${filteredBucket}/photos`)
  await bucketInput.press('Escape')
  await next(page)
  await expect(
    page.getByText('A bucket name cannot contain "/"; put a key prefix in "Destination prefix".'),
  ).toBeVisible()
  await bucketInput.fill(filteredBucket)
  await bucketInput.press('Escape')
  await page.getByRole('button', { name: 'Check', exact: true }).click()
  await page.getByRole('button', { name: `Create bucket "${filteredBucket}"` }).click()
  await expect(page.getByText(/The bucket is there and these keys can use it/)).toBeVisible()
  await page.getByRole('textbox', { name: /Destination prefix/ }).fill('from-swift/')
  await next(page)

  // Bad options: workers out of range are clamped as typed; the others are named under their field,
  // and Next goes nowhere.
  await page.getByRole('textbox', { name: /Parallel transfers/ }).fill('0')
  await page.getByRole('textbox', { name: /Bandwidth limit/ }).fill('0')
  await expect(page.getByRole('textbox', { name: /Parallel transfers/ })).toHaveValue('1')
  await page.getByRole('switch', { name: /Mirror mode/ }).check()
  await page.getByRole('textbox', { name: /Deletion cap/ }).fill('')
  await next(page)
  await expect(page.getByText('The bandwidth limit must be above 0, or empty for no limit.')).toBeVisible()
  await expect(page.getByText('Enter the deletion cap.')).toBeVisible()
  await expect(page.getByRole('textbox', { name: /Deletion cap/ })).toHaveAttribute('aria-invalid', 'true')
  await page.screenshot({ path: `${SHOTS}/migration-bad-options.png` })
  // Nothing was planned, run or saved, and the bucket is still empty.
  expect(await invoke<unknown[]>(page, app, 'jobs.list')).toEqual([])
  expect((await invoke<{ jobs: unknown[] }>(page, app, 'profiles.list')).jobs).toEqual([])
  expect(await listNames(filteredBucket)).toEqual([])

  await page.getByRole('switch', { name: /Mirror mode/ }).uncheck()
  await page.getByRole('textbox', { name: /Parallel transfers/ }).fill('4')
  await page.getByRole('textbox', { name: /Bandwidth limit/ }).fill('')
  await page.getByRole('textbox', { name: /Only names starting with/ }).fill('photos/1')
  const exclude = page.getByRole('combobox', { name: /^Exclude/ })
  await exclude.fill('**/15.jpg')
  await exclude.press('Enter')
  await next(page)

  // photos/10.jpg … photos/19.jpg without 15: nine objects, previewed then copied under from-swift/.
  await expect(page.getByTestId('plan-copy')).toContainText('9 objects', { timeout: 30_000 })
  await page.getByRole('button', { name: 'Start migration' }).click()
  await expect(page).toHaveURL(/#\/job\/[^/]+$/)
  const id = decodeURIComponent(page.url().split('#/job/')[1]!)
  const done = await finishedRun(page, app, id)
  expect(done).toMatchObject({ state: 'done', mode: 'copy' })
  expect(done.totals).toMatchObject({ objects: 9, copied: 9, failed: 0 })
  const expected = [10, 11, 12, 13, 14, 16, 17, 18, 19].map((i) => `from-swift/photos/${i}.jpg`)
  expect(await listNames(filteredBucket)).toEqual(expected)
  expect(errors).toEqual([])
})
