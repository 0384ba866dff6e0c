import type { ManagerClock, TimerHandle } from './job-manager-clock'

interface KeyState {
  last: number
  timer: TimerHandle | undefined
  forget: boolean
}

/**
 * At most one call of `emit(key)` per interval for each key, however often `push(key)` is called. The
 * first push after a quiet spell emits at once (leading edge), so a state change feels instant; pushes
 * inside the interval collapse into one trailing emit at its end. `emit` reads the latest value when it
 * runs, which is why callers push absolute totals rather than deltas: nothing is lost by collapsing.
 */
export class Coalescer<K> {
  private readonly keys = new Map<K, KeyState>()

  constructor(
    private readonly clock: ManagerClock,
    private readonly intervalMs: number,
    private readonly emit: (key: K) => void,
  ) {}

  push(key: K): void {
    const now = this.clock.now()
    const state = this.keys.get(key)
    if (!state) {
      this.keys.set(key, { last: now, timer: undefined, forget: false })
      this.emit(key)
      return
    }
    state.forget = false
    if (state.timer !== undefined) return
    const wait = state.last + this.intervalMs - now
    if (wait <= 0) {
      state.last = now
      this.emit(key)
      return
    }
    state.timer = this.clock.setTimer(() => {
      state.timer = undefined
      state.last = this.clock.now()
      if (state.forget) this.keys.delete(key)
      this.emit(key)
    }, wait)
  }

  /** Drops the key once its pending emit (if any) has run; the last value still goes out. */
  forget(key: K): void {
    const state = this.keys.get(key)
    if (!state) return
    if (state.timer === undefined) this.keys.delete(key)
    else state.forget = true
  }

  /** Cancels every pending emit. */
  clear(): void {
    for (const state of this.keys.values()) {
      if (state.timer !== undefined) this.clock.clearTimer(state.timer)
    }
    this.keys.clear()
  }
}
