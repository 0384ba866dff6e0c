import type { JobSummary } from '../../../../../src-preload/contract/jobs'
import { isFinishedState } from '../../../components/JobStateBadge'
import { ensureJobsLoaded, useJobsStore } from '../../../stores/jobs'

/**
 * Resolves when the run has finished, as the shared jobs store sees it (the store follows main's
 * pushes and reloads the list after a lost connection, so no push can leave this waiting for ever).
 * Rejects when `isCurrent` says the caller has moved on.
 */
export function waitForRun(id: string, isCurrent: () => boolean): Promise<JobSummary> {
  ensureJobsLoaded()
  return new Promise((resolve, reject) => {
    const check = (list: JobSummary[]): void => {
      if (!isCurrent()) {
        off()
        reject(new Error('The preview was replaced.'))
        return
      }
      const job = list.find((j) => j.id === id)
      if (job && isFinishedState(job.state)) {
        off()
        resolve(job)
      }
    }
    const off = useJobsStore.subscribe((state, previous) => {
      if (state.list !== previous.list) check(state.list)
    })
    check(useJobsStore.getState().list)
  })
}
