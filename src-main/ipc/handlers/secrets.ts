import type { VaultInfo } from '../../../src-preload/contract/secrets'
import type { Handlers } from '../router'
import { findProfile, secretStatuses, slotOf, type RecordsContext } from './records'
import { storeSecret } from './secret-writes'

type SecretChannels = 'secrets.set' | 'secrets.status' | 'secrets.clear' | 'secrets.backend'

/**
 * Write-only access to the vault: values go in, statuses come out, and entries are named by profile and
 * field so a page can reach only the secrets of saved profiles. `vault.get` is never reachable from here.
 */
export function secretHandlers(ctx: RecordsContext, vaultProblem?: string): Pick<Handlers, SecretChannels> {
  return {
    'secrets.set': async ({ profileId, field, value, sessionOnly }) => {
      const slot = slotOf(findProfile(ctx.store(), profileId), field)
      const { status, notice } = await storeSecret(
        ctx.vault,
        slot.ref,
        value,
        sessionOnly ? { sessionOnly } : {},
      )
      return { profileId, field, label: slot.label, status, ...(notice !== undefined && { notice }) }
    },

    'secrets.status': async ({ profileId }) => ({
      profileId,
      secrets: await secretStatuses(ctx.vault, findProfile(ctx.store(), profileId)),
    }),

    'secrets.clear': async ({ profileId, field }) => {
      const slot = slotOf(findProfile(ctx.store(), profileId), field)
      await ctx.vault.clear(slot.ref)
      return { profileId, field, label: slot.label, status: await ctx.vault.status(slot.ref) }
    },

    'secrets.backend': (): VaultInfo => ({
      ...ctx.vault.backend(),
      ...(vaultProblem !== undefined && { problem: vaultProblem }),
    }),
  }
}
