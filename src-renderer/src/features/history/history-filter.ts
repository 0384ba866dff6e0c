import type { JobState, JobSummary } from '../../../../src-preload/contract/jobs'

/** The status filter's choices, in the order the select lists them. */
export const STATUS_FILTERS = [
  { value: 'all', label: 'All runs' },
  { value: 'active', label: 'In progress' },
  { value: 'completed', label: 'Completed' },
  { value: 'with-failures', label: 'Completed with failures' },
  { value: 'failed', label: 'Failed' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'attention', label: 'Interrupted or needs keys' },
] as const

export type StatusFilter = (typeof STATUS_FILTERS)[number]['value']

const ACTIVE: ReadonlySet<JobState> = new Set([
  'queued',
  'planning',
  'running',
  'paused',
  'waiting-for-credentials',
  'verifying',
])

/** Whether a run belongs under a status filter. */
export function matchesStatus(job: Pick<JobSummary, 'state' | 'outcome'>, filter: StatusFilter): boolean {
  switch (filter) {
    case 'all':
      return true
    case 'active':
      return ACTIVE.has(job.state)
    case 'completed':
      return job.state === 'done' && job.outcome !== 'completed-with-failures'
    case 'with-failures':
      return job.state === 'done' && job.outcome === 'completed-with-failures'
    case 'failed':
      return job.state === 'failed'
    case 'cancelled':
      return job.state === 'cancelled'
    case 'attention':
      return job.state === 'interrupted' || job.state === 'needs-credentials'
  }
}

/** Whether a run's name, containers or bucket contain the search text (case-insensitive). */
export function matchesSearch(job: Pick<JobSummary, 'name' | 'source' | 'target'>, search: string): boolean {
  const needle = search.trim().toLowerCase()
  if (needle === '') return true
  const haystack = [
    job.name,
    job.target.bucket,
    job.target.prefix ?? '',
    job.source.prefix ?? '',
    ...(job.source.containers === 'all' ? [] : job.source.containers),
  ]
  return haystack.some((text) => text.toLowerCase().includes(needle))
}

/**
 * The runs History counts: every wizard preview is a dry-run job, so a day of planning would bury the
 * real runs under previews; they are listed only when asked for.
 */
export function countedRuns(list: readonly JobSummary[], withPreviews: boolean): JobSummary[] {
  return withPreviews ? [...list] : list.filter((job) => job.mode !== 'dry-run')
}

/** The runs to show, newest first (the store keeps them so). */
export function filterRuns(
  list: readonly JobSummary[],
  status: StatusFilter,
  search: string,
  withPreviews = false,
): JobSummary[] {
  return countedRuns(list, withPreviews).filter(
    (job) => matchesStatus(job, status) && matchesSearch(job, search),
  )
}
