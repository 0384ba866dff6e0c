import type { ListingEntry, ObjectEntry } from '../swift/listing'
import type { TargetEntry } from './planner'

/** Whether a listed object belongs to the run (include/exclude, directory markers, a retry's list). */
export type KeepEntry = (entry: { name: string; bytes: number; contentType: string }) => boolean

/**
 * The two listings the planner merges, filtered alike: Swift's objects under the source prefix, and the
 * bucket's keys under the target prefix judged by the name they would have in Swift. Copying, dry runs
 * and verification all take them from here, so an excluded object is never copied, never counted, and
 * never an extra that mirror mode would delete.
 */
export function keptListings(
  source: {
    listObjects(
      container: string,
      options?: { prefix?: string; signal?: AbortSignal },
    ): AsyncIterable<ListingEntry>
  },
  target: { list(prefix?: string): AsyncIterable<TargetEntry> },
  at: { container: string; sourcePrefix: string; targetPrefix: string; signal?: AbortSignal },
  keep: KeepEntry = () => true,
): { source: AsyncGenerator<ObjectEntry>; target: AsyncGenerator<TargetEntry> } {
  const { container, sourcePrefix, targetPrefix, signal } = at
  return {
    source: (async function* () {
      const options = { prefix: sourcePrefix, ...(signal ? { signal } : {}) }
      for await (const entry of source.listObjects(container, options)) {
        if (entry.kind === 'object' && keep(entry)) yield entry as ObjectEntry
      }
    })(),
    target: (async function* () {
      for await (const entry of target.list(targetPrefix + sourcePrefix)) {
        if (keep({ name: entry.key.slice(targetPrefix.length), bytes: entry.size, contentType: '' }))
          yield entry
      }
    })(),
  }
}
