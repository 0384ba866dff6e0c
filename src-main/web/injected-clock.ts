import type { ManagerClock } from '../core/jobs/job-manager-clock'

/** Browser mode's test clock: the time to start at, and how much faster than real time it runs. */
export const FAKE_NOW_ENV = 'SWIFT2S3_FAKE_NOW'
export const CLOCK_RATE_ENV = 'SWIFT2S3_CLOCK_RATE'

export interface InjectedClocks {
  /** For the scheduler: fake time, timers shortened by the rate so due times come on the fake clock. */
  scheduler: ManagerClock
  /**
   * For the job manager: the same fake time for history, but real timers: its progress ticks pace the
   * UI, and at a rate of 120 they would fire 480 times a second.
   */
  jobs: ManagerClock
}

/**
 * Reads SWIFT2S3_FAKE_NOW (an ISO time, e.g. 2030-01-07T01:59:00Z) and SWIFT2S3_CLOCK_RATE (fake
 * seconds per real second, default 1) for browser-mode tests, which start the server with them to see a
 * schedule come due without waiting for the real time. Undefined when FAKE_NOW is not set: the wall
 * clock. Only browser mode's composition root reads these; the desktop app never does.
 * @throws Error naming the variable when a value cannot be used.
 */
export function injectedClock(
  env: Readonly<Record<string, string | undefined>>,
  realNow: () => number = Date.now,
): InjectedClocks | undefined {
  const text = env[FAKE_NOW_ENV]
  if (!text) {
    if (env[CLOCK_RATE_ENV]) throw new Error(`${CLOCK_RATE_ENV} needs ${FAKE_NOW_ENV} as well`)
    return undefined
  }
  const start = Date.parse(text)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(start)) {
    throw new Error(`${FAKE_NOW_ENV} must be an ISO 8601 time such as 2030-01-07T01:59:00Z, got "${text}"`)
  }
  const rateText = env[CLOCK_RATE_ENV] ?? '1'
  const rate = Number(rateText)
  if (!/^\d+(\.\d+)?$/.test(rateText) || !(rate > 0) || rate > 10_000) {
    throw new Error(`${CLOCK_RATE_ENV} must be a number above 0 and at most 10000, got "${rateText}"`)
  }
  const origin = realNow()
  const now = (): number => start + Math.round((realNow() - origin) * rate)
  const timers = (scale: number): Pick<ManagerClock, 'setTimer' | 'clearTimer'> => ({
    setTimer: (callback, ms) => {
      const timer = setTimeout(callback, Math.max(0, ms) / scale)
      timer.unref()
      return timer
    },
    clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
  })
  return { scheduler: { now, ...timers(rate) }, jobs: { now, ...timers(1) } }
}
