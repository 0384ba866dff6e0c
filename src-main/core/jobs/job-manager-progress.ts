import type { ProgressSnapshot } from '../transfer/progress'

const KEEP_SAMPLES = 300

/**
 * Whole-job progress over a run that copies several containers one after another. The engine's tracker
 * starts from zero for each container, so the totals of the finished ones are kept here and added to the
 * live one: the job's numbers only ever grow, which is what a progress bar and a rerun comparison need.
 * Rate samples are moved onto the job's own timeline; rate, ETA and workers are the live container's.
 */
export class JobProgress {
  private done = zeroCounts()
  private samples: [number, number][] = []
  private offsetSeconds = 0
  /** The engine's tracker of the container that just ended still answers until the next one starts. */
  private folded = true

  constructor(private readonly startedAt: number) {}

  /** A container's copy starts (its tracker starts at zero now). */
  containerStarted(now: number): void {
    this.offsetSeconds = Math.max(0, Math.round((now - this.startedAt) / 1000))
    this.folded = false
  }

  /** A container's copy ended; `final` is its tracker's last snapshot. */
  containerEnded(final: ProgressSnapshot | undefined): void {
    if (this.folded) return
    this.folded = true
    if (!final) return
    const d = this.done
    d.objectsTotal += final.objects.total
    d.copied += final.objects.copied
    d.skipped += final.objects.skipped
    d.failed += final.objects.failed
    d.bytesTotal += final.bytes.total
    d.bytesDone += final.bytes.done
    this.samples = this.shifted(final).slice(-KEEP_SAMPLES)
  }

  /**
   * The job's numbers now. `planned`, the rate and the ETA are those of the container being copied (later
   * containers are not listed yet); once the run has `finished` the totals are final.
   */
  snapshot(live: ProgressSnapshot | undefined, now: number, finished = false): ProgressSnapshot {
    const current = this.folded ? undefined : live
    const d = this.done
    const copied = d.copied + (current?.objects.copied ?? 0)
    const skipped = d.skipped + (current?.objects.skipped ?? 0)
    const failed = d.failed + (current?.objects.failed ?? 0)
    return {
      objects: {
        total: d.objectsTotal + (current?.objects.total ?? 0),
        done: copied + skipped + failed,
        copied,
        skipped,
        failed,
      },
      bytes: {
        total: d.bytesTotal + (current?.bytes.total ?? 0),
        done: d.bytesDone + (current?.bytes.done ?? 0),
      },
      planned: finished || (current?.planned ?? false),
      rate: current?.rate ?? 0,
      etaSeconds: finished ? 0 : (current?.etaSeconds ?? null),
      samples: current ? this.shifted(current).slice(-KEEP_SAMPLES) : [...this.samples],
      workers: current?.workers ?? [],
      elapsedSeconds: Math.max(0, Math.round((now - this.startedAt) / 1000)),
    }
  }

  private shifted(current: ProgressSnapshot): [number, number][] {
    return [
      ...this.samples,
      ...current.samples.map(([t, b]): [number, number] => [t + this.offsetSeconds, b]),
    ]
  }
}

function zeroCounts() {
  return { objectsTotal: 0, copied: 0, skipped: 0, failed: 0, bytesTotal: 0, bytesDone: 0 }
}
