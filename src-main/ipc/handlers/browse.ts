import type { BucketCheck, ContainerSummary } from '../../../src-preload/contract/connections'
import { AppError } from '../../core/errors'
import { WrongRegionError } from '../../core/s3'
import type { Handlers } from '../router'
import { s3TargetFor, secretsOf, swiftClientFor } from './connect'
import { toIpcError } from './ipc-error'
import type { RecordsContext } from './records'

const DEFAULT_PAGE = 100

/** Looking into a profile's storage: a Swift account's containers, whether an S3 bucket can be used. */
export function browseHandlers(ctx: RecordsContext): Pick<Handlers, 'browse.containers' | 'browse.bucket'> {
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

    'browse.bucket': async ({ profileId, bucket }): Promise<BucketCheck> => {
      const profile = ctx.store().s3.find(profileId)
      if (profile === undefined)
        throw new AppError('NOT_FOUND', `No S3 profile with id ${profileId}.`, 'profileId')
      const target = s3TargetFor(profile, await secretsOf(ctx.vault, profile), bucket)
      try {
        await target.checkBucket(AbortSignal.timeout(30_000))
        return { bucket, exists: true, region: target.options.region }
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        const problem = toIpcError(error)
        if (error instanceof WrongRegionError) {
          return {
            bucket,
            exists: true,
            ...(error.bucketRegion !== undefined && { region: error.bucketRegion }),
            error: problem,
          }
        }
        // Only S3's "no such bucket" settles it; refused keys or a dead endpoint say nothing either way.
        return { bucket, exists: error.code === 'NOT_FOUND' ? false : null, error: problem }
      } finally {
        target.close()
      }
    },
  }
}
