import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jobInput, s3Input, SWIFT_AUTHS, swiftInput } from '../../core/profiles/test-fixtures'
import { profileSecretRef } from '../../core/profiles'
import { CipherVault } from '../../core/secrets'
import { TestCipher } from '../../core/secrets/test-cipher'
import { ipcHarness, valueOf } from './test-support'

const SWIFT_KEY = 'swift-key-Zx9q'
const S3_SECRET = 's3-secret-Qw7e'
const PASSWORD = 'keystone-pass-Lm3r'

let ipc: ReturnType<typeof ipcHarness>

beforeEach(() => {
  ipc = ipcHarness()
})

afterEach(() => {
  // Whatever a test did, no reply may have carried a secret back to the renderer.
  for (const reply of ipc.replies) {
    for (const secret of [SWIFT_KEY, S3_SECRET, PASSWORD]) expect(reply).not.toContain(secret)
  }
  expect(ipc.internalErrors).toEqual([])
  ipc.cleanup()
})

async function saveSwift(name = 'Loopback', secrets: object = { key: SWIFT_KEY }) {
  return valueOf(
    await ipc.call('profiles.save', { kind: 'swift', record: swiftInput(name, SWIFT_AUTHS.v1), secrets }),
  )
}

async function saveS3(name = 'Archive') {
  return valueOf(
    await ipc.call('profiles.save', {
      kind: 's3',
      record: s3Input(name),
      secrets: { secretAccessKey: S3_SECRET },
    }),
  )
}

describe('profiles.save and profiles.list', () => {
  it('saves a Swift profile, keeps its secret in the vault and lists it with the secret status only', async () => {
    const { entry, notices } = await saveSwift()
    expect(notices).toEqual([])
    expect(entry).toMatchObject({
      kind: 'swift',
      record: { name: 'Loopback', auth: { type: 'v1', key: { secretRef: expect.any(String) } } },
      secrets: [{ field: 'key', label: 'key', status: 'session' }],
    })
    expect(await ipc.vault.get(profileSecretRef(entry.record.id, 'key'))).toBe(SWIFT_KEY)

    const list = valueOf(await ipc.call('profiles.list'))
    expect(list.swift).toEqual([entry])
    expect(list.s3).toEqual([])
    expect(list.jobs).toEqual([])
  })

  it('saves S3 profiles and saved migrations, and gets each by kind and id', async () => {
    const swift = (await saveSwift()).entry
    const s3 = (await saveS3()).entry
    const job = valueOf(
      await ipc.call('profiles.save', { kind: 'job', record: jobInput(swift.record.id, s3.record.id) }),
    ).entry
    expect(s3).toMatchObject({
      kind: 's3',
      secrets: [{ field: 'secretAccessKey', label: 'secret access key', status: 'session' }],
    })
    expect(job).toMatchObject({ kind: 'job', record: { name: 'Nightly media', options: { maxWorkers: 8 } } })
    expect(valueOf(await ipc.call('profiles.get', { kind: 's3', id: s3.record.id }))).toEqual(s3)
    expect(valueOf(await ipc.call('profiles.get', { kind: 'job', id: job.record.id }))).toEqual(job)
  })

  it('keeps the saved secret when an update leaves it out', async () => {
    const { entry } = await saveSwift()
    const updated = valueOf(
      await ipc.call('profiles.save', {
        kind: 'swift',
        record: { ...entry.record, name: 'Renamed' },
      }),
    ).entry
    expect(updated).toMatchObject({ record: { id: entry.record.id, name: 'Renamed' } })
    expect(await ipc.vault.get(profileSecretRef(entry.record.id, 'key'))).toBe(SWIFT_KEY)
  })

  it('clears the secret of an auth kind the profile no longer uses', async () => {
    const { entry } = await saveSwift()
    const { record } = entry
    valueOf(
      await ipc.call('profiles.save', {
        kind: 'swift',
        record: { ...record, auth: SWIFT_AUTHS.password },
        secrets: { password: PASSWORD },
      }),
    )
    expect(await ipc.vault.status(profileSecretRef(record.id, 'key'))).toBe('unset')
    expect(await ipc.vault.get(profileSecretRef(record.id, 'password'))).toBe(PASSWORD)
  })

  it('names the field of a profile the store refuses', async () => {
    const record = { ...swiftInput('x', { ...SWIFT_AUTHS.v1, authUrl: 'not a url' }) }
    const result = await ipc.call('profiles.save', { kind: 'swift', record })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'record.auth.authUrl' } })
  })

  it('refuses a taken name as a CONFLICT on record.name', async () => {
    await saveSwift('Prod')
    const result = await ipc.call('profiles.save', {
      kind: 'swift',
      record: swiftInput('prod', SWIFT_AUTHS.v1),
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'record.name' } })
  })

  it.each([
    ['an unknown kind', { kind: 'ftp', record: {} }, 'kind'],
    ['a record that is not an object', { kind: 'swift', record: 'x' }, 'record'],
    [
      'a secret field no profile has',
      { kind: 'swift', record: swiftInput(), secrets: { pin: '1' } },
      'secrets.pin',
    ],
    [
      'an empty secret',
      { kind: 's3', record: s3Input(), secrets: { secretAccessKey: '' } },
      'secrets.secretAccessKey',
    ],
    ['an unknown top-level field', { kind: 'job', record: {}, secrets: {} }, 'secrets'],
  ])('refuses %s before anything is saved', async (_name, input, field) => {
    const result = await ipc.call('profiles.save', input)
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field } })
    expect(ipc.store.swift.list()).toEqual([])
  })

  it('refuses a secret the auth kind does not take, naming it, and saves nothing', async () => {
    const result = await ipc.call('profiles.save', {
      kind: 'swift',
      record: swiftInput('x', SWIFT_AUTHS.v1),
      secrets: { password: PASSWORD },
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'secrets.password' } })
    expect(ipc.store.swift.list()).toEqual([])
  })

  it('refuses a secret value inside the record, without echoing it', async () => {
    const record = swiftInput('x', { ...SWIFT_AUTHS.v1, key: SWIFT_KEY })
    const result = await ipc.call('profiles.save', { kind: 'swift', record })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'record.auth.key' } })
  })

  it('reports a missing record as NOT_FOUND on id', async () => {
    const result = await ipc.call('profiles.get', { kind: 'swift', id: 'nope' })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id' } })
  })
})

