/**
 * The result envelope every invoke channel returns.
 * Why an envelope rather than a thrown error: Electron keeps only `error.message` of an error
 * thrown in a handler (and prefixes it), so codes and fields would be lost on the way.
 */

/** Error codes a renderer can branch on; a list too, so main can check a stored one (a profile's last test). */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'AUTH',
  'NETWORK',
  'UNAVAILABLE',
  'INTERNAL',
] as const

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number]

/** A failure a person can act on: `message` is written for the user, `field` names the bad input. */
export interface IpcError {
  code: ErrorCode
  message: string
  /** Dotted path of the offending input field, for VALIDATION. */
  field?: string
}

/** Success or failure of one invoke call. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError }

/** Builds a success envelope. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

/** Builds a failure envelope. */
export function fail(code: ErrorCode, message: string, field?: string): Result<never> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } }
}
