import type { ErrorCode } from '../../src-preload/contract/result'

/**
 * An error meant for a person: the message says what is wrong and, where it helps, which field.
 * Core throws these; the shells (IPC router, CLI, browser mode) turn them into envelopes or exit codes.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'AppError'
  }
}
