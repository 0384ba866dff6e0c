import type { IpcError } from '../../../src-preload/contract/result'
import type { AppError } from '../../core/errors'

/** An engine error as a result value carries it (a failed check is data, not a failed call). */
export function toIpcError(error: AppError): IpcError {
  return error.field === undefined
    ? { code: error.code, message: error.message }
    : { code: error.code, message: error.message, field: error.field }
}
