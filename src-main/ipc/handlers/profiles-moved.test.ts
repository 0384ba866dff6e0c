import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SwiftEntry } from '../../../src-preload/contract/profiles'
import { profileSecretRef, type SwiftProfile } from '../../core/profiles'
import { s3Input, SWIFT_AUTHS, swiftInput } from '../../core/profiles/test-fixtures'
import { ipcHarness, valueOf } from './test-support'

/**
 * A saved profile that is pointed at another server loses its stored secret unless a new one comes
 * with the save: otherwise a page allowed to edit profiles could aim one at its own host and have
 * profiles.test send the secret there.
 */

const SECRET = 'keystone-pass-Lm3r'
const NEW_SECRET = 'new-pass-Qq8w'

let ipc: ReturnType<typeof ipcHarness>

beforeEach(() => {
  ipc = ipcHarness()
})

afterEach(() => {
  for (const reply of ipc.replies)
    for (const secret of [SECRET, NEW_SECRET]) expect(reply).not.toContain(secret)
  expect(ipc.internalErrors).toEqual([])
  ipc.cleanup()
})

async function savedSwift(name = 'Prod') {
  const { entry } = valueOf(
    await ipc.call('profiles.save', {
      kind: 'swift',
      record: swiftInput(name, SWIFT_AUTHS.password),
      secrets: { password: SECRET },
    }),
  )
  const record = entry.record as SwiftProfile
  return { record, ref: profileSecretRef(record.id, 'password') }
}

async function resave(record: object, secrets?: object) {
  const saved = valueOf(
    await ipc.call('profiles.save', { kind: 'swift', record, ...(secrets && { secrets }) }),
  )
  return { entry: saved.entry as SwiftEntry, notices: saved.notices }
}

describe('profiles.save of a profile pointed elsewhere', () => {
  it('clears the stored secret when the auth URL moves to another host, and says so', async () => {
    const { record, ref } = await savedSwift()
    const moved = { ...record, auth: { ...record.auth, authUrl: 'https://attacker.example/v3' } }

    const { entry, notices } = await resave(moved)

    expect(await ipc.vault.get(ref)).toBeUndefined()
    expect(entry.secrets).toEqual([expect.objectContaining({ field: 'password', status: 'unset' })])
    expect(notices).toEqual([
      'The auth URL now points to another server, so the saved password was removed rather than sent there. Enter it again to use this profile.',
    ])
  })

  it('counts the port and the scheme as another server too', async () => {
    for (const authUrl of ['https://keystone.example.com:5001/v3', 'http://keystone.example.com:5000/v3']) {
      const { record, ref } = await savedSwift(authUrl)
      await resave({ ...record, auth: { ...record.auth, authUrl } })
      expect(await ipc.vault.get(ref)).toBeUndefined()
    }
  })

  it('keeps the secret for a new path on the same server, or another name', async () => {
    const { record, ref } = await savedSwift()
    const { notices } = await resave({
      ...record,
      name: 'Renamed',
      auth: { ...record.auth, authUrl: 'https://keystone.example.com:5000/identity/v3' },
    })
    expect(notices).toEqual([])
    expect(await ipc.vault.get(ref)).toBe(SECRET)
  })

  it('stores the new secret given with the move, and clears nothing', async () => {
    const { record, ref } = await savedSwift()
    const moved = { ...record, auth: { ...record.auth, authUrl: 'https://keystone.other.example/v3' } }
    const { notices } = await resave(moved, { password: NEW_SECRET })
    expect(notices).toEqual([])
    expect(await ipc.vault.get(ref)).toBe(NEW_SECRET)
  })

  it('clears it when a storage URL override sends the token to another host', async () => {
    const { record, ref } = await savedSwift()
    await resave({
      ...record,
      auth: { ...record.auth, storageUrl: 'https://files.attacker.example/v1/AUTH_x' },
    })
    expect(await ipc.vault.get(ref)).toBeUndefined()
  })

  it('clears an S3 secret key when the endpoint moves', async () => {
    const { entry } = valueOf(
      await ipc.call('profiles.save', {
        kind: 's3',
        record: s3Input('Archive', { provider: 's3-compatible', endpoint: 'https://minio.example:9000' }),
        secrets: { secretAccessKey: SECRET },
      }),
    )
    const ref = profileSecretRef(entry.record.id, 'secretAccessKey')
    const same = valueOf(
      await ipc.call('profiles.save', { kind: 's3', record: { ...entry.record, name: 'Same' } }),
    )
    expect(same.notices).toEqual([])
    expect(await ipc.vault.get(ref)).toBe(SECRET)

    const moved = valueOf(
      await ipc.call('profiles.save', {
        kind: 's3',
        record: { ...entry.record, endpoint: 'https://minio.attacker.example:9000' },
      }),
    )
    expect(moved.notices).toEqual([expect.stringContaining('The endpoint now points to another server')])
    expect(await ipc.vault.get(ref)).toBeUndefined()
  })
})
