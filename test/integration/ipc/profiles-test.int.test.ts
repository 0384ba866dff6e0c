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

async function s3Profile(name: string, secretAccessKey: string, region = s3.region): Promise<string> {
  const record = {
    name,
    provider: 's3-compatible',
    endpoint: s3.endpoint,
    region,
    credentials: { type: 'keys', accessKeyId: s3.accessKeyId },
  }
  const saved = valueOf(await ipc.call('profiles.save', { kind: 's3', record, secrets: { secretAccessKey } }))
  return saved.entry.record.id
}

const v1Auth = { type: 'v1', authUrl: servers.tempauth.authUrl, user: 'test:tester' }

function steps(result: { checks: { step: string; status: string }[] }): string[][] {
  return result.checks.map((c) => [c.step, c.status])
}

describe('profiles.test of a Swift profile', () => {
  it('authenticates with tempauth v1, says where the storage URL came from and lists containers', async () => {
    const id = await swiftProfile('Tempauth', v1Auth, { key: TEMPAUTH_KEY })
    const result = valueOf(await ipc.call('profiles.test', { kind: 'swift', id }))
    expect(result).toMatchObject({ kind: 'swift', id, ok: true, storageUrl: servers.tempauth.storageUrl })
    expect(steps(result)).toEqual([
      ['secrets', 'passed'],
      ['authenticate', 'passed'],
      ['catalog', 'passed'],
      ['containers', 'passed'],
    ])
    expect(result.checks[1]?.detail).toBe(
      `The v1 auth at ${servers.tempauth.authUrl} accepted the key for test:tester.`,
    )
    expect(result.checks[2]?.detail).toBe(
      `The storage URL came from the v1 auth answer (X-Storage-Url): ${servers.tempauth.storageUrl}`,
    )
    // The S3 bucket made above is a container of this account: the real GET of the listing shows it.
    expect(result.containerCount).toBeGreaterThanOrEqual(1)
    expect(result.containers?.length).toBeGreaterThanOrEqual(1)
    expect(result.containers?.length).toBeLessThanOrEqual(5)
    expect(result.checks[3]?.detail).toMatch(
      new RegExp(`^The account has ${result.containerCount} containers?[:;] .*"${result.containers?.[0]}"`),
    )
  })

  it('keeps the result with the profile: profiles.list and profiles.get return it', async () => {
    const id = await swiftProfile('Tempauth kept', v1Auth, { key: TEMPAUTH_KEY })
    const result = valueOf(await ipc.call('profiles.test', { kind: 'swift', id }))
    const stored = { at: result.at, ok: true, checks: result.checks }
    expect(result.entry.lastTest).toEqual(stored)
    expect(valueOf(await ipc.call('profiles.get', { kind: 'swift', id }))).toMatchObject({ lastTest: stored })
    const listed = valueOf(await ipc.call('profiles.list')).swift.find((e) => e.record.id === id)
    expect(listed?.lastTest).toEqual(stored)
    expect(listed?.record).not.toHaveProperty('lastTest')
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
    expect(result.entry.lastTest).toMatchObject({ ok: false, checks: result.checks })
  })

  it('drops the stored failure once the key is replaced, and keeps the next result', async () => {
    const id = await swiftProfile('Tempauth fixed', v1Auth, { key: 'not-the-key' })
    expect(valueOf(await ipc.call('profiles.test', { kind: 'swift', id })).entry.lastTest?.ok).toBe(false)
    valueOf(await ipc.call('secrets.set', { profileId: id, field: 'key', value: TEMPAUTH_KEY }))
    expect(valueOf(await ipc.call('profiles.get', { kind: 'swift', id }))).not.toHaveProperty('lastTest')
    expect(valueOf(await ipc.call('profiles.test', { kind: 'swift', id })).entry.lastTest?.ok).toBe(true)
  })

  it('says a pre-authenticated token is not checked on its own and lists containers with it', async () => {
    const id = await swiftProfile(
      'Pre-authenticated wrong',
      { type: 'preauth', storageUrl: servers.tempauth.storageUrl },
      { token: 'AUTH_tk-not-a-real-token' },
    )
    const result = valueOf(await ipc.call('profiles.test', { kind: 'swift', id }))
    expect(steps(result)).toEqual([
      ['secrets', 'passed'],
      ['authenticate', 'skipped'],
      ['catalog', 'passed'],
      ['containers', 'failed'],
    ])
    expect(result.checks[2]?.detail).toBe(
      `The storage URL is the one given with the pre-authenticated token: ${servers.tempauth.storageUrl}`,
    )
    expect(result.checks[3]?.error).toEqual({
      code: 'AUTH',
      message: 'Swift refused the pre-authenticated token for the account (HTTP 401); get a new token.',
    })
  })

  describe.skipIf(servers.keystone === null)('with Keystone', () => {
    const keystone = servers.keystone!
    const appCredential = (region?: string) => ({
      type: 'v3applicationcredential',
      authUrl: keystone.authUrl,
      applicationCredentialId: keystone.applicationCredential.id,
      ...(region !== undefined && { region }),
    })
    const secret = { applicationCredentialSecret: keystone.applicationCredential.secret }

    it('names the catalog endpoint it chose: object-store, interface, region and URL', async () => {
      const id = await swiftProfile('Keystone', appCredential(keystone.region), secret)
      const result = valueOf(await ipc.call('profiles.test', { kind: 'swift', id }))
      expect(result).toMatchObject({ ok: true, storageUrl: keystone.storageUrl })
      expect(steps(result)).toEqual([
        ['secrets', 'passed'],
        ['authenticate', 'passed'],
        ['catalog', 'passed'],
        ['containers', 'passed'],
      ])
      expect(result.checks[1]?.detail).toMatch(
        new RegExp(`^Keystone accepted the application credential at ${keystone.authUrl}/auth/tokens\\.`),
      )
      expect(result.checks[2]?.detail).toMatch(
        new RegExp(`^Catalog service object-store.*, interface public, region ${keystone.region}: `),
      )
      expect(result.checks[2]?.detail).toContain(`: ${keystone.storageUrl}.`)
    })

    it('fails at the catalog step for a region the catalog lacks, naming the regions it offers', async () => {
      const id = await swiftProfile('Keystone elsewhere', appCredential('Atlantis'), secret)
      const result = valueOf(await ipc.call('profiles.test', { kind: 'swift', id }))
      expect(result.ok).toBe(false)
      expect(steps(result)).toEqual([
        ['secrets', 'passed'],
        ['authenticate', 'passed'],
        ['catalog', 'failed'],
      ])
      expect(result.checks[2]?.error).toMatchObject({ code: 'VALIDATION', field: 'region' })
      expect(result.checks[2]?.error?.message).toMatch(
        new RegExp(
          `^No object-store endpoint with interface "public" in region "Atlantis"\\. ` +
            `The catalog offers: .*${keystone.region} \\([a-z, ]*public`,
        ),
      )
      expect(result).not.toHaveProperty('storageUrl')
      expect(result.entry.lastTest?.checks.at(-1)?.step).toBe('catalog')
    })
  })
})

