import type { Clock } from './clock'

/**
 * Absolute totals, never deltas, so a dropped progress message does no harm; cheap to take several
 * times a second. The rate is a moving average over recent one-second samples, which are kept for charts.
 */
export interface ProgressSnapshot {
  objects: { total: number; done: number; copied: number; skipped: number; failed: number }
  bytes: { total: number; done: number }
  /** True once the listings are fully read: totals are final. */
  planned: boolean
  /** Bytes per second over the last few seconds. */
  rate: number
  /** Seconds left at the current rate; null when unknown. */
  etaSeconds: number | null
  /** Recent [elapsed seconds, bytes per second] samples. */
  samples: [number, number][]
  /** What each worker is on right now. */
  workers: { id: number; key: string }[]
  elapsedSeconds: number
}

const WINDOW = 5
const KEEP_SAMPLES = 300

export class ProgressTracker {
  private objectsTotal = 0
  private copied = 0
  private skipped = 0
  private failed = 0
  private bytesTotal = 0
  private bytesDone = 0
  private planned = false
  private readonly started: number
  private lastSampleAt: number
  private lastSampleBytes = 0
  /** Bytes actually moved (not skipped ones): what the rate is made of. */
  private moved = 0
  private readonly samples: [number, number][] = []
  private readonly active = new Map<number, string>()

  constructor(private readonly clock: Clock) {
    this.started = clock.now()
    this.lastSampleAt = this.started
  }

  addPlanned(objects: number, bytes: number): void {
    this.objectsTotal += objects
    this.bytesTotal += bytes
  }

  planComplete(): void {
    this.planned = true
  }

  workerOn(id: number, key: string | undefined): void {
    if (key === undefined) this.active.delete(id)
    else this.active.set(id, key)
  }

  bytes(n: number): void {
    // Close elapsed seconds first, so these bytes land in the second they arrived in.
    this.sample()
    this.bytesDone += n
    this.moved += n
  }

  /** A retry re-reads bytes already counted; take them back so totals stay true. */
  unbytes(n: number): void {
    this.bytesDone -= n
    this.moved -= n
  }

  outcome(kind: 'copied' | 'skipped' | 'failed', bytes: number): void {
    if (kind === 'copied') this.copied++
    else if (kind === 'skipped') {
      this.skipped++
      this.bytesDone += bytes
    } else {
      this.failed++
      this.bytesDone += bytes
    }
  }

  /** Closes every whole second since the last sample; idle seconds count as zero. */
  private sample(): void {
    const now = this.clock.now()
    const idleSeconds = Math.floor((now - this.lastSampleAt) / 1000)
    if (idleSeconds > KEEP_SAMPLES) this.lastSampleAt += (idleSeconds - KEEP_SAMPLES) * 1000
    while (now - this.lastSampleAt >= 1000) {
      this.lastSampleAt += 1000
      this.samples.push([
        Math.round((this.lastSampleAt - this.started) / 1000),
        Math.max(0, this.moved - this.lastSampleBytes),
      ])
      this.lastSampleBytes = this.moved
      if (this.samples.length > KEEP_SAMPLES) this.samples.shift()
    }
  }

  snapshot(): ProgressSnapshot {
    this.sample()
    const recent = this.samples.slice(-WINDOW)
    const rate = recent.length ? recent.reduce((n, [, b]) => n + b, 0) / recent.length : 0
    const remaining = Math.max(0, this.bytesTotal - this.bytesDone)
    return {
      objects: {
        total: this.objectsTotal,
        done: this.copied + this.skipped + this.failed,
        copied: this.copied,
        skipped: this.skipped,
        failed: this.failed,
      },
      bytes: { total: this.bytesTotal, done: this.bytesDone },
      planned: this.planned,
      rate,
      etaSeconds:
        rate > 0 && this.planned ? Math.round(remaining / rate) : remaining === 0 && this.planned ? 0 : null,
      samples: [...this.samples],
      workers: [...this.active].map(([id, key]) => ({ id, key })),
      elapsedSeconds: Math.round((this.clock.now() - this.started) / 1000),
    }
  }
}
