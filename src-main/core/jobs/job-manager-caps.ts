/**
 * The global worker cap shared by every job in the process. A job is granted what it asked for, clamped
 * to what is left; when nothing is left it waits its turn. Strictly first in, first out: a small job never
 * overtakes a queued big one, so no job can be starved by a stream of later ones.
 *
 * A grant is fixed for the whole run (the engine sizes its worker pool once per container); workers
 * freed later go to queued jobs rather than back to a job that was clamped.
 */
export class WorkerCaps<K> {
  private readonly queue: { key: K; requested: number }[] = []
  private readonly granted = new Map<K, number>()

  constructor(private limit: number) {
    checkCap(limit)
  }

  get cap(): number {
    return this.limit
  }

  get inUse(): number {
    let sum = 0
    for (const n of this.granted.values()) sum += n
    return sum
  }

  /** A lower cap takes effect as running jobs finish; a higher one may start queued jobs at once. */
  setCap(limit: number): void {
    checkCap(limit)
    this.limit = limit
  }

  enqueue(key: K, requested: number): void {
    this.queue.push({ key, requested })
  }

  /** Takes a job out of the queue (cancelled before it started). */
  dequeue(key: K): boolean {
    const index = this.queue.findIndex((q) => q.key === key)
    if (index < 0) return false
    this.queue.splice(index, 1)
    return true
  }

  /** 1-based place in the queue, or null when not queued. */
  position(key: K): number | null {
    const index = this.queue.findIndex((q) => q.key === key)
    return index < 0 ? null : index + 1
  }

  /** Grants workers to queued jobs from the head while any are free; returns who may start now. */
  admit(): { key: K; workers: number }[] {
    const started: { key: K; workers: number }[] = []
    for (let free = this.limit - this.inUse; free > 0; free = this.limit - this.inUse) {
      const head = this.queue.shift()
      if (!head) break
      const workers = Math.min(head.requested, free)
      this.granted.set(head.key, workers)
      started.push({ key: head.key, workers })
    }
    return started
  }

  release(key: K): void {
    this.granted.delete(key)
  }
}

function checkCap(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`The global worker cap must be a whole number of at least 1 (got ${limit}).`)
  }
}
