import type { BucketCheck } from '../../../src-preload/contract/connections'
import { AppError } from '../../core/errors'
import type { S3Profile } from '../../core/profiles'
import { CONTAINER_PLACEHOLDER } from '../../core/profiles/job-definition'
import { WrongRegionError } from '../../core/s3'
import { planBucketMapping } from '../../core/transfer/bucket-naming'
import type { Handlers } from '../router'
import { listProfileBuckets, s3TargetFor, secretsOf } from './connect'
import { toIpcError } from './ipc-error'
import type { RecordsContext } from './records'

type BucketChannels = 'browse.bucket' | 'browse.buckets' | 'browse.createBucket' | 'browse.bucketMapping'

const CHECK_TIMEOUT_MS = 30_000

function s3Profile(ctx: RecordsContext, profileId: string): S3Profile {
  const profile = ctx.store().s3.find(profileId)
  if (profile === undefined)
    throw new AppError('NOT_FOUND', `No S3 profile with id ${profileId}.`, 'profileId')
  return profile
}

/** Checks a bucket, turning "cannot be used" into an answer rather than a failed call. */
async function check(
  profile: S3Profile,
  secrets: Record<string, string>,
  bucket: string,
): Promise<BucketCheck> {
  const target = s3TargetFor(profile, secrets, bucket)
  try {
    await target.checkBucket(AbortSignal.timeout(CHECK_TIMEOUT_MS))
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
}

/** The buckets of an S3 profile: check one by name, list them (when the keys may), create one. */
export function bucketHandlers(ctx: RecordsContext): Pick<Handlers, BucketChannels> {
  return {
    'browse.bucket': async ({ profileId, bucket }) => {
      const profile = s3Profile(ctx, profileId)
      return check(profile, await secretsOf(ctx.vault, profile), bucket)
    },

    'browse.buckets': async ({ profileId }) => {
      const profile = s3Profile(ctx, profileId)
      return { buckets: await listProfileBuckets(profile, await secretsOf(ctx.vault, profile)) }
    },

    // The names a run will use (core/transfer/bucket-naming.ts), so the form shows and checks the real ones.
    'browse.bucketMapping': ({ containers, pattern }) => {
      if (!pattern.includes(CONTAINER_PLACEHOLDER)) {
        throw new AppError('VALIDATION', `pattern must contain ${CONTAINER_PLACEHOLDER}`, 'pattern')
      }
      const [prefix = '', suffix = ''] = pattern.split(CONTAINER_PLACEHOLDER)
      try {
        return { rows: planBucketMapping(containers, { prefix, suffix }) }
      } catch (error) {
        // A bad prefix or suffix is a problem of the pattern the user typed.
        if (error instanceof AppError && error.code === 'VALIDATION') {
          throw new AppError('VALIDATION', error.message, 'pattern', { cause: error })
        }
        throw error
      }
    },

    // Creates, then checks like browse.bucket so the form shows the same answer either way.
    'browse.createBucket': async ({ profileId, bucket }) => {
      const profile = s3Profile(ctx, profileId)
      const secrets = await secretsOf(ctx.vault, profile)
      const target = s3TargetFor(profile, secrets, bucket)
      try {
        await target.createBucket(AbortSignal.timeout(CHECK_TIMEOUT_MS))
      } finally {
        target.close()
      }
      return check(profile, secrets, bucket)
    },
  }
}
