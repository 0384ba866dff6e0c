/**
 * One memory budget for part buffers across all workers and jobs. A worker reserves a part's bytes
 * before filling it and releases them once the part is uploaded, so 64 workers on 100 MiB objects hold
 * at most the budget, not 64 parts. Waiters are served first come, first served; a request larger than
 * the whole budget is served alone, so it cannot deadlock.
 *
 * Buffers themselves are recycled (`acquireBuffer`): freshly allocated 8 MiB parts are external memory
 * that V8 frees only at its next major GC, and under load that lag doubled the resident size. Free
 * buffers are kept only while they fit in the budget beside those in use.
 */
// Small buffers come from Node's pool and are cheap; only part-sized ones are worth keeping.
const RECYCLE_MIN = 1024 * 1024

export class ByteBudget {
  private used = 0
  private readonly waiters: { bytes: number; resolve: () => void; reject: (e: unknown) => void }[] = []

  constructor(private total: number) {}

  get inUse(): number {
    return this.used
  }

  get capacity(): number {
    return this.total
  }

  setCapacity(total: number): void {
    this.total = total
    this.drain()
  }

  /** Resolves with a release function once `bytes` fit in the budget. */
  async acquire(bytes: number, signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted()
    if (this.waiters.length === 0 && this.fits(bytes)) return this.grant(bytes)
    await new Promise<void>((resolve, reject) => {
      const waiter = { bytes, resolve, reject }
      this.waiters.push(waiter)
      signal?.addEventListener(
        'abort',
        () => {
          const index = this.waiters.indexOf(waiter)
          if (index >= 0) this.waiters.splice(index, 1)
          reject(signal.reason)
          this.drain()
        },
        { once: true },
      )
    })
    return this.grant(bytes)
  }

  private readonly free = new Map<number, Buffer[]>()
  private freeBytes = 0

  /** A buffer of exactly `bytes`, reserved in the budget; `release` returns it for reuse. */
  async acquireBuffer(bytes: number, signal?: AbortSignal): Promise<{ buffer: Buffer; release: () => void }> {
    const release = await this.acquire(bytes, signal)
    const recycled = this.free.get(bytes)?.pop()
    if (recycled) this.freeBytes -= bytes
    else this.trimFree()
    const buffer = recycled ?? Buffer.allocUnsafeSlow(bytes)
    return {
      buffer,
      release: () => {
        // Keep it only if it fits beside what is in use; otherwise let the GC have it.
        if (this.used + this.freeBytes <= this.total && bytes >= RECYCLE_MIN) {
          const list = this.free.get(bytes) ?? []
          if (!list.includes(buffer)) {
            list.push(buffer)
            this.free.set(bytes, list)
            this.freeBytes += bytes
          }
        }
        release()
      },
    }
  }

  /** Drops free buffers (of other sizes) until those in use and those kept fit in the budget. */
  private trimFree(): void {
    for (const [size, list] of this.free) {
      while (list.length > 0 && this.used + this.freeBytes > this.total) {
        list.pop()
        this.freeBytes -= size
      }
      if (list.length === 0) this.free.delete(size)
    }
  }

  private fits(bytes: number): boolean {
    return this.used === 0 || this.used + bytes <= this.total
  }

  private grant(bytes: number): () => void {
    this.used += bytes
    let released = false
    return () => {
      if (released) return
      released = true
      this.used -= bytes
      this.drain()
    }
  }

  private drain(): void {
    while (this.waiters.length > 0 && this.fits(this.waiters[0]!.bytes)) {
      const next = this.waiters.shift()!
      // Count it now so the next waiter sees the bytes as taken.
      this.used += next.bytes
      next.resolve()
      this.used -= next.bytes
    }
  }
}
