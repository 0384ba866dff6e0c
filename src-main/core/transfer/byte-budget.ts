/**
 * One memory budget for part buffers across all workers and jobs. A worker reserves a part's bytes
 * before filling it and releases them once the part is uploaded, so 64 workers on 100 MiB objects hold
 * at most the budget, not 64 parts. Waiters are served first come, first served; a request larger than
 * the whole budget is served alone, so it cannot deadlock.
 */
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
