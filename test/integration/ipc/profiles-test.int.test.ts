import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ipcHarness, valueOf } from '../../../src-main/ipc/handlers/test-support'
import { createBucket, rawClient, removeBucket } from '../s3/s3-support'
import { servers, unique } from '../support/swift-clients'

/**
 * "Test connection" (profiles.test) through the IPC router against the real loopback servers: tempauth
 * v1 and Keystone on the Swift side, s3api on the S3 side. Each profile is saved and given its secret
 * over IPC, as the renderer would.
 */

const TEMPAUTH_KEY = 'testing'
const s3 = servers.s3
const bucket = unique('ipc-test')
const s3Client = rawClient()

let ipc: ReturnType<typeof ipcHarness>

beforeAll(async () => {
  await createBucket(s3Client, bucket)
  ipc = ipcHarness()
})

afterAll(async () => {
  // No reply to the renderer carried a secret, whatever the test did.
  for (const reply of ipc.replies) {
    for (const secret of [TEMPAUTH_KEY, s3.secretAccessKey, servers.keystone?.applicationCredential.secret]) {
      if (secret) expect(reply).not.toContain(secret)
    }
  }
  ipc.cleanup()
  await removeBucket(s3Client, bucket)
  s3Client.destroy()
})

afterEach(() => expect(ipc.internalErrors).toEqual([]))

async function swiftProfile(name: string, auth: object, secrets: object): Promise<string> {
  const saved = valueOf(await ipc.call('profiles.save', { kind: 'swift', record: { name, auth }, secrets }))
  return saved.entry.record.id
}

async function s3Profile(name: string, secretAccessKey: string): Promise<string> {
  const record = {
    name,
    provider: 's3-compatible',
    endpoint: s3.endpoint,
    region: s3.region,
    credentials: { type: 'keys', accessKeyId: s3.accessKeyId },
  }
  const saved = valueOf(await ipc.call('profiles.save', { kind: 's3', record, secrets: { secretAccessKey } }))
  return saved.entry.record.id
}

const v1Auth = { type: 'v1', authUrl: servers.tempauth.authUrl, user: 'test:tester' }

describe('profiles.test of a Swift profile', () => {
  it('authenticates with tempauth v1 and reports the storage URL and container count', async () => {
    const id = await swiftProfile('Tempauth', v1Auth, { key: TEMPAUTH_KEY })
    const result = valueOf(await ipc.call('profiles.test', { kind: 'swift', id }))
    expect(result).toMatchObject({ kind: 'swift', id, ok: true, storageUrl: servers.tempauth.storageUrl })
    expect(result.containerCount).toEqual(expect.any(Number))
    expect(result.checks.map((c) => [c.step, c.status])).toEqual([
      ['secrets', 'passed'],
      ['authenticate', 'passed'],
      ['account', 'passed'],
    ])
    expect(result.checks[2]?.detail).toMatch(/^The account has \d+ containers?\.$/)
  })

  it('reports a wrong key as AUTH at the authenticate step, with the server URL', async () => {
    const id = await swiftProfile('Tempauth wrong', v1Auth, { key: 'not-the-key' })
    const result = valueOf(await ipc.call('profiles.test', { kind: 'swift', id }))
    expect(result.ok).toBe(false)
    expect(result.checks.at(-1)).toMatchObject({
      step: 'authenticate',
      status: 'failed',
      error: { code: 'AUTH', message: expect.stringContaining(servers.tempauth.authUrl) },
    })
    expect(result).not.toHaveProperty('storageUrl')
  })

  it.skipIf(servers.keystone === null)('authenticates with a Keystone application credential', async () => {
    const keystone = servers.keystone!
    const id = await swiftProfile(
      'Keystone',
      {
        type: 'v3applicationcredential',
        authUrl: keystone.authUrl,
        applicationCredentialId: keystone.applicationCredential.id,
      },
      { applicationCredentialSecret: keystone.applicationCredential.secret },
    )
    const result = valueOf(await ipc.call('profiles.test', { kind: 'swift', id }))
    expect(result).toMatchObject({ ok: true, storageUrl: keystone.storageUrl })
  })
})

describe('profiles.test of an S3 profile', () => {
  it('checks a bucket that exists and says in which region', async () => {
    const id = await s3Profile('Loopback S3', s3.secretAccessKey)
    const result = valueOf(await ipc.call('profiles.test', { kind: 's3', id, bucket }))
    expect(result).toMatchObject({ kind: 's3', ok: true, bucket, region: s3.region })
    expect(result.checks.map((c) => [c.step, c.status])).toEqual([
      ['secrets', 'passed'],
      ['bucket', 'passed'],
    ])
  })

  it('reports a missing bucket as NOT_FOUND on `bucket`', async () => {
    const id = await s3Profile('Loopback S3 missing', s3.secretAccessKey)
    const result = valueOf(await ipc.call('profiles.test', { kind: 's3', id, bucket: unique('ipc-none') }))
    expect(result.ok).toBe(false)
    expect(result.checks.at(-1)).toMatchObject({
      step: 'bucket',
      status: 'failed',
      error: { code: 'NOT_FOUND', field: 'bucket' },
    })
  })

  it('lists the buckets the keys can see when no bucket is given', async () => {
    const id = await s3Profile('Loopback S3 list', s3.secretAccessKey)
    const result = valueOf(await ipc.call('profiles.test', { kind: 's3', id }))
    expect(result.ok).toBe(true)
    expect(result.checks.at(-1)).toMatchObject({ step: 'list-buckets', status: 'passed' })
    expect(result.buckets).toContain(bucket)
  })

  it('reports a wrong secret key as AUTH on credentials, with or without a bucket', async () => {
    const id = await s3Profile('Loopback S3 wrong', 'not-the-secret')
    for (const input of [
      { kind: 's3', id, bucket },
      { kind: 's3', id },
    ]) {
      const result = valueOf(await ipc.call('profiles.test', input))
      expect(result.ok).toBe(false)
      expect(result.checks.at(-1)).toMatchObject({
        status: 'failed',
        error: { code: 'AUTH', field: 'credentials' },
      })
    }
  })
})
