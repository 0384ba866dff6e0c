import { useShallow } from 'zustand/react/shallow'
import type { ProfileList } from '../../../../src-preload/contract/profiles'
import { useProfiles } from '../../stores/profiles'

/**
 * The saved profiles and migrations from the shared profiles store, or null before the first load
 * finished. A reload keeps showing the last list rather than a spinner.
 */
export function useSavedLists(): { saved: ProfileList | null; error: string | null } {
  const { status, error, swift, s3, jobs } = useProfiles(
    useShallow((state) => ({
      status: state.status,
      error: state.error,
      swift: state.swift,
      s3: state.s3,
      jobs: state.jobs,
    })),
  )
  const loaded = status === 'ready' || swift.length + s3.length + jobs.length > 0
  return { saved: loaded ? { swift, s3, jobs } : null, error: status === 'error' ? error : null }
}
