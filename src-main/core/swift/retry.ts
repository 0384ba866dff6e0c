import { setTimeout as delay } from 'node:timers/promises'
import type { Logger } from '../log/logger'
import { isAbort, isTransient, ServerError } from './errors'

/**
 * Retries for idempotent requests: exponential backoff with full jitter (spreads a thundering herd of
 * workers after a proxy restart), capped, honouring Retry-After when the server sends one.
 */
export interface RetryPolicy {
  /** Total attempts including the first. */
  attempts: number
  baseMs: number
  capMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseMs: 250, capMs: 20_000 }

export interface RetryDeps {
  logger: Logger
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  random?: () => number
}

export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1))
  return Math.round(random() * ceiling)
}

// Errors that already went through a retry loop. Auth retries inside a request's retries would
// otherwise multiply (5 × 5 attempts against a dead endpoint).
const exhausted = new WeakSet<object>()

export async function withRetries<T>(
  what: string,
  policy: RetryPolicy,
  deps: RetryDeps,
  run: (attempt: number) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const sleep = deps.sleep ?? ((ms, s) => delay(ms, undefined, s ? { signal: s } : undefined))
  const random = deps.random ?? Math.random
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(attempt)
    } catch (error) {
      if (typeof error === 'object' && error !== null && exhausted.has(error)) throw error
      if (isAbort(error) || signal?.aborted || !isTransient(error) || attempt >= policy.attempts) {
        if (typeof error === 'object' && error !== null) exhausted.add(error)
        throw error
      }
      const retryAfter = error instanceof ServerError ? error.retryAfterMs : undefined
      const waitMs = Math.min(policy.capMs, retryAfter ?? backoffMs(policy, attempt, random))
      deps.logger.log('warn', `${what} failed, retrying`, {
        attempt,
        of: policy.attempts,
        waitMs,
        error: error instanceof Error ? error.message : String(error),
      })
      await sleep(waitMs, signal)
    }
  }
}
