import type { SecretField, SecretSlot } from './profiles'

/**
 * The secrets.* channels are write-only: a value goes to main and only its status comes back.
 * Secrets are addressed by profile and field, so a page cannot name arbitrary vault entries.
 */

/** Input of `secrets.set`. */
export interface SecretSetInput {
  profileId: string
  field: SecretField
  value: string
  /** Keep it in memory for this session only, even where main could store it. */
  sessionOnly?: boolean
}

/** Input of `secrets.clear`. */
export interface SecretFieldRef {
  profileId: string
  field: SecretField
}

/** What `secrets.set` and `secrets.clear` return. */
export interface SecretSlotUpdate extends SecretSlot {
  profileId: string
  /** Set when the secret could only be kept for this session, saying why and what to do. */
  notice?: string
}

/** What `secrets.status` returns. */
export interface ProfileSecrets {
  profileId: string
  secrets: SecretSlot[]
}

/**
 * Which vault main uses, so the UI can say whether secrets survive a restart and how well they are
 * protected: `os-keychain` (macOS Keychain, Windows DPAPI, libsecret, KWallet), `basic_text` (Linux
 * without a keyring), `encrypted-file` (browser mode with SWIFT2S3_VAULT_KEY), `memory`, `unavailable`.
 */
export interface VaultInfo {
  kind: 'os-keychain' | 'basic_text' | 'encrypted-file' | 'memory' | 'unavailable'
  /** Whether secrets are written to disk and kept after a restart. */
  persistent: boolean
  /** Whether what is written is protected by a key that is not on disk next to it. */
  secure: boolean
  /** The platform's name for the store (`gnome_libsecret`, `keychain`, `dpapi` …). */
  detail?: string
  /** Why the usual vault could not be opened, when main fell back to keeping secrets in memory. */
  problem?: string
  /**
   * Whether the user may agree to keep secrets in this weak store (`basic_text`): the page then offers
   * it, with the warning, through `secrets.allowInsecure`.
   */
  consentPossible?: boolean
}

/** Input of `secrets.allowInsecure`: the user's answer to "store secrets without a keyring?". */
export interface InsecureConsentInput {
  allow: boolean
}
