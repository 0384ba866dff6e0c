import { AppError } from '../../errors'

/** Runs `action` and returns the AppError it throws, so a test can check the code, field and message. */
export function appErrorFrom(action: () => unknown): AppError {
  try {
    action()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected an AppError, but nothing was thrown')
}
