import { join } from 'node:path'
import { EncryptedFileVault, VAULT_KEY_ENV } from './encrypted-file-vault'
import { MemoryVault } from './memory-vault'
import type { SecretVault } from './vault'

/** The desktop app's vault file (safeStorage ciphertext) and browser mode's, kept apart on purpose. */
export const DESKTOP_VAULT_FILE = 'secrets.json'
export const BROWSER_VAULT_FILE = 'secrets-browser.json'

/**
 * Browser mode's vault: encrypted on disk when the starter provides SWIFT2S3_VAULT_KEY, otherwise
 * memory only. Without a key there is nothing on this machine to protect a file with, and a file
 * "encrypted" with a key stored next to it would only pretend.
 */
export async function openBrowserVault(
  dir: string,
  env: Record<string, string | undefined> = process.env,
): Promise<SecretVault> {
  const key = env[VAULT_KEY_ENV]
  if (key === undefined || key === '') return new MemoryVault()
  return EncryptedFileVault.open(join(dir, BROWSER_VAULT_FILE), key)
}
