import type { SecretStatus, SecretVault, VaultBackend } from './vault'

/**
 * A vault that writes nothing: browser mode without a SWIFT2S3_VAULT_KEY, and tests. Every secret lasts
 * as long as this process, so its status is `session`.
 */
export class MemoryVault implements SecretVault {
  private readonly secrets = new Map<string, string>()

  async set(ref: string, value: string): Promise<SecretStatus> {
    this.secrets.set(ref, value)
    return 'session'
  }

  async get(ref: string): Promise<string | undefined> {
    return this.secrets.get(ref)
  }

  async status(ref: string): Promise<SecretStatus> {
    return this.secrets.has(ref) ? 'session' : 'unset'
  }

  async clear(ref: string): Promise<void> {
    this.secrets.delete(ref)
  }

  backend(): VaultBackend {
    return { kind: 'memory', persistent: false, secure: true }
  }
}
