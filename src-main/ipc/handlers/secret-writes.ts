import type { SecretStatus } from '../../../src-preload/contract/profiles'
import { AppError } from '../../core/errors'
import type { SecretVault, SetSecretOptions } from '../../core/secrets'

/** Where a secret went, and what the user should be told about it. */
export interface StoredSecret {
  status: SecretStatus
  notice?: string
}

/**
 * Writes a secret to the vault. A vault that cannot keep it safely between sessions (Linux without a
 * keyring) keeps it for this session and throws FORBIDDEN to say so; the secret is usable, so over IPC
 * that becomes a notice beside a successful result rather than a failed call.
 */
export async function storeSecret(
  vault: SecretVault,
  ref: string,
  value: string,
  options: SetSecretOptions = {},
): Promise<StoredSecret> {
  try {
    return { status: await vault.set(ref, value, options) }
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN' && (await vault.status(ref)) === 'session') {
      return { status: 'session', notice: error.message }
    }
    throw error
  }
}

/** Notices of one call, each once: several secrets kept for the session only share one explanation. */
export class Notices {
  private readonly seen = new Set<string>()

  add(notice: string | undefined): void {
    if (notice !== undefined) this.seen.add(notice)
  }

  list(): string[] {
    return [...this.seen]
  }
}

/** The vault as core's copyProfileSecrets sees it, with {@link storeSecret}'s handling of session-only writes. */
export function noticingVault(vault: SecretVault, notices: Notices): SecretVault {
  return {
    async set(ref, value, options) {
      const stored = await storeSecret(vault, ref, value, options)
      notices.add(stored.notice)
      return stored.status
    },
    get: (ref) => vault.get(ref),
    status: (ref) => vault.status(ref),
    clear: (ref) => vault.clear(ref),
    backend: () => vault.backend(),
  }
}
