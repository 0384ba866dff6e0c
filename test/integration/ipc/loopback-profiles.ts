import { valueOf, type ipcHarness } from '../../../src-main/ipc/handlers/test-support'
import { servers } from '../support/swift-clients'

/**
 * A tempauth Swift profile and an S3 profile for the loopback servers, saved in a harness's store with
 * their secrets set through the secrets channel, as the Profiles screen does.
 */
export async function saveLoopbackProfiles(
  ipc: ReturnType<typeof ipcHarness>,
): Promise<{ swiftId: string; s3Id: string }> {
  const swiftId = ipc.store.swift.save({
    name: 'Tempauth',
    auth: { type: 'v1', authUrl: servers.tempauth.authUrl, user: 'test:tester' },
  }).id
  const s3Id = ipc.store.s3.save({
    name: 'Loopback S3',
    provider: 's3-compatible',
    endpoint: servers.s3.endpoint,
    region: servers.s3.region,
    credentials: { type: 'keys', accessKeyId: servers.s3.accessKeyId },
  }).id
  valueOf(await ipc.call('secrets.set', { profileId: swiftId, field: 'key', value: 'testing' }))
  valueOf(
    await ipc.call('secrets.set', {
      profileId: s3Id,
      field: 'secretAccessKey',
      value: servers.s3.secretAccessKey,
    }),
  )
  return { swiftId, s3Id }
}
