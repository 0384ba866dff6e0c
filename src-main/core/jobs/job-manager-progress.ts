import type { ProgressSnapshot } from '../transfer/progress'
import type { JobProgressSnapshot, ProgressEstimate, SourceContainer } from './job-manager-types'
import type { JobSpec } from './job-spec'

const KEEP_SAMPLES = 300

/**
 * Whether the source's own statistics describe what a run of `spec` copies. Swift's account and
 * container stats count every object; a prefix, an include/exclude pattern or a retry's list of names
 * (`only`) copies only some, by an unknown share, so the stats would be an upper bound of unknown
 * slack: a percentage or a time left from them could be wrong by any factor, and an honest "after
 * listing" is better than that. Skipping directory markers does not matter: markers are empty, so the
 * bytes (and the time left) stay exact and only the object count runs a little high. Dry runs and
 * verify-only runs copy nothing, so they have no copy progress to estimate.
 */
export function canEstimate(spec: JobSpec): boolean {
  const { prefix, include, exclude, only } = spec.source
  const { dryRun, verifyOnly } = spec.options
  return !prefix && !include?.length && !exclude?.length && !only && !dryRun && !verifyOnly
}

/**
 * Whole-job progress over a run that copies several containers one after another. The engine's tracker
 * starts from zero for each container, so the totals of the finished ones are kept here and added to the
 * live one: the job's numbers only ever grow, which is what a progress bar and a rerun comparison need.
 * Rate samples are moved onto the job's own timeline; rate and workers are the live container's.
 *
 * The engine lists each container only a little ahead of the copy, so the exact totals grow until the
 * last container is listed. Preflight has the containers' stats (X-Container-Object-Count and bytes
 * used) long before that: from them comes an estimate of the whole job, so a share and a time left can
 * be shown from the start. It is made of the exact totals of what is already listed and the stats of
 * what is not, so it converges on the exact totals, and it goes (null) once everything is listed.
 */
export class JobProgress {
  private done = zeroCounts()
  private samples: [number, number][] = []
  private offsetSeconds = 0
  /** The engine's tracker of the container that just ended still answers until the next one starts. */
  private folded = true
  /** Every container of the run with its stats, once preflight has read them. */
  private source: SourceContainer[] | undefined
  private readonly started = new Set<string>()
  private current: string | undefined

  constructor(
    private readonly startedAt: number,
    /** False when the stats do not describe what is copied (see {@link canEstimate}). */
    private readonly estimable = true,
  ) {}

  /** Preflight's stats of every container the run copies, in order, before any of them is listed. */
  sourceKnown(containers: readonly SourceContainer[]): void {
    this.source = containers.map((c) => ({ ...c }))
  }

  /** A container's copy starts (its tracker starts at zero now). */
  containerStarted(now: number, container?: string): void {
    this.offsetSeconds = Math.max(0, Math.round((now - this.startedAt) / 1000))
    this.folded = false
    this.current = container
    if (container !== undefined) this.started.add(container)
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
   * The job's numbers now. `planned` says the totals are final: every container is listed (when the
   * containers are not known, the one being copied is), or the run has `finished`. The exact time left
   * is given only then; until then `estimate` carries one, when the source's stats allow.
   */
  snapshot(live: ProgressSnapshot | undefined, now: number, finished = false): JobProgressSnapshot {
    const current = this.folded ? undefined : live
    const d = this.done
    const copied = d.copied + (current?.objects.copied ?? 0)
    const skipped = d.skipped + (current?.objects.skipped ?? 0)
    const failed = d.failed + (current?.objects.failed ?? 0)
    const objects = {
      total: d.objectsTotal + (current?.objects.total ?? 0),
      done: copied + skipped + failed,
      copied,
      skipped,
      failed,
    }
    const bytes = {
      total: d.bytesTotal + (current?.bytes.total ?? 0),
      done: d.bytesDone + (current?.bytes.done ?? 0),
    }
    const unlisted = this.source?.filter((c) => !this.started.has(c.name))
    const planned =
      finished ||
      (unlisted === undefined
        ? (current?.planned ?? false)
        : unlisted.length === 0 && (current === undefined || current.planned))
    const rate = current?.rate ?? 0
    return {
      objects,
      bytes,
      planned,
      rate,
      etaSeconds: finished ? 0 : planned ? (current?.etaSeconds ?? null) : null,
      samples: current ? this.shifted(current).slice(-KEEP_SAMPLES) : [...this.samples],
      workers: current?.workers ?? [],
      elapsedSeconds: Math.max(0, Math.round((now - this.startedAt) / 1000)),
      estimate: planned ? null : this.estimate(current, unlisted, objects, bytes, rate),
    }
  }

  /**
   * Exact totals of what is listed, stats for the rest: the container being listed counts as its
   * stats until its listing has found more (Swift's stats lag behind recent writes).
   */
  private estimate(
    current: ProgressSnapshot | undefined,
    unlisted: SourceContainer[] | undefined,
    objects: { total: number; done: number },
    bytes: { total: number; done: number },
    rate: number,
  ): ProgressEstimate | null {
    if (!this.estimable || !unlisted) return null
    const stats = this.source?.find((c) => c.name === this.current)
    let estimatedObjects = objects.total
    let estimatedBytes = bytes.total
    if (current && stats && !current.planned) {
      estimatedObjects += Math.max(0, stats.objectCount - current.objects.total)
      estimatedBytes += Math.max(0, stats.bytesUsed - current.bytes.total)
    }
    for (const c of unlisted) {
      estimatedObjects += c.objectCount
      estimatedBytes += c.bytesUsed
    }
    // Stats behind by more than what is left (objects written since, or served larger than counted):
    // the estimate is proven wrong, and none beats a wrong one.
    if (objects.done > estimatedObjects || bytes.done > estimatedBytes) return null
    const left = estimatedBytes - bytes.done
    return {
      objects: estimatedObjects,
      bytes: estimatedBytes,
      etaSeconds: rate > 0 ? Math.round(left / rate) : null,
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
