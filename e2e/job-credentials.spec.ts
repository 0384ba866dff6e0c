import { randomBytes } from 'node:crypto'
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
 * Keys that expire mid-run, answered from the profile rather than typed: the operator replaces the S3
 * secret on the Profiles screen (here through the same channel, `secrets.set`) and presses "Use the
 * profile's current keys" in the modal; main reads the profile again and the run completes. The fault
 * proxy on 127.0.0.1:18082 serves the same buckets with its own user list, which this test re-keys.
 */

test('keys that expire mid-run: the profile’s replaced secret is taken from the modal and the run completes', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000)
  const errors = collectPageErrors(page)
  const [source, target] = await Promise.all([
    seedContainer('e2e-cred-reload-src', OBJECTS, MB),
    freshBucket('e2e-cred-reload-dst'),
  ])
  const newKey = `rotated-${randomBytes(4).toString('hex')}`
  let rekeyed = false
  try {
    await page.goto(app.url)
    const definitionId = await saveMigration(page, app, {
      name: 'Keys from the profile',
      container: source.container,
      bucket: target.bucket,
      bandwidthLimitMb: 2,
      s3Endpoint: servers.fault.s3.endpoint,
    })
    const saved = await invoke<{ record: { target: { profileId: string } } }>(page, app, 'profiles.get', {
      kind: 'job',
      id: definitionId,
    })
    const s3ProfileId = saved.record.target.profileId

    await startAndOpen(page, app, definitionId)
    await expect.poll(() => bytesDone(page), { timeout: 30_000 }).toBeGreaterThan(2 * MB)

    rekeyed = true
    await testServers('set-tempauth-key', 'test:tester', newKey)

    const dialog = page.getByRole('dialog', { name: 'New S3 credentials needed' })
    await expect(dialog).toBeVisible({ timeout: 60_000 })
    await expect(page.getByTestId('job-state')).toHaveText('Waiting for credentials')
    const useProfile = dialog.getByRole('button', { name: 'Use the profile’s current keys' })
    await expect(useProfile).toBeVisible()

    // The operator replaces the secret on the Profiles screen, as that screen does it.
    await invoke(page, app, 'secrets.set', {
      profileId: s3ProfileId,
      field: 'secretAccessKey',
      value: newKey,
    })
    await page.screenshot({ path: `${SHOTS}/job-credentials-from-profile.png` })

    await useProfile.click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('job-state')).not.toHaveText('Waiting for credentials', {
      timeout: 30_000,
    })

    // Lift the limit so the rest goes quickly; the profile's new keys carry the run to the end.
    await finishUnlimitedAndVerified(page, OBJECTS)
    await page.screenshot({ path: `${SHOTS}/job-after-profile-keys.png`, fullPage: true })
    expect(errors).toEqual([])
  } finally {
    if (rekeyed) await testServers('set-tempauth-key', 'test:tester', servers.fault.s3.secretAccessKey)
    await Promise.all([source.remove(), target.remove()])
  }
})
