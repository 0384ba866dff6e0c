import { AppError } from '../errors'

/**
 * Typed failures of the Swift client. Each message is written for the person running the migration:
 * what failed, against which URL or object, and what the server said. None carries a secret.
 * The engine branches on the class (retry, ask for credentials, skip the object, stop the run).
 */

export type AuthMethod =
  'application credential' | 'password' | 'token' | 'v1 (tempauth)' | 'pre-authenticated token'

export class AuthError extends AppError {
  constructor(
    readonly method: AuthMethod,
    readonly url: string,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super('AUTH', message, undefined, options)
    this.name = 'AuthError'
  }
}

/** Configuration that cannot work (no matching catalog endpoint, an unsupported auth URL). */
export class SwiftConfigError extends AppError {
  constructor(message: string, field?: string) {
    super('VALIDATION', message, field)
    this.name = 'SwiftConfigError'
  }
}

export class NotFoundError extends AppError {
  constructor(
    readonly what: 'account' | 'container' | 'object',
    readonly container: string | undefined,
    readonly object: string | undefined,
    message: string,
  ) {
    super('NOT_FOUND', message)
    this.name = 'NotFoundError'
  }
}

export class ForbiddenError extends AppError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super('FORBIDDEN', message)
    this.name = 'ForbiddenError'
  }
}

export type NetworkProblem = 'refused' | 'dns' | 'tls' | 'reset' | 'other'

export class NetworkError extends AppError {
  constructor(
    readonly problem: NetworkProblem,
    readonly url: string,
    message: string,
    readonly osCode?: string,
    options?: { cause?: unknown },
  ) {
    super('NETWORK', message, undefined, options)
    this.name = 'NetworkError'
  }
}

export class TimeoutError extends AppError {
  constructor(
    readonly url: string,
    readonly phase: 'connect' | 'headers' | 'body',
    message: string,
    options?: { cause?: unknown },
  ) {
    super('NETWORK', message, undefined, options)
    this.name = 'TimeoutError'
  }
}

export class ServerError extends AppError {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly requestId: string | undefined,
    message: string,
    /** From a Retry-After header (503, 429, 498): how long the server asked us to wait. */
    readonly retryAfterMs?: number,
  ) {
    super('UNAVAILABLE', message)
    this.name = 'ServerError'
  }
}

/** Errors worth another attempt of an idempotent request. */
export function isTransient(error: unknown): boolean {
  if (error instanceof TimeoutError) return true
  if (error instanceof NetworkError) return error.problem !== 'tls' && error.problem !== 'dns'
  if (error instanceof ServerError)
    return error.status >= 500 || error.status === 408 || error.status === 429 || error.status === 498
  return false
}

export function isAbort(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'AbortError' || (error as { code?: string }).code === 'ABORT_ERR')
  )
}
