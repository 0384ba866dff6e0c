import { AppError } from '../errors'

/**
 * Typed failures of the S3 target. Each message is written for the person running the migration: what
 * failed, on which bucket or key, and what to do. None carries a secret. Each also says what the engine
 * should do next (`action`), so the engine branches on one field instead of on S3 error codes.
 */

/**
 * - `retry`: worth another attempt of this object (throttling, 5xx, a dropped connection, a corrupted body).
 * - `fail-object`: this object cannot be copied as it is; record it and go on with the others.
 * - `stop-job`: every object would fail the same way (missing bucket, no permission, wrong region).
 * - `need-credentials`: pause and ask for (or refresh) keys, then retry the object.
 */
export type S3ErrorAction = 'retry' | 'fail-object' | 'stop-job' | 'need-credentials'

/** What S3 said, for logs and support: the HTTP status, S3's error code and its request id. */
export interface S3ErrorDetails {
  status?: number
  s3Code?: string
  requestId?: string
  cause?: unknown
}

export class S3Error extends AppError {
  readonly status: number | undefined
  readonly s3Code: string | undefined
  readonly requestId: string | undefined
  constructor(
    code: AppError['code'],
    readonly action: S3ErrorAction,
    message: string,
    details: S3ErrorDetails = {},
    field?: string,
  ) {
    super(code, message, field, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'S3Error'
    this.status = details.status
    this.s3Code = details.s3Code
    this.requestId = details.requestId
  }
}

/** A target setting that cannot work; reported against its field before any request is made. */
export class S3ConfigError extends AppError {
  constructor(message: string, field?: string) {
    super('VALIDATION', message, field)
    this.name = 'S3ConfigError'
  }
}

export class BucketNotFoundError extends S3Error {
  constructor(
    readonly bucket: string,
    where: string | undefined,
    details: S3ErrorDetails = {},
  ) {
    super(
      'NOT_FOUND',
      'stop-job',
      `The bucket "${bucket}" does not exist${where ? ` at ${where}` : ''}. Check the name, or create the bucket first.`,
      details,
      'bucket',
    )
    this.name = 'BucketNotFoundError'
  }
}

export class ObjectNotFoundError extends S3Error {
  constructor(
    readonly bucket: string,
    readonly key: string,
    details: S3ErrorDetails = {},
  ) {
    super('NOT_FOUND', 'fail-object', `The object "${key}" does not exist in bucket "${bucket}".`, details)
    this.name = 'ObjectNotFoundError'
  }
}

/** The multipart upload is gone (aborted, completed, or expired by a lifecycle rule): start the object again. */
export class NoSuchUploadError extends S3Error {
  constructor(
    readonly key: string,
    readonly uploadId: string,
    details: S3ErrorDetails = {},
  ) {
    super(
      'NOT_FOUND',
      'retry',
      `The multipart upload of "${key}" no longer exists on the server (aborted, completed or expired); the object must be uploaded again.`,
      details,
    )
    this.name = 'NoSuchUploadError'
  }
}

export class AccessDeniedError extends S3Error {
  constructor(
    readonly bucket: string,
    readonly key: string | undefined,
    message: string,
    details: S3ErrorDetails = {},
  ) {
    super('FORBIDDEN', 'stop-job', message, details)
    this.name = 'AccessDeniedError'
  }
}

export class WrongRegionError extends S3Error {
  constructor(
    /** Undefined for a call about no bucket (ListBuckets): then the server's own region is wrong. */
    readonly bucket: string | undefined,
    /** Where the bucket really is, when S3 said so (x-amz-bucket-region or the error body). */
    readonly bucketRegion: string | undefined,
    readonly configuredRegion: string,
    details: S3ErrorDetails = {},
  ) {
    const where = bucket === undefined ? 'The S3 server' : `The bucket "${bucket}"`
    super(
      'VALIDATION',
      'stop-job',
      bucketRegion
        ? `${where} is in region ${bucketRegion}, not ${configuredRegion}. Set the region to ${bucketRegion}.`
        : `${where} is not in region ${configuredRegion}, and S3 did not say which region it is in. Check the region setting.`,
      details,
      'region',
    )
    this.name = 'WrongRegionError'
  }
}

export type InvalidCredentialsReason = 'unknown-key' | 'wrong-secret' | 'invalid-token' | 'missing'

export class InvalidCredentialsError extends S3Error {
  constructor(
    readonly reason: InvalidCredentialsReason,
    message: string,
    details: S3ErrorDetails = {},
  ) {
    super('AUTH', 'need-credentials', message, details, 'credentials')
    this.name = 'InvalidCredentialsError'
  }
}

/** Temporary credentials (STS session token, SSO) ran out mid-run; the SDK does not retry this. */
export class ExpiredCredentialsError extends S3Error {
  constructor(message: string, details: S3ErrorDetails = {}) {
    super('AUTH', 'need-credentials', message, details, 'credentials')
    this.name = 'ExpiredCredentialsError'
  }
}

/**
 * S3 computed a different MD5 than the Content-MD5 we sent, so it stored nothing. The bytes changed on
 * the way (or the MD5 given was not the body's); another attempt re-reads the source.
 */
export class BadDigestError extends S3Error {
  constructor(
    readonly key: string,
    readonly partNumber: number | undefined,
    details: S3ErrorDetails = {},
  ) {
    super(
      'CONFLICT',
      'retry',
      `S3 rejected the body of "${key}"${partNumber === undefined ? '' : ` (part ${partNumber})`}: its MD5 does not match the Content-MD5 sent with it (BadDigest), so the data changed on the way. Nothing was stored.`,
      details,
    )
    this.name = 'BadDigestError'
  }
}

/** Any other answer from S3; `transient` ones (5xx, SlowDown, 429, RequestTimeout) are worth a retry. */
export class S3ServerError extends S3Error {
  constructor(
    message: string,
    readonly transient: boolean,
    action: S3ErrorAction,
    details: S3ErrorDetails = {},
  ) {
    super(transient ? 'UNAVAILABLE' : 'INTERNAL', action, message, details)
    this.name = 'S3ServerError'
  }
}

/** This object's metadata or headers cannot be sent to S3 as they are (e.g. non-ASCII header text). */
export class UnsupportedObjectError extends S3Error {
  constructor(message: string, field?: string) {
    super('VALIDATION', 'fail-object', message, {}, field)
    this.name = 'UnsupportedObjectError'
  }
}

/** The source stream gave more or fewer bytes than the Content-Length announced; S3 must not store it. */
export class BodyLengthError extends S3Error {
  constructor(
    readonly key: string,
    readonly expected: number,
    readonly received: number,
  ) {
    super(
      'CONFLICT',
      'retry',
      received < expected
        ? `The source of "${key}" ended after ${received} of ${expected} bytes; the upload was stopped.`
        : `The source of "${key}" sent more than the ${expected} bytes announced; the upload was stopped.`,
    )
    this.name = 'BodyLengthError'
  }
}

/** The stream being uploaded failed (a dropped Swift download, say); the object is worth another try. */
export class SourceReadError extends S3Error {
  constructor(
    readonly key: string,
    message: string,
    cause: unknown,
  ) {
    super('NETWORK', 'retry', message, { cause })
    this.name = 'SourceReadError'
  }
}
