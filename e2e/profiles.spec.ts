import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { loadServers, requireKeystone } from '../test/integration/servers-env'
import { collectPageErrors, expect, test, type AppServer } from './fixtures'

/**
 * The Profiles screen in Chromium through browser mode, against the real Keystone, Swift and s3api
 * servers: what an operator does on a first run, and what a wrong value looks like.
 */

const SHOTS = 'test-results/screenshots'
mkdirSync(SHOTS, { recursive: true })

const servers = loadServers()
const keystone = requireKeystone(servers)

// Browser mode reads ~/.aws through these variables; the fixture starts it with this process's env.
const awsDir = mkdtempSync(join(tmpdir(), 'profiles-e2e-aws-'))
writeFileSync(
  join(awsDir, 'config'),
  `[profile e2e-tempauth]\nregion = ${servers.s3.region}\nendpoint_url = ${servers.s3.endpoint}\n`,
)
writeFileSync(
  join(awsDir, 'credentials'),
  `[e2e-tempauth]\naws_access_key_id = ${servers.s3.accessKeyId}\naws_secret_access_key = ${servers.s3.secretAccessKey}\n`,
)
process.env['AWS_CONFIG_FILE'] = join(awsDir, 'config')
process.env['AWS_SHARED_CREDENTIALS_FILE'] = join(awsDir, 'credentials')

