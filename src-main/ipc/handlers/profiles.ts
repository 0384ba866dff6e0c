import { copyProfileSecrets } from '../../core/profiles'
import type { Handlers } from '../router'
import type { PendingImports } from './pending-imports'
import { allSecretRefs, jobEntry, profileEntry, type RecordsContext } from './records'
import { saveRecord } from './save-record'
import { Notices, noticingVault } from './secret-writes'

type ProfileChannels =
  'profiles.list' | 'profiles.get' | 'profiles.save' | 'profiles.delete' | 'profiles.duplicate'

/** Handlers of the saved records: Swift profiles, S3 profiles and saved migrations. */
export function profileHandlers(
  ctx: RecordsContext,
  imports: PendingImports,
): Pick<Handlers, ProfileChannels> {
  return {
    'profiles.list': async () => {
      const store = ctx.store()
      const swift = []
      for (const profile of store.swift.list()) swift.push(await profileEntry(ctx.vault, profile))
      const s3 = []
      for (const profile of store.s3.list()) s3.push(await profileEntry(ctx.vault, profile))
      return { swift, s3, jobs: store.jobs.list().map(jobEntry) }
    },

    'profiles.get': async ({ kind, id }) => {
      const store = ctx.store()
      if (kind === 'job') return jobEntry(store.jobs.get(id))
      return kind === 'swift'
        ? profileEntry(ctx.vault, store.swift.get(id))
        : profileEntry(ctx.vault, store.s3.get(id))
    },

    'profiles.save': (input) => saveRecord(ctx, imports, input),

    'profiles.delete': async ({ kind, id }) => {
      const store = ctx.store()
      if (kind === 'job') {
        const removed = store.jobs.delete(id)
        return { kind, id: removed.id, name: removed.name }
      }
      const removed = kind === 'swift' ? store.swift.delete(id) : store.s3.delete(id)
      for (const ref of allSecretRefs(removed.id)) await ctx.vault.clear(ref)
      return { kind, id: removed.id, name: removed.name }
    },

    'profiles.duplicate': async ({ kind, id, name }) => {
      const store = ctx.store()
      if (kind === 'job') return { entry: jobEntry(store.jobs.duplicate(id, name)), notices: [] }
      const collection = kind === 'swift' ? store.swift : store.s3
      const original = collection.get(id)
      const copy = collection.duplicate(id, name)
      const notices = new Notices()
      await copyProfileSecrets(noticingVault(ctx.vault, notices), original, copy)
      return { entry: await profileEntry(ctx.vault, copy), notices: notices.list() }
    },
  }
}
