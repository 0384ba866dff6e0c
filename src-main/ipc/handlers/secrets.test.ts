import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { profileSecretRef } from '../../core/profiles'
import { s3Input, SWIFT_AUTHS, swiftInput } from '../../core/profiles/test-fixtures'
import { createRouter } from '../router'
import { ipcHarness, noJobs, tempHandlers, valueOf } from './test-support'
import { createHandlers } from '.'
import { testAppInfo } from '../../../test/fixtures/app-info'
import { MemoryVault } from '../../core/secrets'

const SECRET = 'app-cred-Jk8w'

let ipc: ReturnType<typeof ipcHarness>
let profileId: string

beforeEach(() => {
  ipc = ipcHarness()
  profileId = ipc.store.swift.save(swiftInput('Prod', SWIFT_AUTHS.appCredentialById)).id
})

afterEach(() => {
  for (const reply of ipc.replies) expect(reply).not.toContain(SECRET)
  ipc.cleanup()
})

describe('secrets channels', () => {
  it('stores a secret and answers with its status only', async () => {
    const result = valueOf(
      await ipc.call('secrets.set', { profileId, field: 'applicationCredentialSecret', value: SECRET }),
    )
    expect(result).toEqual({
      profileId,
      field: 'applicationCredentialSecret',
      label: 'application credential secret',
      status: 'session',
    })
    expect(await ipc.vault.get(profileSecretRef(profileId, 'applicationCredentialSecret'))).toBe(SECRET)
    expect(valueOf(await ipc.call('secrets.status', { profileId }))).toEqual({
      profileId,
      secrets: [
        { field: 'applicationCredentialSecret', label: 'application credential secret', status: 'session' },
      ],
    })
  })

  it('clears a secret', async () => {
    await ipc.call('secrets.set', { profileId, field: 'applicationCredentialSecret', value: SECRET })
    const cleared = valueOf(
      await ipc.call('secrets.clear', { profileId, field: 'applicationCredentialSecret' }),
    )
    expect(cleared.status).toBe('unset')
    expect(await ipc.vault.get(profileSecretRef(profileId, 'applicationCredentialSecret'))).toBeUndefined()
  })

  it('refuses a field the profile does not have, naming `field`', async () => {
    const result = await ipc.call('secrets.set', { profileId, field: 'password', value: SECRET })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'field' } })
    expect(await ipc.vault.status(profileSecretRef(profileId, 'password'))).toBe('unset')
  })

  it('refuses an S3 profile without keys any secret', async () => {
    const id = ipc.store.s3.save(s3Input('Chain', { credentials: { type: 'default-chain' } })).id
    const result = await ipc.call('secrets.set', { profileId: id, field: 'secretAccessKey', value: SECRET })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'field' } })
  })

  it('refuses an unknown profile, a field outside the contract and a raw vault reference', async () => {
    expect(await ipc.call('secrets.set', { profileId: 'nope', field: 'token', value: SECRET })).toMatchObject(
      { ok: false, error: { code: 'NOT_FOUND', field: 'profileId' } },
    )
    expect(await ipc.call('secrets.set', { profileId, field: 'sshKey', value: SECRET })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'field' },
    })
    expect(
      await ipc.call('secrets.set', { profileId, field: 'token', value: SECRET, ref: 'job:x:token' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'ref' } })
  })

  it('has no channel that reads a secret back', async () => {
    for (const channel of ['secrets.get', 'secrets.read', 'secrets.reveal']) {
      expect(await ipc.call(channel as 'secrets.status', { profileId })).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL' },
      })
    }
  })
})

describe('secrets.backend', () => {
  it('says which vault is in use and whether it keeps secrets', async () => {
    expect(valueOf(await ipc.call('secrets.backend'))).toEqual({
      kind: 'memory',
      persistent: false,
      secure: true,
    })
  })

  it('says why the usual vault could not be opened', async () => {
    const { store, cleanup } = tempHandlers()
    const router = createRouter(
      createHandlers({
        info: testAppInfo(),
        profiles: () => store,
        vault: new MemoryVault(),
        jobs: noJobs,
        vaultProblem: 'Secrets are kept for this session only: the file is damaged.',
      }),
    )
    expect(await router.dispatch('secrets.backend', undefined)).toMatchObject({
      ok: true,
      value: { kind: 'memory', problem: expect.stringContaining('damaged') },
    })
    cleanup()
  })
})
