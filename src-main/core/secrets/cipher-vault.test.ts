import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import { CipherVault } from './cipher-vault'
import { TestCipher } from './test-cipher'

const REF = 'profile:p1:password'
const SECRET = 'correct horse battery staple'

let dir: string
let path: string
let cipher: TestCipher

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cipher-vault-'))
  path = join(dir, 'secrets.json')
  cipher = new TestCipher()
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function forbidden(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  expect((error as AppError).code).toBe('FORBIDDEN')
  return error as AppError
}

describe('CipherVault with an OS keychain', () => {
  it('writes only ciphertext to its file', async () => {
    const vault = await CipherVault.open(path, cipher)
    expect(await vault.set(REF, SECRET)).toBe('set')
    const text = await readFile(path, 'utf8')
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain(Buffer.from(SECRET).toString('base64'))
    expect(JSON.parse(text)).toMatchObject({ secrets: { [REF]: { backend: 'gnome_libsecret' } } })
  })

  it.skipIf(process.platform === 'win32')('keeps its file readable by the owner only', async () => {
    await (await CipherVault.open(path, cipher)).set(REF, SECRET)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
  })

  it('gives the secret back after a restart', async () => {
    await (await CipherVault.open(path, cipher)).set(REF, SECRET)
    const reopened = await CipherVault.open(path, cipher)
    expect(await reopened.get(REF)).toBe(SECRET)
    expect(await reopened.status(REF)).toBe('set')
  })

  it('reports status without ever revealing the value', async () => {
    const vault = await CipherVault.open(path, cipher)
    expect(await vault.status(REF)).toBe('unset')
    await vault.set(REF, SECRET)
    const status = await vault.status(REF)
    expect(status).toBe('set')
    expect(JSON.stringify({ status, backend: vault.backend() })).not.toContain(SECRET)
  })

  it('forgets a cleared secret on disk too', async () => {
    const vault = await CipherVault.open(path, cipher)
    await vault.set(REF, SECRET)
    await vault.clear(REF)
    expect(await vault.get(REF)).toBeUndefined()
    expect(await (await CipherVault.open(path, cipher)).status(REF)).toBe('unset')
  })

  it('describes itself as a secure, persistent keychain', async () => {
    const vault = await CipherVault.open(path, cipher)
    expect(vault.backend()).toEqual({
      kind: 'os-keychain',
      persistent: true,
      secure: true,
      detail: 'gnome_libsecret',
    })
  })

  it('keeps a session-only secret out of the file', async () => {
    const vault = await CipherVault.open(path, cipher)
    expect(await vault.set(REF, SECRET, { sessionOnly: true })).toBe('session')
    expect(await vault.get(REF)).toBe(SECRET)
    expect(await (await CipherVault.open(path, cipher)).status(REF)).toBe('unset')
  })

  it('re-encrypts a secret when the keyring rotated its key', async () => {
    const vault = await CipherVault.open(path, cipher)
    await vault.set(REF, SECRET)
    const before = await readFile(path, 'utf8')
    cipher.rotate = true
    expect(await vault.get(REF)).toBe(SECRET)
    expect(await readFile(path, 'utf8')).not.toBe(before)
  })

  it('names the secret that can no longer be decrypted', async () => {
    const vault = await CipherVault.open(path, cipher)
    await vault.set(REF, SECRET)
    cipher.forgetKey()
    await expect(vault.get(REF)).rejects.toMatchObject({ code: 'UNAVAILABLE', field: REF })
  })

  it('refuses a damaged file instead of starting over', async () => {
    await writeFile(path, '{ not json')
    await expect(CipherVault.open(path, cipher)).rejects.toMatchObject({ code: 'INTERNAL' })
  })
})

describe('CipherVault on Linux without a keyring (basic_text)', () => {
  beforeEach(() => {
    cipher.backendName = 'basic_text'
  })

  it('refuses to persist without consent and keeps the secret for the session', async () => {
    const vault = await CipherVault.open(path, cipher)
    const error = await forbidden(vault.set(REF, SECRET))
    expect(error.message).toMatch(/session only.*basic_text.*Settings/s)
    expect(error.field).toBe(REF)
    expect(await vault.status(REF)).toBe('session')
    expect(await vault.get(REF)).toBe(SECRET)
    expect(cipher.encryptCalls).toBe(0)
    expect(await (await CipherVault.open(path, cipher)).status(REF)).toBe('unset')
    expect(vault.backend()).toMatchObject({ kind: 'basic_text', persistent: false, secure: false })
  })

  it('persists once the user agreed, and remembers the agreement', async () => {
    const vault = await CipherVault.open(path, cipher)
    await vault.setInsecurePersistenceAllowed(true)
    expect(await vault.set(REF, SECRET)).toBe('set')
    const reopened = await CipherVault.open(path, cipher)
    expect(reopened.insecurePersistenceAllowed()).toBe(true)
    expect(reopened.backend()).toMatchObject({ kind: 'basic_text', persistent: true, secure: false })
    expect(await reopened.get(REF)).toBe(SECRET)
    expect(await readFile(path, 'utf8')).not.toContain(SECRET)
  })

  it('takes basic_text secrets off the disk when consent is withdrawn, keeping them for the session', async () => {
    const vault = await CipherVault.open(path, cipher)
    await vault.setInsecurePersistenceAllowed(true)
    await vault.set(REF, SECRET)
    await vault.setInsecurePersistenceAllowed(false)
    expect(await vault.status(REF)).toBe('session')
    expect(await vault.get(REF)).toBe(SECRET)
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({
      allowInsecurePersistence: false,
      secrets: {},
    })
  })

  it('drops an older saved value when a new one can only be kept for the session', async () => {
    cipher.backendName = 'gnome_libsecret'
    const vault = await CipherVault.open(path, cipher)
    await vault.set(REF, 'old')
    cipher.backendName = 'basic_text'
    await forbidden(vault.set(REF, SECRET))
    expect(await vault.get(REF)).toBe(SECRET)
    expect(await (await CipherVault.open(path, cipher)).status(REF)).toBe('unset')
  })
})

describe('CipherVault without encryption', () => {
  it('never writes, even with consent', async () => {
    cipher.available = false
    const vault = await CipherVault.open(path, cipher)
    await vault.setInsecurePersistenceAllowed(true)
    const error = await forbidden(vault.set(REF, SECRET))
    expect(error.message).toMatch(/not available/)
    expect(await vault.get(REF)).toBe(SECRET)
    expect(vault.backend()).toMatchObject({ kind: 'unavailable', persistent: false, secure: false })
    expect(await readFile(path, 'utf8')).not.toContain(SECRET)
  })

  it('treats an unknown backend (before ready) as unavailable', async () => {
    cipher.backendName = 'unknown'
    const vault = await CipherVault.open(path, cipher)
    expect(vault.backend().kind).toBe('unavailable')
    await forbidden(vault.set(REF, SECRET))
  })
})
