import type { CheckStatus, ConnectionCheck, ConnectionStep } from '../../../src-preload/contract/connections'
import { AppError } from '../errors'
import { isAbort } from '../swift/errors'

/** A step that has not answered by then will not; the user would rather see why. */
export const STEP_TIMEOUT_MS = 30_000

/** Returned by {@link Checks.run} when the step failed; the test ends there. */
export const FAILED = Symbol('failed')
export type Failed = typeof FAILED

/**
 * The steps of one test in order, each recorded as it ends; the first failure ends the test. Failures
 * of the engine (AppError) become part of the result with their exact code, message and field; anything
 * else is a bug and fails the call.
 */
export class Checks {
  private readonly list: ConnectionCheck[] = []

  constructor(private readonly timeoutMs: number = STEP_TIMEOUT_MS) {}

  /** Runs one step with its own timeout; `detail` says what it found. */
  async run<T>(
    step: ConnectionStep,
    work: (signal: AbortSignal) => Promise<T>,
    detail: (value: T) => string,
  ): Promise<T | Failed> {
    const value = await this.attempt(step, work)
    if (value !== FAILED) this.add(step, 'passed', detail(value))
    return value
  }

  /** Runs work that belongs to a step, recording only its failure; the caller says how the step ended. */
  async attempt<T>(step: ConnectionStep, work: (signal: AbortSignal) => Promise<T>): Promise<T | Failed> {
    const signal = AbortSignal.timeout(this.timeoutMs)
    try {
      return await untilAborted(work(signal), signal)
    } catch (error) {
      this.fail(step, this.asAppError(error, signal))
      return FAILED
    }
  }

  add(step: ConnectionStep, status: Exclude<CheckStatus, 'failed'>, detail: string): void {
    this.list.push({ step, status, detail })
  }

  fail(step: ConnectionStep, error: AppError): void {
    const { code, message, field } = error
    this.list.push({
      step,
      status: 'failed',
      error: field === undefined ? { code, message } : { code, message, field },
    })
  }

  /** No step failed (a warning or a skipped step still counts as working). */
  get ok(): boolean {
    return this.list.every((check) => check.status !== 'failed')
  }

  /**
   * The checks with every text passed through `redact`. The engine's messages are redacted where they
   * are made; this is the second layer, with every secret the test knew, before anything is kept or sent.
   */
  results(redact: (text: string) => string): ConnectionCheck[] {
    return this.list.map((check) => ({
      ...check,
      ...(check.detail !== undefined && { detail: redact(check.detail) }),
      ...(check.error !== undefined && { error: { ...check.error, message: redact(check.error.message) } }),
    }))
  }

  /**
   * Once the step's own timer has fired, that is why it failed, whatever the layer below made of the
   * abort ("request cancelled"); an AppError is reported as it is; anything else unexpected is a bug.
   */
  private asAppError(error: unknown, signal: AbortSignal): AppError {
    const timedOut = signal.aborted || (!(error instanceof AppError) && isTimeout(error))
    if (timedOut) {
      return new AppError('NETWORK', `No answer within ${this.timeoutMs / 1000} seconds.`, undefined, {
        cause: error,
      })
    }
    if (error instanceof AppError) return error
    throw error
  }
}

/**
 * The work's answer, or the abort once the signal fires: a layer that ignores the signal (Keystone
 * auth keeps its own timeouts, and retries) cannot hold the step past its time. Its late failure is
 * dropped; the client is closed when the test ends, which ends the request.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  work.catch(() => undefined)
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    if (signal.aborted) onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

function isTimeout(error: unknown): boolean {
  return isAbort(error) || (error instanceof Error && error.name === 'TimeoutError')
}

/** "1 container", "2 containers". */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`
}

/** `"a", "b" and "c"`, or `"a", "b", "c" and 4 more`: quoted, so a name with a comma or space reads as one. */
export function quotedList(names: readonly string[], more = 0): string {
  const quoted = names.map((name) => `"${name}"`)
  if (more > 0) return `${quoted.join(', ')} and ${more} more`
  if (quoted.length <= 1) return quoted.join('')
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`
}

/** What the secrets step says when it passed. */
export function secretsDetail(values: Record<string, string>): string {
  return Object.keys(values).length > 0
    ? 'The secrets are in the vault.'
    : 'The profile keeps no secret in the app.'
}