describe('profiles.delete', () => {
  it('removes the profile and clears its secrets', async () => {
    const { entry } = await saveSwift()
    const ref = profileSecretRef(entry.record.id, 'key')
    expect(valueOf(await ipc.call('profiles.delete', { kind: 'swift', id: entry.record.id }))).toEqual({
      kind: 'swift',
      id: entry.record.id,
      name: 'Loopback',
    })
    expect(await ipc.vault.status(ref)).toBe('unset')
    expect(valueOf(await ipc.call('profiles.list')).swift).toEqual([])
  })

  it('refuses to delete a profile a saved migration uses, and keeps its secret', async () => {
    const swift = (await saveSwift()).entry
    const s3 = (await saveS3()).entry
    valueOf(await ipc.call('profiles.save', { kind: 'job', record: jobInput(swift.record.id, s3.record.id) }))
    const result = await ipc.call('profiles.delete', { kind: 's3', id: s3.record.id })
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'id' } })
    expect(await ipc.vault.get(profileSecretRef(s3.record.id, 'secretAccessKey'))).toBe(S3_SECRET)
  })
})

describe('profiles.duplicate', () => {
  it('copies the profile under a new name with its secrets', async () => {
    const original = (await saveSwift()).entry
    const { entry } = valueOf(await ipc.call('profiles.duplicate', { kind: 'swift', id: original.record.id }))
    expect(entry).toMatchObject({ kind: 'swift', record: { name: 'Loopback (copy)' } })
    expect(entry.record.id).not.toBe(original.record.id)
    expect(entry.kind === 'swift' && entry.secrets).toEqual([
      { field: 'key', label: 'key', status: 'session' },
    ])
    expect(await ipc.vault.get(profileSecretRef(entry.record.id, 'key'))).toBe(SWIFT_KEY)
  })

  it('takes a chosen name, and names the field when it is taken', async () => {
    const original = (await saveS3('A')).entry
    await saveS3('B')
    const copy = valueOf(
      await ipc.call('profiles.duplicate', { kind: 's3', id: original.record.id, name: 'C' }),
    )
    expect(copy.entry.record.name).toBe('C')
    const clash = await ipc.call('profiles.duplicate', { kind: 's3', id: original.record.id, name: 'b' })
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'name' } })
  })
})

describe('profiles.save on a Linux desktop without a keyring', () => {
  it('saves the profile, keeps the secret for the session and says so', async () => {
    const cipher = new TestCipher()
    cipher.backendName = 'basic_text'
    const vault = await CipherVault.open(join(ipc.dir, 'secrets.json'), cipher)
    ipc = ipcHarness({ vault })
    const { entry, notices } = await saveSwift()
    expect(entry.kind === 'swift' && entry.secrets[0]?.status).toBe('session')
    expect(notices).toEqual([expect.stringMatching(/session only/)])
  })
})
