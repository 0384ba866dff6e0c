import { AppError } from '../errors'
import type { S3Credentials } from '../s3/types'
import type { StartInput } from './job-manager-types'

/**
 * Checks of what shells hand the job manager. IPC input is validated by zod before it gets here; these
 * guard the manager's own invariants (the worker cap arithmetic, the token bucket) for every caller,
 * the scheduler and tests included.
 */

const MAX_WORKERS = 256

export function checkStart(input: Pick<StartInput, 'name' | 'spec' | 'credentialWaitMs'>): void {
  if (typeof input.name !== 'string' || input.name.trim() === '') {
    throw new AppError('VALIDATION', 'name must not be empty', 'name')
  }
  const workers = input.spec.options.maxWorkers
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
    throw new AppError(
      'VALIDATION',
      `options.maxWorkers must be a whole number from 1 to ${MAX_WORKERS} (got ${workers})`,
      'options.maxWorkers',
    )
  }
  checkBandwidth(input.spec.options.bandwidthLimitMb)
  const wait = input.credentialWaitMs
  if (wait !== undefined && (!Number.isFinite(wait) || wait < 0)) {
    throw new AppError(
      'VALIDATION',
      `credentialWaitMs must be zero or more milliseconds (got ${wait})`,
      'credentialWaitMs',
    )
  }
}

/** MB/s or null; 0 means no limit, as on the command line. */
export function checkBandwidth(mb: number | null): number | null {
  if (mb === null || mb === 0) return null
  if (typeof mb !== 'number' || !Number.isFinite(mb) || mb < 0) {
    throw new AppError(
      'VALIDATION',
      `bandwidthLimitMb must be a positive number or none (got ${mb})`,
      'bandwidthLimitMb',
    )
  }
  return mb
}

export function checkCredentials(credentials: S3Credentials): void {
  if (!credentials.accessKeyId?.trim()) {
    throw new AppError('VALIDATION', 'accessKeyId must not be empty', 'accessKeyId')
  }
  if (!credentials.secretAccessKey) {
    throw new AppError('VALIDATION', 'secretAccessKey must not be empty', 'secretAccessKey')
  }
}
