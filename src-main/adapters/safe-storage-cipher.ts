import { safeStorage } from 'electron'
import type { VaultCipher } from '../core/secrets/cipher'

/** The part of Electron's safeStorage this adapter uses; tests pass a fake. */
export type SafeStorageApi = Pick<
  Electron.SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>

/**
 * The vault's cipher over Electron's safeStorage, using the async API (Electron 45 deprecates the
 * synchronous isEncryptionAvailable/encryptString/decryptString). Create it after `app.whenReady()`:
 * before that, availability is false and Linux reports its backend as `unknown`.
 *
 * The backend name is what the vault's policy turns on: on Linux it is the selected password store, and
 * `basic_text` means a hard-coded key (no protection). macOS always uses the Keychain and Windows DPAPI,
 * and getSelectedStorageBackend exists only on Linux, so those are named here.
 */
export async function createSafeStorageCipher(
  api: SafeStorageApi = safeStorage,
  platform: NodeJS.Platform = process.platform,
): Promise<VaultCipher> {
  // Availability is settled once: the async encryptor initialises lazily on this first call.
  const available = await api.isAsyncEncryptionAvailable()
  const backend =
    platform === 'linux'
      ? api.getSelectedStorageBackend()
      : platform === 'darwin'
        ? 'keychain'
        : platform === 'win32'
          ? 'dpapi'
          : 'unknown'
  return {
    isAvailable: () => available,
    backend: () => backend,
    encrypt: (text) => api.encryptStringAsync(text),
    decrypt: async (data) => (await api.decryptStringAsync(data)).result,
    decryptWithRotation: async (data) => {
      const { result, shouldReEncrypt } = await api.decryptStringAsync(data)
      return { text: result, shouldReEncrypt }
    },
  }
}