describe('profiles.test of an S3 profile', () => {
  it('lists buckets, checks the bucket and its region against the profile’s', async () => {
    const id = await s3Profile('Loopback S3', s3.secretAccessKey)
    const result = valueOf(await ipc.call('profiles.test', { kind: 's3', id, bucket }))
    expect(result).toMatchObject({ kind: 's3', ok: true, bucket, region: s3.region })
    expect(steps(result)).toEqual([
      ['secrets', 'passed'],
      ['list-buckets', 'passed'],
      ['bucket', 'passed'],
      ['region', 'passed'],
    ])
    expect(result.buckets).toContain(bucket)
    expect(result.checks[2]?.detail).toBe(
      `The bucket "${bucket}" exists and these keys may use it (checked without writing anything).`,
    )
    expect(result.checks[3]?.detail).toBe(
      `The bucket "${bucket}" is in region ${s3.region}, the profile's region.`,
    )
  })

  it('fails on a region the server does not serve, naming both, with or without a bucket', async () => {
    // s3api checks the region of every signature, so the first request (the bucket list) says so.
    const id = await s3Profile('Loopback S3 elsewhere', s3.secretAccessKey, 'eu-west-3')
    for (const input of [
      { kind: 's3', id, bucket },
      { kind: 's3', id },
    ]) {
      const result = valueOf(await ipc.call('profiles.test', input))
      expect(result.ok).toBe(false)
      expect(steps(result)).toEqual([
        ['secrets', 'passed'],
        ['list-buckets', 'failed'],
      ])
      expect(result.checks[1]?.error).toEqual({
        code: 'VALIDATION',
        message: `The S3 server is in region ${s3.region}, not eu-west-3. Set the region to ${s3.region}.`,
        field: 'region',
      })
    }
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

  it('lists the buckets the keys can see and the region requests are signed for', async () => {
    const id = await s3Profile('Loopback S3 list', s3.secretAccessKey)
    const result = valueOf(await ipc.call('profiles.test', { kind: 's3', id }))
    expect(result.ok).toBe(true)
    expect(result).toMatchObject({ region: s3.region })
    expect(result.checks.at(-1)).toMatchObject({ step: 'list-buckets', status: 'passed' })
    expect(result.checks.at(-1)?.detail).toMatch(
      new RegExp(`^These keys see \\d+ buckets?: .* Requests are signed for region ${s3.region}\\.$`),
    )
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
