/**
 * Where the app keeps secrets (Keystone passwords and application-credential secrets, tokens, S3 secret
 * keys), addressed by a reference string such as `profile:<id>:password`. Profiles store only the
 * reference. The vault lives in the main process: `get` is for the engine and is never exposed over IPC;
 * the renderer learns only {@link SecretStatus} and {@link VaultBackend}.
 */
export interface SecretVault {
  /**
   * Stores a secret. Resolves with where it went: `set` (kept between sessions) or `session` (memory only).
   * @throws AppError FORBIDDEN when the vault cannot store it safely and the user has not agreed to a
   *   weaker store; the value is then still kept for this session (see {@link CipherVault}).
   */
  set(ref: string, value: string, options?: SetSecretOptions): Promise<SecretStatus>
  /** The secret, or undefined when there is none. Main process only. */
  get(ref: string): Promise<string | undefined>
  /** Whether a secret is there, never what it is. */
  status(ref: string): Promise<SecretStatus>
  clear(ref: string): Promise<void>
  /** What kind of store this is, so the UI can say whether secrets survive a restart and how safely. */
  backend(): VaultBackend
  /**
   * Records whether the user agrees to keep secrets in a weak store (safeStorage's `basic_text`).
   * Only vaults that can be in that situation have it.
   */
  setInsecurePersistenceAllowed?(allowed: boolean): Promise<void>
}

export interface SetSecretOptions {
  /** Keep the value in memory for this session only, even where the vault could persist it. */
  sessionOnly?: boolean
}

/**
 * - `set`: stored, and still there after a restart.
 * - `session`: held in memory by this process only; asked for again after the app quits.
 * - `unset`: nothing stored.
 */
export type SecretStatus = 'set' | 'session' | 'unset'

/**
 * - `os-keychain`: encrypted with a key the OS keeps (macOS Keychain, Windows DPAPI, libsecret, KWallet).
 * - `basic_text`: Linux without a keyring; Electron then encrypts with a hard-coded password, which
 *   protects nothing, so persisting needs the user's consent.
 * - `encrypted-file`: AES-256-GCM with a key given to this process (browser mode's SWIFT2S3_VAULT_KEY).
 * - `memory`: nothing is written; secrets last for the session.
 * - `unavailable`: no encryption at all; secrets last for the session.
 */
export type VaultBackendKind = 'os-keychain' | 'basic_text' | 'encrypted-file' | 'memory' | 'unavailable'

export interface VaultBackend {
  kind: VaultBackendKind
  /** Whether `set` writes secrets to disk (for `basic_text`: only after the user agreed). */
  persistent: boolean
  /** Whether what is written is protected by a key that is not on disk next to it. */
  secure: boolean
  /** The underlying store as the platform names it (`gnome_libsecret`, `kwallet6`, `keychain`, …). */
  detail?: string
}

/** True when a secret can be used now, wherever it is kept. */
export function isSecretAvailable(status: SecretStatus): boolean {
  return status !== 'unset'
}
