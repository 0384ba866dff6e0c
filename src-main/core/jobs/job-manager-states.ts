import type { RunReport } from '../reports/types'
import type { JobState as TransferState } from '../transfer/events'
import type { ExitCode } from './run-job'
import type { DoneOutcome, JobState } from './job-manager-types'

/**
 * The job state machine in one table: every state and where it may go next. The manager refuses any
 * other move, so a late or out-of-order engine event can never take a finished job back to running.
 *
 * - planning → verifying: a copy that stopped on an error is still verified, as the CLI does.
 * - verifying → planning: the next container of a multi-container run.
 * - paused ↔ everything active: a pause taken while planning or verifying holds the next copy.
 * - to interrupted: only when history is reloaded after the app stopped mid-run.
 * Finished states have no way out: a retry or resume is a new job linked by `retryOf`.
 */
export const TRANSITIONS = {
  queued: ['planning', 'verifying', 'cancelled', 'failed', 'interrupted'],
  planning: [
    'running',
    'paused',
    'waiting-for-credentials',
    'verifying',
    'done',
    'failed',
    'cancelled',
    'needs-credentials',
    'interrupted',
  ],
  running: [
    'paused',
    'waiting-for-credentials',
    'verifying',
    'done',
    'failed',
    'cancelled',
    'needs-credentials',
    'interrupted',
  ],
  paused: [
    'planning',
    'running',
    'waiting-for-credentials',
    'verifying',
    'done',
    'failed',
    'cancelled',
    'needs-credentials',
    'interrupted',
  ],
  'waiting-for-credentials': [
    'running',
    'paused',
    'done',
    'failed',
    'cancelled',
    'needs-credentials',
    'interrupted',
  ],
  verifying: ['planning', 'paused', 'done', 'failed', 'cancelled', 'needs-credentials', 'interrupted'],
  done: [],
  failed: [],
  cancelled: [],
  interrupted: [],
  'needs-credentials': [],
  skipped: [],
} as const satisfies Record<JobState, readonly JobState[]>

export function canTransition(from: JobState, to: JobState): boolean {
  return (TRANSITIONS[from] as readonly JobState[]).includes(to)
}

export function isFinished(state: JobState): boolean {
  return TRANSITIONS[state].length === 0
}

/**
 * The run of a saved migration that is still going (queued too), if any. Previews write nothing, so
 * they never count: jobs.start refuses a second run beside this one, and schedules skip their due time.
 */
export function unfinishedRunOf<J extends { definitionId: string | null; mode: string; state: JobState }>(
  jobs: readonly J[],
  definitionId: string,
): J | undefined {
  return jobs.find((j) => j.definitionId === definitionId && j.mode !== 'dry-run' && !isFinished(j.state))
}

/** States of a run that is under way (not queued, not finished). */
export function isActive(state: JobState): boolean {
  return state !== 'queued' && !isFinished(state)
}

/**
 * How a finished run ends up: by exit code first, since a run stopped for credentials reports its
 * outcome as `failed` but means "give me new keys", and a cancelled one may have completed containers.
 */
export function finalState(
  exitCode: ExitCode,
  outcome: RunReport['outcome'],
): { state: JobState; outcome: DoneOutcome | null } {
  if (exitCode === 130) return { state: 'cancelled', outcome: null }
  if (exitCode === 3) return { state: 'needs-credentials', outcome: null }
  if (outcome === 'completed' || outcome === 'completed-with-failures') return { state: 'done', outcome }
  if (outcome === 'cancelled' || outcome === 'needs-credentials') return { state: outcome, outcome: null }
  return { state: 'failed', outcome: null }
}

/** What an active job is doing, as the engine's events tell it; the manager's pause flag goes on top. */
export type JobPhase = 'planning' | 'running' | 'verifying' | 'waiting-for-credentials'

/**
 * The phase after an engine state event. A container's copy that ended `completed` or `failed` is
 * verified next (JobRun does so, as the CLI does); `cancelled` and `needs-credentials` end the run, whose
 * outcome then decides. `paused` is left to the manager, which knows about pauses taken between containers
 * that the engine never reports.
 */
export function phaseAfter(state: TransferState, current: JobPhase): JobPhase {
  switch (state) {
    case 'checking':
    case 'planning':
      return 'planning'
    case 'running':
    case 'mirroring':
      return 'running'
    case 'waiting-for-credentials':
      return 'waiting-for-credentials'
    case 'completed':
    case 'failed':
      return 'verifying'
    case 'paused':
    case 'cancelled':
    case 'needs-credentials':
      return current
  }
}

/** Engine states that end one container's copy. */
export function endsContainer(state: TransferState): boolean {
  return state === 'completed' || state === 'failed' || state === 'cancelled' || state === 'needs-credentials'
}
