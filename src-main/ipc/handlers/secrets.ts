import type { VaultInfo } from '../../../src-preload/contract/secrets'
import { AppError } from '../../core/errors'
import type { SecretVault } from '../../core/secrets'
import type { Handlers } from '../router'
import { findProfile, secretStatuses, slotOf, type AnyProfile, type RecordsContext } from './records'
import { storeSecret } from './secret-writes'

type SecretChannels =
  'secrets.set' | 'secrets.status' | 'secrets.clear' | 'secrets.backend' | 'secrets.allowInsecure'

/**
 * Write-only access to the vault: values go in, statuses come out, and entries are named by profile and
 * field so a page can reach only the secrets of saved profiles. `vault.get` is never reachable from here.
 */
export function secretHandlers(ctx: RecordsContext, vaultProblem?: string): Pick<Handlers, SecretChannels> {
  return {
    'secrets.set': async ({ profileId, field, value, sessionOnly }) => {
      const profile = findProfile(ctx.store(), profileId)
      const slot = slotOf(profile, field)
      const { status, notice } = await storeSecret(
        ctx.vault,
        slot.ref,
        value,
        sessionOnly ? { sessionOnly } : {},
      )
      forgetTest(ctx, profile)
      return { profileId, field, label: slot.label, status, ...(notice !== undefined && { notice }) }
    },

    'secrets.status': async ({ profileId }) => ({
      profileId,
      secrets: await secretStatuses(ctx.vault, findProfile(ctx.store(), profileId)),
    }),

    'secrets.clear': async ({ profileId, field }) => {
      const profile = findProfile(ctx.store(), profileId)
      const slot = slotOf(profile, field)
      await ctx.vault.clear(slot.ref)
      forgetTest(ctx, profile)
      return { profileId, field, label: slot.label, status: await ctx.vault.status(slot.ref) }
    },

    'secrets.backend': () => vaultInfo(ctx.vault, vaultProblem),

    // The user's explicit answer; withdrawing it takes the weakly protected secrets off the disk.
    'secrets.allowInsecure': async ({ allow }) => {
      const { vault } = ctx
      if (vault.setInsecurePersistenceAllowed === undefined || vault.backend().kind !== 'basic_text') {
        throw new AppError(
          'CONFLICT',
          'This only applies where the system has no keyring ("basic_text"); here secrets are kept as Settings says.',
          'allow',
        )
      }
      await vault.setInsecurePersistenceAllowed(allow)
      return vaultInfo(vault, vaultProblem)
    },
  }
}

/** A changed secret makes the profile's last connection test describe a secret it no longer has. */
function forgetTest(ctx: RecordsContext, profile: AnyProfile): void {
  ctx.store().forgetTest('auth' in profile ? 'swift' : 's3', profile.id)
}

function vaultInfo(vault: SecretVault, problem: string | undefined): VaultInfo {
  const backend = vault.backend()
  return {
    ...backend,
    ...(problem !== undefined && { problem }),
    consentPossible: backend.kind === 'basic_text' && vault.setInsecurePersistenceAllowed !== undefined,
  }
}
