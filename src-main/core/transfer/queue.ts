import type { CopyTask } from './task'

/**
 * Between the planner and the workers. Tasks are plain data, so a distributed queue (SQS, Redis…) can
 * replace this in-process one when a migration outgrows a machine. Bounded: the planner waits when
 * workers fall behind, keeping memory flat on a listing of millions.
 */
export interface TaskQueue {
  /** Resolves once the task is accepted (waits while the queue is full). */
  push(task: CopyTask, signal?: AbortSignal): Promise<void>
  /** The next task, or undefined once the queue is closed and empty. */
  pull(signal?: AbortSignal): Promise<CopyTask | undefined>
  /** No more tasks will come. */
  close(): void
  readonly size: number
}

export class InProcessQueue implements TaskQueue {
  private readonly items: CopyTask[] = []
  private readonly takers: ((task: CopyTask | undefined) => void)[] = []
  private readonly pushers: (() => void)[] = []
  private closed = false

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.items.length
  }

  async push(task: CopyTask, signal?: AbortSignal): Promise<void> {
    const taker = this.takers.shift()
    if (taker) return taker(task)
    while (this.items.length >= this.capacity) {
      signal?.throwIfAborted()
      await new Promise<void>((resolve) => {
        this.pushers.push(resolve)
        signal?.addEventListener('abort', () => resolve(), { once: true })
      })
    }
    signal?.throwIfAborted()
    this.items.push(task)
  }

  async pull(signal?: AbortSignal): Promise<CopyTask | undefined> {
    const next = this.items.shift()
    if (next) {
      this.pushers.shift()?.()
      return next
    }
    if (this.closed) return undefined
    return new Promise((resolve) => {
      this.takers.push(resolve)
      signal?.addEventListener('abort', () => resolve(undefined), { once: true })
    })
  }

  close(): void {
    this.closed = true
    for (const taker of this.takers.splice(0)) taker(undefined)
  }
}
