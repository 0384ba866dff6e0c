import type { JobProgress, JobState, JobSummary } from '../../../../src-preload/contract/jobs'

/** A run's state in words and a colour for its badge. */
export function stateLabel(job: Pick<JobSummary, 'state' | 'outcome'>): { label: string; color: string } {
  switch (job.state) {
    case 'queued':
      return { label: 'Queued', color: 'gray' }
    case 'planning':
      return { label: 'Comparing', color: 'blue' }
    case 'running':
      return { label: 'Copying', color: 'blue' }
    case 'verifying':
      return { label: 'Verifying', color: 'blue' }
    case 'paused':
      return { label: 'Paused', color: 'yellow' }
    case 'waiting-for-credentials':
    case 'needs-credentials':
      return { label: 'Needs credentials', color: 'orange' }
    case 'done':
      return job.outcome === 'completed-with-failures'
        ? { label: 'Done with failures', color: 'orange' }
        : { label: 'Done', color: 'teal' }
    case 'failed':
      return { label: 'Failed', color: 'red' }
    case 'cancelled':
      return { label: 'Cancelled', color: 'gray' }
    case 'interrupted':
      return { label: 'Interrupted', color: 'orange' }
    case 'skipped':
      return { label: 'Skipped', color: 'gray' }
  }
}

const FINISHED: ReadonlySet<JobState> = new Set([
  'done',
  'failed',
  'cancelled',
  'interrupted',
  'needs-credentials',
  'skipped',
])

/** Whether a run has stopped for good (it may still be retried as a new run). */
export function isFinished(state: JobState): boolean {
  return FINISHED.has(state)
}

/**
 * How far a run is, 0 to 100: by bytes when it knows them, else by objects. The latest progress push
 * wins over the summary's totals, which only change with the state.
 */
export function percentDone(job: JobSummary, progress?: JobProgress): number {
  if (job.state === 'done' && job.outcome === 'completed') return 100
  const bytes = progress ? progress.bytes : { done: job.totals.bytesDone, total: job.totals.bytesTotal }
  const objects = progress ? progress.objects : { done: job.totals.objectsDone, total: job.totals.objects }
  const ratio =
    bytes.total > 0 ? bytes.done / bytes.total : objects.total > 0 ? objects.done / objects.total : 0
  return Math.max(0, Math.min(100, Math.floor(ratio * 100)))
}
