import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { profileSecretRef } from '../../core/profiles'
import { s3Input, SWIFT_AUTHS, swiftInput } from '../../core/profiles/test-fixtures'
import { createRouter } from '../router'
import { ipcHarness, noJobs, tempHandlers, valueOf, tempSettings } from './test-support'
import { createHandlers } from '.'
import { testAppInfo } from '../../../test/fixtures/app-info'
import { CipherVault, MemoryVault } from '../../core/secrets'
import { TestCipher } from '../../core/secrets/test-cipher'

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
      consentPossible: false,
    })
  })

  it('says why the usual vault could not be opened', async () => {
    const { store, dir, cleanup } = tempHandlers()
    const router = createRouter(
      createHandlers({
        info: testAppInfo(),
        profiles: () => store,
        vault: new MemoryVault(),
        jobs: noJobs,
        settings: tempSettings(dir),
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

describe('secrets.allowInsecure', () => {
  it('stores secrets under basic_text only once the user agrees, and takes them off the disk again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vault-consent-'))
    const cipher = new TestCipher()
    cipher.backendName = 'basic_text'
    const vault = await CipherVault.open(join(dir, 'secrets.json'), cipher)
    const consent = ipcHarness({ vault })
    const id = consent.store.swift.save(swiftInput('Prod', SWIFT_AUTHS.appCredentialById)).id
    const file = () => readFileSync(join(dir, 'secrets.json'), 'utf8')
    try {
      expect(valueOf(await consent.call('secrets.backend'))).toMatchObject({
        kind: 'basic_text',
        persistent: false,
        consentPossible: true,
      })
      // Refused without consent: kept for the session, nothing on disk.
      await consent.call('secrets.set', {
        profileId: id,
        field: 'applicationCredentialSecret',
        value: SECRET,
      })
      expect(existsSync(join(dir, 'secrets.json')) ? file() : '').not.toContain('ciphertext')

      expect(valueOf(await consent.call('secrets.allowInsecure', { allow: true }))).toMatchObject({
        persistent: true,
        secure: false,
      })
      const stored = valueOf(
        await consent.call('secrets.set', {
          profileId: id,
          field: 'applicationCredentialSecret',
          value: SECRET,
        }),
      )
      expect(stored.status).toBe('set')
      expect(file()).toContain('ciphertext')
      expect(file()).not.toContain(SECRET)

      expect(valueOf(await consent.call('secrets.allowInsecure', { allow: false }))).toMatchObject({
        persistent: false,
      })
      expect(file()).not.toContain('ciphertext')
      expect(await vault.get(profileSecretRef(id, 'applicationCredentialSecret'))).toBe(SECRET)
    } finally {
      consent.cleanup()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('is refused where the question does not arise', async () => {
    expect(await ipc.call('secrets.allowInsecure', { allow: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'allow' },
    })
  })
})
