import { create } from 'zustand'
import type { BucketCheck } from '../../../../../src-preload/contract/connections'
import { call, CallError } from '../../../ipc/bridge'

/** What the Bucket step knows about one bucket name. */
export type BucketStatus =
  | { state: 'checking' }
  | { state: 'creating' }
  | { state: 'checked'; check: BucketCheck }
  | { state: 'failed'; error: string }

/**
 * The Bucket step's view of one S3 profile: the buckets its keys may list (or why they may not) and
 * what checking or creating each name found.
 */
interface BucketBrowserState {
  profileId: string | null
  buckets: string[] | null
  /** Why the list is not there; `forbidden` when the keys may use buckets but not list them. */
  listError: { message: string; forbidden: boolean } | null
  listing: boolean
  status: Record<string, BucketStatus>
}

export const useBucketBrowser = create<BucketBrowserState>(() => ({
  profileId: null,
  buckets: null,
  listError: null,
  listing: false,
  status: {},
}))

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Lists the profile's buckets, once per profile. */
export async function listBuckets(profileId: string): Promise<void> {
  const state = useBucketBrowser.getState()
  if (state.profileId === profileId && (state.buckets !== null || state.listing)) return
  useBucketBrowser.setState({ profileId, buckets: null, listError: null, listing: true, status: {} })
  try {
    const { buckets } = await call('browse.buckets', { profileId })
    if (useBucketBrowser.getState().profileId === profileId)
      useBucketBrowser.setState({ buckets, listing: false })
  } catch (error) {
    if (useBucketBrowser.getState().profileId !== profileId) return
    useBucketBrowser.setState({
      listing: false,
      listError: {
        message: message(error),
        forbidden: error instanceof CallError && (error.code === 'FORBIDDEN' || error.code === 'AUTH'),
      },
    })
  }
}

function setStatus(bucket: string, status: BucketStatus): void {
  useBucketBrowser.setState(({ status: all }) => ({ status: { ...all, [bucket]: status } }))
}

/** Asks S3 whether the bucket is there and usable with the profile. */
export async function checkBucket(profileId: string, bucket: string): Promise<void> {
  setStatus(bucket, { state: 'checking' })
  try {
    setStatus(bucket, { state: 'checked', check: await call('browse.bucket', { profileId, bucket }) })
  } catch (error) {
    setStatus(bucket, { state: 'failed', error: message(error) })
  }
}

/** Creates the bucket in the profile's region, then shows it in the list. */
export async function createBucket(profileId: string, bucket: string): Promise<void> {
  setStatus(bucket, { state: 'creating' })
  try {
    const check = await call('browse.createBucket', { profileId, bucket })
    setStatus(bucket, { state: 'checked', check })
    useBucketBrowser.setState(({ buckets }) =>
      buckets && !buckets.includes(bucket) ? { buckets: [...buckets, bucket].sort() } : {},
    )
  } catch (error) {
    setStatus(bucket, { state: 'failed', error: message(error) })
  }
}
