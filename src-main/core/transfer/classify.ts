import { AuthError, ForbiddenError, isTransient, NotFoundError } from '../swift/errors'
import { ObjectFailedError } from './copier'
import { IntegrityError } from './integrity'
import { MetadataTooLargeError } from './metadata'

/**
 * What to do about a failed object: try it again, give up on it (the job goes on), stop the whole job,
 * or wait for new credentials. Unknown errors fail the object, never the job: one odd object must not
 * stop a night's migration.
 */
export type FailureAction = 'retry' | 'fail-object' | 'stop-job' | 'need-credentials'

export type TargetClassifier = (error: unknown) => FailureAction | undefined

export function classifyFailure(error: unknown, target?: TargetClassifier): FailureAction {
  if (error instanceof IntegrityError) return 'retry'
  if (error instanceof ObjectFailedError || error instanceof MetadataTooLargeError) return 'fail-object'
  // The source was deleted while the job ran: nothing to copy any more.
  if (error instanceof NotFoundError) return error.what === 'object' ? 'fail-object' : 'stop-job'
  if (error instanceof AuthError || error instanceof ForbiddenError) return 'stop-job'
  if (isTransient(error)) return 'retry'
  // A source stream broken mid-body surfaces as the socket's own error (ECONNRESET, UND_ERR_SOCKET…).
  if (isSocketError(error)) return 'retry'
  return target?.(error) ?? 'fail-object'
}

function isSocketError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 3; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (
      typeof code === 'string' &&
      /^(ECONN|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|UND_ERR_)/.test(code)
    )
      return true
  }
  return false
}
