export { BROWSER_VAULT_FILE, DESKTOP_VAULT_FILE, openBrowserVault } from './browser-vault'
export type { VaultCipher } from './cipher'
export { CipherVault } from './cipher-vault'
export { EncryptedFileVault, VAULT_KEY_ENV } from './encrypted-file-vault'
export { MemoryVault } from './memory-vault'
export {
  isSecretAvailable,
  type SecretStatus,
  type SecretVault,
  type SetSecretOptions,
  type VaultBackend,
  type VaultBackendKind,
} from './vault'
