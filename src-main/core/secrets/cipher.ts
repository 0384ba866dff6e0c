/**
 * String encryption as a shell provides it; the desktop app wraps Electron's safeStorage (see
 * adapters/safe-storage-cipher.ts). Kept this small so core never sees Electron.
 */
export interface VaultCipher {
  /** Whether encrypt/decrypt work now (safeStorage: only after the app is ready). */
  isAvailable(): boolean
  /**
   * The key store behind the cipher as the platform names it: on Linux safeStorage's
   * `getSelectedStorageBackend()` (`basic_text`, `gnome_libsecret`, `kwallet6`, `unknown` …), elsewhere
   * a fixed name such as `keychain` or `dpapi`.
   */
  backend(): string
  encrypt(text: string): Promise<Buffer>
  decrypt(data: Buffer): Promise<string>
  /**
   * Like decrypt, and also says whether the data should be encrypted again because the key was rotated
   * (safeStorage's `shouldReEncrypt`). Optional: a cipher without key rotation need not offer it.
   */
  decryptWithRotation?(data: Buffer): Promise<{ text: string; shouldReEncrypt: boolean }>
}
