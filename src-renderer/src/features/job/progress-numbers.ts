import type { JobProgress, JobSummary } from '../../../../src-preload/contract/jobs'
import { isFinishedState } from '../../components/JobStateBadge'
import { percentOf, secondsBetween } from './format'

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
  /**
   * The final totals as main estimates them from the containers' stats while the listing goes on, with
   * the time left for them (null unless moving); null once `planned`, or when main made none.
   */
  estimate: { objects: number; bytes: number; etaSeconds: number | null } | null
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
    const planned = progress.planned || job.state === 'done'
    const estimate = !planned && !finished ? progress.estimate : null
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
      planned,
      estimate: estimate && {
        objects: estimate.objects,
        bytes: estimate.bytes,
        etaSeconds: moving ? estimate.etaSeconds : null,
      },
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
    estimate: null,
    samples: [],
    workers: [],
  }
}

/** How far a run is in one number: whether it is exact or estimated, or null while neither is known. */
export interface Share {
  percent: number | null
  /** From main's estimate: the listing is not complete yet. */
  estimated: boolean
}

/**
 * How far a run is, as a list row shows it: by bytes (what the time depends on), by objects when the
 * run has no bytes to speak of. Exact once everything is listed, from the estimate before that, and
 * none when there is neither: a share of a total that still grows would only mislead.
 */
export function shareOf(n: ProgressNumbers): Share {
  const by = (bytes: number, objects: number): number | null =>
    bytes > 0 ? percentOf(n.bytesDone, bytes) : percentOf(n.objectsDone, objects)
  if (n.planned) return { percent: by(n.bytesTotal, n.objectsTotal), estimated: false }
  if (n.estimate) return { percent: by(n.estimate.bytes, n.estimate.objects), estimated: true }
  return { percent: null, estimated: false }
}

/** The time left: exact once everything is listed, else main's estimate; null when neither is known. */
export function timeLeft(n: ProgressNumbers): { seconds: number; estimated: boolean } | null {
  if (n.etaSeconds !== null) return { seconds: n.etaSeconds, estimated: false }
  if (n.estimate?.etaSeconds != null) return { seconds: n.estimate.etaSeconds, estimated: true }
  return null
}
