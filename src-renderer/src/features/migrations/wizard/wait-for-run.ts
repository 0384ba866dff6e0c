import type { JobProgress, JobSummary } from '../../../../../src-preload/contract/jobs'
import { call, getApi } from '../../../ipc/bridge'
import { isFinished } from '../job-state'

/** Resolves when the run has finished; `onUpdate` sees each state and progress push on the way. */
export function waitForRun(
  id: string,
  onUpdate: (update: { job?: JobSummary; progress?: JobProgress }) => void,
  isCurrent: () => boolean,
): Promise<JobSummary> {
  return new Promise((resolve, reject) => {
    const api = getApi()
    let settled = false
    const finish = (job: JobSummary | null, error?: unknown): void => {
      if (settled) return
      settled = true
      offState()
      offProgress()
      clearInterval(poll)
      if (job) resolve(job)
      else reject(error instanceof Error ? error : new Error(String(error)))
    }
    const offState = api.on('job.state', (job) => {
      if (job.id !== id) return
      onUpdate({ job })
      if (isFinished(job.state)) finish(job)
    })
    const offProgress = api.on('job.progress', (event) => {
      if (event.id === id) onUpdate({ progress: event.progress })
    })
    // Pushes can be missed (a reconnect in browser mode): ask now and then as well.
    const poll = setInterval(() => {
      if (!isCurrent()) return finish(null, new Error('The preview was replaced.'))
      call('jobs.get', { id }).then(
        (job) => {
          if (isFinished(job.state)) finish(job)
        },
        (error: unknown) => finish(null, error),
      )
    }, 1500)
  })
}
