import { setTimeout as delay } from 'node:timers/promises'

/** Time as the engine sees it; tests inject a fake one so rate and backoff logic is exact. */
export interface Clock {
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : undefined),
}
