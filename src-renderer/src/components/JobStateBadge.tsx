import { Badge, Loader } from '@mantine/core'
import type { ReactNode } from 'react'
import type { JobState, JobSummary } from '../../../src-preload/contract/jobs'

const LABELS: Record<JobState, string> = {
  queued: 'Queued',
  planning: 'Planning',
  running: 'Running',
  paused: 'Paused',
  'waiting-for-credentials': 'Waiting for credentials',
  verifying: 'Verifying',
  done: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
  'needs-credentials': 'Needs credentials',
  skipped: 'Skipped',
}

const COLORS: Record<JobState, string> = {
  queued: 'gray',
  planning: 'blue',
  running: 'blue',
  paused: 'yellow',
  'waiting-for-credentials': 'orange',
  verifying: 'cyan',
  done: 'green',
  failed: 'red',
  cancelled: 'gray',
  interrupted: 'orange',
  'needs-credentials': 'orange',
  skipped: 'gray',
}

/** States in which the engine is moving: a spinner says so. */
const ACTIVE: ReadonlySet<JobState> = new Set(['planning', 'running', 'verifying'])

/** A run's state in words, with "Completed with failures" told apart from a clean finish. */
export function jobStateLabel(job: Pick<JobSummary, 'state' | 'outcome' | 'cancelRequested'>): string {
  if (job.cancelRequested && !isFinishedState(job.state)) return 'Cancelling'
  if (job.state === 'done' && job.outcome === 'completed-with-failures') return 'Completed with failures'
  return LABELS[job.state]
}

/** Whether a run is over: nothing it does will change any more (it can still be run again). */
export function isFinishedState(state: JobState): boolean {
  return (
    state === 'done' ||
    state === 'failed' ||
    state === 'cancelled' ||
    state === 'interrupted' ||
    state === 'needs-credentials' ||
    state === 'skipped'
  )
}

/** The colour of a run's state: green for a clean finish, orange where someone should look. */
export function jobStateColor(job: Pick<JobSummary, 'state' | 'outcome'>): string {
  return job.state === 'done' && job.outcome === 'completed-with-failures' ? 'orange' : COLORS[job.state]
}

/** A run's state as a coloured badge; colour is never the only signal, the label says it too. */
export function JobStateBadge({
  job,
  size = 'md',
}: {
  job: Pick<JobSummary, 'state' | 'outcome' | 'cancelRequested'>
  size?: 'sm' | 'md' | 'lg'
}): ReactNode {
  const color = jobStateColor(job)
  const moving = ACTIVE.has(job.state) && !job.cancelRequested
  return (
    <Badge
      color={color}
      variant="light"
      size={size}
      tt="none"
      leftSection={moving ? <Loader size={10} color={color} aria-hidden /> : undefined}
      data-testid="job-state"
    >
      {jobStateLabel(job)}
    </Badge>
  )
}
