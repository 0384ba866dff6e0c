import type { ContainerSummary } from '../../../src-preload/contract/connections'
import { AppError } from '../../core/errors'
import type { Handlers } from '../router'
import { secretsOf, swiftClientFor } from './connect'
import type { RecordsContext } from './records'

const DEFAULT_PAGE = 100

/** A Swift account's containers, a page at a time (buckets are in browse-buckets.ts). */
export function browseHandlers(ctx: RecordsContext): Pick<Handlers, 'browse.containers'> {
  return {
    'browse.containers': async ({ profileId, prefix, marker, limit = DEFAULT_PAGE }) => {
      const profile = ctx.store().swift.find(profileId)
      if (profile === undefined) {
        throw new AppError('NOT_FOUND', `No Swift profile with id ${profileId}.`, 'profileId')
      }
      const client = swiftClientFor(profile, await secretsOf(ctx.vault, profile))
      try {
        const containers: ContainerSummary[] = []
        const listing = client.listContainers({
          pageSize: limit,
          ...(prefix !== undefined && { prefix }),
          ...(marker !== undefined && { marker }),
        })
        // Stops after one page's worth: leaving the loop ends the listing without asking for more.
        for await (const entry of listing) {
          containers.push(entry)
          if (containers.length >= limit) break
        }
        const last = containers.at(-1)
        // A full page may have more after it; a short one is the end (or the server's cap, caught next time).
        return containers.length >= limit && last ? { containers, nextMarker: last.name } : { containers }
      } finally {
        await client.close()
      }
    },
  }
}