/** Calls a channel over the page's own origin, as the renderer does, and returns the envelope. */
async function invoke(page: Page, app: AppServer, channel: string, input?: unknown): Promise<unknown> {
  const url = `${app.origin.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(app.token)}`
  return page.evaluate(
    ({ url, channel, input }) =>
      new Promise((resolve, reject) => {
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
  )
}

async function savedNames(page: Page, app: AppServer): Promise<{ swift: string[]; s3: string[] }> {
  const result = (await invoke(page, app, 'profiles.list')) as {
    ok: boolean
    value: { swift: { record: { name: string } }[]; s3: { record: { name: string } }[] }
  }
  expect(result.ok).toBe(true)
  return {
    swift: result.value.swift.map((entry) => entry.record.name),
    s3: result.value.s3.map((entry) => entry.record.name),
  }
}

/** Saves test-results/screenshots/profiles-<name>.png with transitions finished (modals fade in). */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/profiles-${name}.png`, animations: 'disabled' })
}

/**
 * The error under an input. Checked through the input's accessible description (aria-describedby), so
 * it is also what a screen reader says with the field.
 */
async function expectError(page: Page, label: string, text: string): Promise<void> {
  await expect(field(page, label)).toHaveAccessibleDescription(new RegExp(escape(text)))
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The input labelled exactly `label` (a required one's label ends in " *"). */
function field(page: Page, label: string): Locator {
  return page.getByLabel(new RegExp(`^${escape(label)}( \\*)?$`))
}

async function openProfiles(page: Page, app: AppServer): Promise<void> {
  await page.goto(app.url)
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Profiles' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Profiles' })).toBeVisible()
}

test('create a Swift profile with an application credential and an S3 profile, and test both', async ({
  page,
  app,
}) => {
  const errors = collectPageErrors(page)
  await page.setViewportSize({ width: 1024, height: 700 })
  await openProfiles(page, app)
  // Browser mode without a vault key: the page says secrets live in memory only.
  await expect(page.getByTestId('vault-notice')).toContainText('Browser mode: secrets kept in memory only')
  await shot(page, 'empty')

  await page.getByRole('button', { name: 'Add your OpenStack connection' }).click()
  await expect(page.getByRole('heading', { name: 'New OpenStack connection' })).toBeVisible()
  await field(page, 'Profile name').fill('Keystone demo')
  await expect(field(page, 'Authentication')).toHaveValue('v3applicationcredential')
  await field(page, 'Keystone URL').fill(keystone.authUrl)
  await field(page, 'Application credential ID').fill(keystone.applicationCredential.id)
  await field(page, 'Application credential secret').fill(keystone.applicationCredential.secret)
  await field(page, 'Region').fill(keystone.region)
  await shot(page, 'swift-form')

  await page.getByRole('button', { name: 'Save and test' }).click()
  await expect(page.getByRole('heading', { name: 'Edit Keystone demo' })).toBeVisible()
  await expect(page.getByTestId('connection-verdict')).toHaveText('Connection works', { timeout: 30_000 })
  await expect(page.getByTestId('check-authenticate')).toHaveAttribute('data-status', 'passed')
  await expect(page.getByTestId('check-catalog')).toContainText(keystone.storageUrl)
  await expect(page.getByTestId('check-containers')).toContainText(/The account has \d+ container/)
  // The secret is never shown again, only that it is there (for this session: no vault key).
  await expect(page.getByText('Set for this session')).toBeVisible()
  await expect(page.locator('input[type="password"]')).toHaveCount(0)
  await page.getByTestId('connection-verdict').scrollIntoViewIfNeeded()
  await shot(page, 'swift-tested')

  await page.getByRole('button', { name: 'All profiles' }).click()
  await page.getByRole('button', { name: 'Add your S3 destination' }).click()
  await expect(page.getByRole('heading', { name: 'New S3 destination' })).toBeVisible()
  await field(page, 'Profile name').fill('Local s3api')
  await page.getByText('S3-compatible (Ceph, MinIO, Swift s3api…)').click()
  await field(page, 'Endpoint').fill(servers.s3.endpoint)
  await field(page, 'Region').fill(servers.s3.region)
  await page.getByRole('switch', { name: /^Path-style addressing/ }).check()
  await field(page, 'Access key ID').fill(servers.s3.accessKeyId)
  await field(page, 'Secret access key').fill(servers.s3.secretAccessKey)
  await shot(page, 's3-form')
  await page.getByRole('button', { name: 'Save and test' }).click()
  await expect(page.getByTestId('connection-verdict')).toHaveText('Connection works', { timeout: 30_000 })
  await expect(page.getByTestId('check-list-buckets')).toContainText(/These keys see \d+ bucket/)

  await page.getByRole('button', { name: 'All profiles' }).click()
  const swiftRow = page.getByTestId('profile-row-Keystone demo')
  const s3Row = page.getByTestId('profile-row-Local s3api')
  await expect(swiftRow).toContainText('Application credential')
  await expect(swiftRow).toContainText(keystone.authUrl)
  await expect(swiftRow).toContainText('Worked')
  await expect(s3Row).toContainText('S3-compatible · access keys')
  await expect(s3Row).toContainText('Worked')

  // Test again from the list; the details open under the row.
  await page.getByRole('button', { name: 'Test connection of Keystone demo' }).click()
  await expect(page.getByTestId('connection-verdict')).toHaveText('Connection works', { timeout: 30_000 })
  await expect(page.getByTestId('check-containers')).toHaveAttribute('data-status', 'passed')
  await shot(page, 'list')
  await page.getByRole('button', { name: 'Switch to dark theme' }).click()
  await shot(page, 'list-dark')
  await page.getByRole('button', { name: 'Edit Local s3api' }).click()
  await page.getByRole('button', { name: 'Advanced connection settings' }).click()
  await field(page, 'Skip TLS certificate checks (insecure)').check()
  await expect(page.getByText('Certificate checks are off')).toBeVisible()
  await page.getByText('Certificate checks are off').scrollIntoViewIfNeeded()
  await shot(page, 's3-edit-dark')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await page.getByRole('button', { name: 'Switch to light theme' }).click()

  // Duplicate, then delete the copy after confirming.
  await page.getByRole('button', { name: 'Duplicate Local s3api' }).click()
  await expect(page.getByTestId('profile-row-Local s3api (copy)')).toBeVisible()
  await page.getByRole('button', { name: 'Delete Local s3api (copy)' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete this profile?' })
  await expect(dialog).toContainText('“Local s3api (copy)”')
  await shot(page, 'delete-confirm')
  await dialog.getByRole('button', { name: 'Delete profile' }).click()
  await expect(page.getByTestId('profile-row-Local s3api (copy)')).toHaveCount(0)
  expect(await savedNames(page, app)).toEqual({ swift: ['Keystone demo'], s3: ['Local s3api'] })
  expect(errors).toEqual([])
})

test('bad values in every form show their field errors and save nothing', async ({ page, app }) => {
  const errors = collectPageErrors(page)
  await openProfiles(page, app)
  await page.getByRole('button', { name: 'Add your OpenStack connection' }).click()
  const save = page.getByRole('button', { name: 'Save profile' })

  // Application credential by ID: nothing filled in, a URL without a scheme.
  await field(page, 'Keystone URL').fill('keystone.example.com/v3')
  await save.click()
  await expectError(page, 'Profile name', 'Give the profile a name')
  await expectError(page, 'Keystone URL', 'Must be a URL')
  await expectError(page, 'Application credential ID', 'Enter the application credential ID')
  await expect(field(page, 'Profile name')).toBeFocused()
  await shot(page, 'swift-errors')

  // By name: the owner is needed too.
  await field(page, 'Profile name').fill('Broken')
  await field(page, 'Keystone URL').fill('https://keystone.example.com:5000/v3')
  await page.getByText('Name and owner').click()
  await field(page, 'User domain name').fill('')
  await save.click()
  await expectError(page, 'Application credential name', 'Enter the credential’s name')
  await expectError(page, 'User name', 'Enter the OpenStack user name')
  await expectError(page, 'User domain name', 'Enter the user’s domain')

  // Password: the project is needed.
  await field(page, 'Authentication').selectOption('v3password')
  await field(page, 'User name').fill('demo')
  await field(page, 'User domain name').fill('Default')
  await field(page, 'Project domain name').fill('')
  await save.click()
  await expectError(page, 'Project name', 'Enter the project')
  await expectError(page, 'Project domain name', 'Enter the project’s domain')

  // v1: the user; and an advanced setting with a problem opens its section.
  await field(page, 'Authentication').selectOption('v1')
  await field(page, 'Auth URL').fill('ftp://swift.example.com/auth/v1.0')
  await page.getByRole('button', { name: 'Advanced connection settings' }).click()
  await field(page, 'Proxy URL').fill('http://user:secret@proxy:3128')
  await field(page, 'CA bundle (PEM)').fill('not a certificate')
  await page.getByRole('button', { name: 'Advanced connection settings' }).click()
  await save.click()
  await expectError(page, 'Auth URL', 'Must start with http:// or https://')
  await expectError(page, 'User', 'Enter the user')
  await expectError(page, 'Proxy URL', 'Must not contain a user name or password')
  await expectError(page, 'CA bundle (PEM)', '-----BEGIN CERTIFICATE-----')

  // Pre-authenticated: the storage URL.
  await field(page, 'Authentication').selectOption('preauth')
  await save.click()
  await expectError(page, 'Storage URL', 'Enter the storage URL')
  expect(await savedNames(page, app)).toEqual({ swift: [], s3: [] })

  // S3: an S3-compatible server without an endpoint, a key id with a space, a lowercase storage class.
  await page.getByRole('button', { name: 'All profiles' }).click()
  await page.getByRole('button', { name: 'Add your S3 destination' }).click()
  await page.getByText('S3-compatible (Ceph, MinIO, Swift s3api…)').click()
  await field(page, 'Access key ID').fill('AKIA EXAMPLE')
  await page.getByRole('button', { name: 'Advanced connection settings' }).click()
  await field(page, 'Storage class').fill('standard')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expectError(page, 'Profile name', 'Give the profile a name')
  await expectError(page, 'Endpoint', 'Enter the endpoint')
  await expectError(page, 'Access key ID', 'Must not contain spaces')
  await expectError(page, 'Storage class', 'STANDARD_IA')
  await field(page, 'Credentials').selectOption('aws-profile')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expectError(page, 'AWS profile name', 'Enter the name of a profile')
  await shot(page, 's3-errors')

  // A name main refuses: taken by another S3 profile. Main's CONFLICT lands on the name input.
  await field(page, 'Credentials').selectOption('keys')
  await field(page, 'Profile name').fill('Local')
  await field(page, 'Endpoint').fill(servers.s3.endpoint)
  await field(page, 'Access key ID').fill(servers.s3.accessKeyId)
  await field(page, 'Storage class').fill('')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('heading', { name: 'Edit Local' })).toBeVisible()
  await page.getByRole('button', { name: 'All profiles' }).click()
  await page
    .getByRole('region', { name: 'S3 destinations' })
    .getByRole('button', { name: 'Add', exact: true })
    .click()
  await field(page, 'Profile name').fill('local')
  await field(page, 'Access key ID').fill('AKIAEXAMPLE')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expectError(page, 'Profile name', 'already exists; choose another name')
  expect(await savedNames(page, app)).toEqual({ swift: [], s3: ['Local'] })

  await page.getByRole('button', { name: 'All profiles' }).click()
  await expect(page.getByRole('button', { name: 'Add your OpenStack connection' })).toBeVisible()
  expect(errors).toEqual([])
})

test('import an openrc file and a clouds.yaml entry, then test the imported profile', async ({
  page,
  app,
}) => {
  const errors = collectPageErrors(page)
  const dir = mkdtempSync(join(tmpdir(), 'profiles-e2e-import-'))
  const openrc = join(dir, 'demo-openrc.sh')
  writeFileSync(
    openrc,
    [
      '#!/usr/bin/env bash',
      `export OS_AUTH_URL=${keystone.authUrl}`,
      'export OS_AUTH_TYPE=v3applicationcredential',
      `export OS_APPLICATION_CREDENTIAL_ID=${keystone.applicationCredential.id}`,
      `export OS_APPLICATION_CREDENTIAL_SECRET=${keystone.applicationCredential.secret}`,
      `export OS_REGION_NAME=${keystone.region}`,
      'export OS_INTERFACE=public',
      '',
    ].join('\n'),
  )
  await openProfiles(page, app)
  await page.getByRole('button', { name: 'Import' }).click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('menuitem', { name: 'An openrc file…' }).click()
  await (await chooser).setFiles(openrc)

  await expect(page.getByRole('heading', { name: 'New OpenStack connection' })).toBeVisible()
  await expect(page.getByText(/Imported from/)).toBeVisible()
  await expect(field(page, 'Keystone URL')).toHaveValue(keystone.authUrl)
  await expect(field(page, 'Application credential ID')).toHaveValue(keystone.applicationCredential.id)
  await expect(field(page, 'Region')).toHaveValue(keystone.region)
  await expect(page.getByText('Found in the imported file')).toBeVisible()
  // The secret never reaches the page: only that the file had one.
  expect(await page.content()).not.toContain(keystone.applicationCredential.secret)
  await shot(page, 'import-openrc')
  await field(page, 'Profile name').fill('Imported demo')
  await page.getByRole('button', { name: 'Save and test' }).click()
  await expect(page.getByTestId('connection-verdict')).toHaveText('Connection works', { timeout: 30_000 })
  await expect(page.getByText('Set for this session')).toBeVisible()

  // clouds.yaml with two clouds: the form asks which one.
  const clouds = join(dir, 'clouds.yaml')
  writeFileSync(
    clouds,
    [
      'clouds:',
      '  other:',
      '    auth:',
      '      auth_url: https://keystone.example.com:5000/v3',
      '      application_credential_id: abc',
      '      application_credential_secret: xyz',
      '    auth_type: v3applicationcredential',
      '  demo:',
      '    auth:',
      `      auth_url: ${keystone.authUrl}`,
      `      application_credential_id: ${keystone.applicationCredential.id}`,
      `      application_credential_secret: ${keystone.applicationCredential.secret}`,
      `    region_name: ${keystone.region}`,
      '    auth_type: v3applicationcredential',
      '',
    ].join('\n'),
  )
  await page.getByRole('button', { name: 'All profiles' }).click()
  await page
    .getByRole('region', { name: 'OpenStack Swift sources' })
    .getByRole('button', { name: 'Add', exact: true })
    .click()
  await page.getByRole('button', { name: 'Import' }).click()
  const yamlChooser = page.waitForEvent('filechooser')
  await page.getByRole('menuitem', { name: 'A clouds.yaml file…' }).click()
  await (await yamlChooser).setFiles(clouds)
  const which = page.getByRole('dialog', { name: 'Which cloud?' })
  await expect(which).toContainText('defines 2 clouds')
  await which.getByLabel('demo').check()
  await shot(page, 'import-choose-cloud')
  await which.getByRole('button', { name: 'Import demo' }).click()
  await expect(field(page, 'Profile name')).toHaveValue('demo')
  await expect(field(page, 'Application credential ID')).toHaveValue(keystone.applicationCredential.id)
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('heading', { name: 'Edit demo' })).toBeVisible()
  expect((await savedNames(page, app)).swift).toEqual(['demo', 'Imported demo'])
  expect(errors).toEqual([])
})

test('an AWS profile from ~/.aws fills an S3 destination that tests with the profile’s keys', async ({
  page,
  app,
}) => {
  const errors = collectPageErrors(page)
  await openProfiles(page, app)
  await page.getByRole('button', { name: 'From an AWS profile…' }).click()
  const picker = page.getByRole('dialog', { name: 'Use an AWS profile' })
  await expect(picker).toContainText('e2e-tempauth')
  await expect(picker).toContainText(servers.s3.endpoint)
  await shot(page, 'aws-picker')
  await picker.getByRole('button', { name: 'Use this profile' }).click()

  await expect(page.getByRole('heading', { name: 'New S3 destination' })).toBeVisible()
  await expect(field(page, 'Profile name')).toHaveValue('AWS e2e-tempauth')
  await expect(field(page, 'Endpoint')).toHaveValue(servers.s3.endpoint)
  await expect(field(page, 'Region')).toHaveValue(servers.s3.region)
  await expect(field(page, 'Credentials')).toHaveValue('aws-profile')
  await expect(field(page, 'AWS profile name')).toHaveValue('e2e-tempauth')
  await page.getByRole('switch', { name: /^Path-style addressing/ }).check()
  await page.getByRole('button', { name: 'Save and test' }).click()
  await expect(page.getByTestId('connection-verdict')).toHaveText('Connection works', { timeout: 30_000 })
  await page.getByRole('button', { name: 'All profiles' }).click()
  await expect(page.getByTestId('profile-row-AWS e2e-tempauth')).toContainText('AWS profile e2e-tempauth')
  expect(errors).toEqual([])
})
