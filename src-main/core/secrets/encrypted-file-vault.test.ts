import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openBrowserVault, BROWSER_VAULT_FILE } from './browser-vault'
import { EncryptedFileVault } from './encrypted-file-vault'
import { MemoryVault } from './memory-vault'

const KEY = 'test-vault-key-0123456789'
const REF = 'profile:p1:secretAccessKey'
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'

let dir: string
let path: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-vault-'))
  path = join(dir, 'vault.json')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('EncryptedFileVault', () => {
  it('round-trips a secret through the file without writing it in the clear', async () => {
    const vault = await EncryptedFileVault.open(path, KEY)
    expect(await vault.set(REF, SECRET)).toBe('set')
    expect(await readFile(path, 'utf8')).not.toContain(SECRET)
    const reopened = await EncryptedFileVault.open(path, KEY)
    expect(await reopened.get(REF)).toBe(SECRET)
    expect(await reopened.status(REF)).toBe('set')
    expect(reopened.backend()).toEqual({ kind: 'encrypted-file', persistent: true, secure: true })
  })

  it('refuses a different key when opening', async () => {
    await (await EncryptedFileVault.open(path, KEY)).set(REF, SECRET)
    await expect(EncryptedFileVault.open(path, `${KEY}-other`)).rejects.toMatchObject({
      code: 'AUTH',
      message: expect.stringMatching(/SWIFT2S3_VAULT_KEY.*original key/s) as unknown,
    })
  })

  it('refuses a key too short to protect anything', async () => {
    await expect(EncryptedFileVault.open(path, 'short')).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('binds each ciphertext to its reference, so swapped entries do not open', async () => {
    const vault = await EncryptedFileVault.open(path, KEY)
    await vault.set('a', 'alpha')
    await vault.set('b', 'beta')
    const data = JSON.parse(await readFile(path, 'utf8')) as { secrets: Record<string, string> }
    await writeFile(
      path,
      JSON.stringify({ ...data, secrets: { a: data.secrets['b'], b: data.secrets['a'] } }),
    )
    await expect((await EncryptedFileVault.open(path, KEY)).get('a')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    })
  })

  it('forgets a cleared secret', async () => {
    const vault = await EncryptedFileVault.open(path, KEY)
    await vault.set(REF, SECRET)
    await vault.clear(REF)
    expect(await (await EncryptedFileVault.open(path, KEY)).status(REF)).toBe('unset')
  })
})

describe('openBrowserVault', () => {
  it('keeps secrets in memory when the starter gave no key', async () => {
    expect(await openBrowserVault(dir, {})).toBeInstanceOf(MemoryVault)
  })

  it('opens the encrypted file with SWIFT2S3_VAULT_KEY', async () => {
    const vault = await openBrowserVault(dir, { SWIFT2S3_VAULT_KEY: KEY })
    await vault.set(REF, SECRET)
    expect(vault.backend().kind).toBe('encrypted-file')
    expect(await readFile(join(dir, BROWSER_VAULT_FILE), 'utf8')).not.toContain(SECRET)
  })
})
