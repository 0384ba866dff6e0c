/**
 * Time as the job manager sees it: wall-clock milliseconds for the timestamps history keeps, and timers
 * for progress coalescing. Injected so tests drive both with a fake and never sleep.
 */
export interface ManagerClock {
  /** Milliseconds since the epoch. */
  now(): number
  setTimer(callback: () => void, ms: number): TimerHandle
  clearTimer(handle: TimerHandle): void
}

/** Whatever setTimer returned; only ever handed back to clearTimer. */
export type TimerHandle = unknown

export const systemManagerClock: ManagerClock = {
  now: () => Date.now(),
  setTimer: (callback, ms) => {
    const timer = setTimeout(callback, ms)
    // A progress tick must never keep a CLI or a test process alive on its own.
    timer.unref()
    return timer
  },
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
}
