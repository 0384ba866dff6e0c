import { randomUUID } from 'node:crypto'
import type { SecretValues } from '../../../src-preload/contract/profiles'
import { AppError } from '../../core/errors'

/** How long secrets read from an imported file wait for the profile to be saved. */
export const IMPORT_HOLD_MS = 30 * 60_000
// A person imports a handful of files at most; the cap keeps repeated imports from piling up secrets.
const MAX_HELD = 16

/**
 * Secrets found in an imported openrc or clouds.yaml, held in main between `profiles.import` and
 * `profiles.save` so they never travel to the renderer. Memory only, for a limited time, and forgotten
 * once the profile is saved with them.
 */
export class PendingImports {
  private readonly held = new Map<string, { secrets: SecretValues; expires: number }>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Keeps the secrets and returns the id that `profiles.save` passes back as `importId`. */
  hold(secrets: SecretValues): string {
    this.prune()
    const id = randomUUID()
    this.held.set(id, { secrets, expires: this.now() + IMPORT_HOLD_MS })
    for (const oldest of this.held.keys()) {
      if (this.held.size <= MAX_HELD) break
      this.held.delete(oldest)
    }
    return id
  }

  /**
   * The secrets of an import, still held (a failed save can be retried).
   * @throws AppError NOT_FOUND naming `importId` when they expired or were already saved.
   */
  peek(id: string): SecretValues {
    this.prune()
    const entry = this.held.get(id)
    if (entry === undefined) {
      throw new AppError(
        'NOT_FOUND',
        'The secrets read from the imported file are no longer held (they are kept for 30 minutes, until ' +
          'the profile is saved). Import the file again, or enter the secrets.',
        'importId',
      )
    }
    return entry.secrets
  }

  /** Forgets an import's secrets once they are in the vault. */
  drop(id: string): void {
    this.held.delete(id)
  }

  private prune(): void {
    const now = this.now()
    for (const [id, entry] of this.held) if (entry.expires <= now) this.held.delete(id)
  }
}
