import { Transform, type TransformCallback } from 'node:stream'
import { systemClock, type Clock } from './clock'

/**
 * A bandwidth limit shared by everything that transfers (the original tool's --bandwidthLimitMb).
 * It is a virtual-time bucket (GCRA): each take reserves its slot at once, so concurrent workers queue
 * in arrival order without a scheduler loop, and the rate holds exactly on any clock. The rate can be
 * changed while a job runs; reservations already made keep their slot.
 */
export class TokenBucket {
  private rate: number | null
  /** Theoretical arrival time: when the bytes reserved so far will have been paid for. */
  private tat = 0
  private readonly burstMs: number

  constructor(
    bytesPerSecond: number | null,
    private readonly clock: Clock = systemClock,
    /** Bytes that may pass at once after an idle spell: keeps small objects snappy. */
    burstMs = 250,
  ) {
    this.rate = positiveOrNull(bytesPerSecond)
    this.burstMs = burstMs
  }

  /** Bytes per second, or null for no limit. */
  get bytesPerSecond(): number | null {
    return this.rate
  }

  setRate(bytesPerSecond: number | null): void {
    this.rate = positiveOrNull(bytesPerSecond)
    this.tat = Math.min(this.tat, this.clock.now())
  }

  /** Waits until `bytes` may be sent. */
  async take(bytes: number, signal?: AbortSignal): Promise<void> {
    if (this.rate === null || bytes <= 0) return
    const now = this.clock.now()
    this.tat = Math.max(this.tat, now - this.burstMs) + (bytes / this.rate) * 1000
    const waitMs = this.tat - now - this.burstMs
    if (waitMs > 0) await this.clock.sleep(waitMs, signal)
  }
}

function positiveOrNull(rate: number | null): number | null {
  return rate !== null && Number.isFinite(rate) && rate > 0 ? rate : null
}

/** MB/s as people type it (the original's unit: 1 MB = 1,000,000 bytes) to bytes per second. */
export function mbPerSecond(mb: number | null | undefined): number | null {
  return mb === null || mb === undefined || mb <= 0 ? null : mb * 1_000_000
}

// Small slices keep many workers interleaved fairly instead of one taking a whole part's worth.
const SLICE = 64 * 1024

/**
 * A stream stage that pays every bucket for the bytes passing through. With a global and a job bucket
 * the effective rate is the lower of the two, since each slice must be paid in both.
 */
export function throttle(buckets: TokenBucket[], signal?: AbortSignal): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      void (async () => {
        for (let offset = 0; offset < chunk.length; offset += SLICE) {
          const slice = chunk.subarray(offset, offset + SLICE)
          for (const bucket of buckets) await bucket.take(slice.length, signal)
          this.push(slice)
        }
      })().then(() => callback(), callback)
    },
  })
}
