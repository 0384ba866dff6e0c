import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CipherVault } from '../core/secrets/cipher-vault'
import { createSafeStorageCipher, type SafeStorageApi } from './safe-storage-cipher'

/** safeStorage as Linux without a keyring has it: encryption "works", with a key everyone knows. */
const basicText: SafeStorageApi = {
  isAsyncEncryptionAvailable: async () => true,
  encryptStringAsync: async (text) => Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)),
  decryptStringAsync: async (data) => ({
    result: Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8'),
    shouldReEncrypt: false,
  }),
  getSelectedStorageBackend: () => 'basic_text',
}

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vault-policy-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('the desktop vault on a Linux desktop without a keyring', () => {
  it('keeps secrets for the session until the user agrees to basic protection', async () => {
    const path = join(dir, 'secrets.json')
    const vault = await CipherVault.open(path, await createSafeStorageCipher(basicText, 'linux'))
    await expect(vault.set('r', 'hunter2')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await vault.status('r')).toBe('session')

    await vault.setInsecurePersistenceAllowed(true)
    expect(await vault.set('r', 'hunter2')).toBe('set')
    expect(await readFile(path, 'utf8')).not.toContain('hunter2')
  })
})
