import { describe, expect, it, vi } from 'vitest'
import { createSafeStorageCipher, type SafeStorageApi } from './safe-storage-cipher'

// The shared electron mock has no safeStorage; this one stands in for the default argument.
const electronSafeStorage = vi.hoisted(() => ({
  isAsyncEncryptionAvailable: vi.fn(async () => true),
  encryptStringAsync: vi.fn(async (text: string) => Buffer.from(`enc(${text})`)),
  decryptStringAsync: vi.fn(async (data: Buffer) => ({
    result: data.toString().slice(4, -1),
    shouldReEncrypt: false,
  })),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret' as const),
}))

vi.mock('electron', () => ({
  safeStorage: electronSafeStorage,
  default: { safeStorage: electronSafeStorage },
}))

function fakeApi(overrides: Partial<SafeStorageApi> = {}): SafeStorageApi {
  return {
    isAsyncEncryptionAvailable: async () => true,
    encryptStringAsync: async (text) => Buffer.from(`enc(${text})`),
    decryptStringAsync: async (data) => ({ result: data.toString().slice(4, -1), shouldReEncrypt: true }),
    getSelectedStorageBackend: () => 'basic_text',
    ...overrides,
  }
}

describe('createSafeStorageCipher', () => {
  it("uses Electron's safeStorage async API by default", async () => {
    const cipher = await createSafeStorageCipher(undefined, 'linux')
    expect(cipher.isAvailable()).toBe(true)
    expect(cipher.backend()).toBe('gnome_libsecret')
    const data = await cipher.encrypt('s3cret')
    expect(electronSafeStorage.encryptStringAsync).toHaveBeenCalledWith('s3cret')
    expect(await cipher.decrypt(data)).toBe('s3cret')
  })

  it('reports the Linux password store, so basic_text can be refused', async () => {
    expect((await createSafeStorageCipher(fakeApi(), 'linux')).backend()).toBe('basic_text')
  })

  it('names the OS store on macOS and Windows without asking for the Linux-only backend', async () => {
    const getSelectedStorageBackend = vi.fn(() => 'unknown' as const)
    const api = fakeApi({ getSelectedStorageBackend })
    expect((await createSafeStorageCipher(api, 'darwin')).backend()).toBe('keychain')
    expect((await createSafeStorageCipher(api, 'win32')).backend()).toBe('dpapi')
    expect(getSelectedStorageBackend).not.toHaveBeenCalled()
  })

  it('reports unavailable encryption', async () => {
    const cipher = await createSafeStorageCipher(
      fakeApi({ isAsyncEncryptionAvailable: async () => false }),
      'linux',
    )
    expect(cipher.isAvailable()).toBe(false)
  })

  it("passes on safeStorage's request to re-encrypt after a key rotation", async () => {
    const cipher = await createSafeStorageCipher(fakeApi(), 'linux')
    expect(await cipher.decryptWithRotation?.(Buffer.from('enc(x)'))).toEqual({
      text: 'x',
      shouldReEncrypt: true,
    })
  })
})
