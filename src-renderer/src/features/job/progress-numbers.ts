import type { JobProgress, JobSummary } from '../../../../src-preload/contract/jobs'
import { isFinishedState } from '../../components/JobStateBadge'
import { secondsBetween } from './format'

/** The numbers the progress panel shows, whichever source they came from. */
export interface ProgressNumbers {
  objectsDone: number
  objectsTotal: number
  bytesDone: number
  bytesTotal: number
  copied: number
  skipped: number
  failed: number
  /** Bytes per second now; null when nothing is moving (paused, finished, not started). */
  rate: number | null
  etaSeconds: number | null
  elapsedSeconds: number | null
  /** True once the listings are read: the totals will not grow any more. */
  planned: boolean
  samples: [number, number][]
  workers: { id: number; key: string }[]
}

/**
 * Live progress when main has sent some (it carries the rate samples), else the totals history kept
 * for the run: a run from an earlier session has no live progress, only what its record says.
 */
export function progressNumbers(
  job: JobSummary,
  progress: JobProgress | undefined,
  now: number = Date.now(),
): ProgressNumbers {
  const finished = isFinishedState(job.state)
  const moving = job.state === 'running' || job.state === 'verifying' || job.state === 'planning'
  const elapsed =
    progress?.elapsedSeconds ??
    secondsBetween(job.startedAt, job.finishedAt ?? (job.startedAt ? new Date(now).toISOString() : null))
  if (progress) {
    return {
      objectsDone: progress.objects.done,
      objectsTotal: progress.objects.total,
      bytesDone: progress.bytes.done,
      bytesTotal: progress.bytes.total,
      copied: progress.objects.copied,
      skipped: progress.objects.skipped,
      failed: progress.objects.failed,
      rate: moving ? progress.rate : null,
      etaSeconds: job.state === 'done' ? 0 : moving ? progress.etaSeconds : null,
      elapsedSeconds: elapsed,
      // A run that completed listed everything; one cancelled or failed may have stopped mid-listing.
      planned: progress.planned || job.state === 'done',
      samples: progress.samples,
      workers: finished ? [] : progress.workers,
    }
  }
  const t = job.totals
  return {
    objectsDone: t.objectsDone,
    objectsTotal: t.objects,
    bytesDone: t.bytesDone,
    bytesTotal: t.bytesTotal,
    copied: t.copied,
    skipped: t.skipped,
    failed: t.failed,
    rate: null,
    etaSeconds: job.state === 'done' ? 0 : null,
    elapsedSeconds: elapsed,
    planned: job.state === 'done',
    samples: [],
    workers: [],
  }
}
