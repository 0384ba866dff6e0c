import { AppError } from '../errors'
import type { Redactor } from '../log/redact'
import { isAbort, isTransient, NetworkError, TimeoutError } from '../swift/errors'
import { toNetworkError } from '../swift/network-errors'
import {
  AccessDeniedError,
  BadDigestError,
  BucketNotFoundError,
  ExpiredCredentialsError,
  InvalidCredentialsError,
  NoSuchUploadError,
  ObjectNotFoundError,
  S3ConfigError,
  S3Error,
  S3ServerError,
  WrongRegionError,
  type S3ErrorAction,
  type S3ErrorDetails,
} from './errors'

/**
 * Maps whatever an S3 call threw (an SDK service exception, a socket error, a credential-provider
 * failure, or one of our own typed errors) to a typed error and what the engine should do about it.
 * SDK errors are recognised by `name` / `Code` first and by HTTP status second: HEAD responses carry
 * no body, so a HEAD failure is only a status ("Unknown" 403 could be bad keys or a missing permission).
 */

export interface S3ErrorContext {
  /** SDK operation name, e.g. PutObject. */
  operation?: string
  bucket?: string
  key?: string
  uploadId?: string
  partNumber?: number
  /** The region the request was signed for. */
  region?: string
  /** Endpoint URL, for network error messages. */
  url?: string
  /** Masks the secrets this target knows in any server text that ends up in a message. */
  redactor?: Redactor
}

export interface S3Classification {
  action: S3ErrorAction
  error: AppError
}

interface SdkError {
  name: string
  message: string
  Code?: unknown
  Region?: unknown
  $metadata?: { httpStatusCode?: number; requestId?: string }
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> }
}

/** Throttling and server-side hiccups the SDK itself also treats as retryable. */
const TRANSIENT_CODES = new Set([
  'SlowDown',
  'ServiceUnavailable',
  'InternalError',
  'RequestTimeout',
  'RequestTimeoutException',
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'PriorRequestNotComplete',
  'OperationAborted',
])

/** Answers that would repeat for every object: a setting or the server's capabilities are at fault. */
const JOB_LEVEL_CODES = new Set([
  'NotImplemented',
  'InvalidStorageClass',
  'InvalidBucketName',
  'InvalidBucketState',
  'RequestTimeTooSkewed',
  'AuthorizationHeaderMalformed',
  'InvalidEncryptionAlgorithmError',
  'KMSInvalidStateException',
])

const EXPIRED_CODES = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired'])
const CREDENTIAL_PROVIDER_ERRORS = new Set(['CredentialsProviderError', 'TokenProviderError'])
/** Names the SDK gives when the body had no error code. */
const GENERIC_NAMES = new Set(['Unknown', 'UnknownError', 'Error', 'S3ServiceException'])

function asSdkError(error: unknown): SdkError | undefined {
  if (!(error instanceof Error)) return undefined
  const candidate = error as Error & Partial<SdkError>
  const status = candidate.$metadata?.httpStatusCode ?? candidate.$response?.statusCode
  return typeof status === 'number' ? (candidate as SdkError) : undefined
}

function statusOf(error: SdkError): number {
  return error.$metadata?.httpStatusCode ?? error.$response?.statusCode ?? 0
}

/** S3's error code, or undefined when the response had none (HEAD, empty bodies). */
export function s3CodeOf(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined
  const code = (error as { Code?: unknown }).Code
  if (typeof code === 'string' && code !== '') return code
  return GENERIC_NAMES.has(error.name) ? undefined : error.name
}

/** The bucket's real region, from the header AWS sets or the body of AuthorizationHeaderMalformed. */
function regionHint(error: SdkError): string | undefined {
  if (typeof error.Region === 'string' && error.Region !== '') return error.Region
  const header = error.$response?.headers?.['x-amz-bucket-region']
  if (header) return header
  return /expecting '([^']+)'/.exec(error.message)?.[1]
}

function subject(ctx: S3ErrorContext): string {
  const bucket = ctx.bucket ?? '?'
  if (ctx.key === undefined) return `bucket "${bucket}"`
  const part = ctx.partNumber === undefined ? '' : ` (part ${ctx.partNumber})`
  return `"${ctx.key}"${part} in bucket "${bucket}"`
}

function hintFor(code: string | undefined, serverMessage: string): string {
  switch (code) {
    case 'NotImplemented':
      return /chunk/i.test(serverMessage)
        ? ' The server does not accept the AWS SDK’s streaming checksums: set the checksum mode to "auto" or "when-required".'
        : ' The server does not support a feature this target uses (server-side encryption, a storage class, tagging); turn it off in the target settings.'
    case 'InvalidStorageClass':
      return ' Choose a storage class this server supports (most S3-compatible servers only know STANDARD).'
    case 'RequestTimeTooSkewed':
      return ' This computer’s clock is too far from the server’s; correct the clock (turn on automatic time).'
    case 'AuthorizationHeaderMalformed':
      return ' Check the region setting.'
    default:
      return ''
  }
}

function serverError(
  error: SdkError,
  code: string | undefined,
  ctx: S3ErrorContext,
  details: S3ErrorDetails,
) {
  const status = statusOf(error)
  const raw = GENERIC_NAMES.has(error.message) || error.message === code ? '' : error.message
  const serverMessage = ctx.redactor ? ctx.redactor.text(raw) : raw
  const transient =
    (code !== undefined && TRANSIENT_CODES.has(code)) ||
    status === 429 ||
    (status >= 500 && status !== 501 && code !== 'NotImplemented')
  const jobLevel = code !== undefined && (JOB_LEVEL_CODES.has(code) || code.startsWith('KMS.'))
  const action: S3ErrorAction = transient ? 'retry' : jobLevel || status === 501 ? 'stop-job' : 'fail-object'
  const op = ctx.operation ? ` to ${ctx.operation}` : ''
  const what = `${status}${code ? ` ${code}` : ''}`
  const message =
    `S3 answered ${what}${op} of ${subject(ctx)}${serverMessage ? `: ${serverMessage}` : '.'}` +
    hintFor(code, serverMessage) +
    (details.requestId ? ` (request id ${details.requestId})` : '')
  return new S3ServerError(message, transient, action, details)
}

function classifySdkError(error: SdkError, ctx: S3ErrorContext): S3Error {
  const status = statusOf(error)
  const code = s3CodeOf(error)
  const bucket = ctx.bucket ?? '?'
  const details: S3ErrorDetails = {
    status,
    ...(code !== undefined ? { s3Code: code } : {}),
    ...(error.$metadata?.requestId ? { requestId: error.$metadata.requestId } : {}),
    cause: error,
  }
  const region = regionHint(error)

  if (code !== undefined && EXPIRED_CODES.has(code)) {
    return new ExpiredCredentialsError(
      `The S3 session credentials have expired (${code}). Enter fresh keys, or sign in to the AWS profile again, to continue.`,
      details,
    )
  }
  switch (code) {
    case 'InvalidAccessKeyId':
      return new InvalidCredentialsError(
        'unknown-key',
        'S3 does not recognise the access key ID. Check the access key in the target settings.',
        details,
      )
    case 'SignatureDoesNotMatch':
      return new InvalidCredentialsError(
        'wrong-secret',
        'S3 rejected the request signature: the secret access key does not belong to the access key ID. Check the secret key (a wrong computer clock or a proxy that rewrites requests can cause this too).',
        details,
      )
    case 'InvalidToken':
      return new InvalidCredentialsError(
        'invalid-token',
        'S3 rejected the session token. Enter the access key, secret key and session token of one session.',
        details,
      )
    case 'NoSuchBucket':
      return new BucketNotFoundError(bucket, ctx.url, details)
    case 'NoSuchKey':
      return new ObjectNotFoundError(bucket, ctx.key ?? '?', details)
    case 'NoSuchUpload':
      return new NoSuchUploadError(ctx.key ?? '?', ctx.uploadId ?? '?', details)
    case 'BadDigest':
      return new BadDigestError(ctx.key ?? '?', ctx.partNumber, details)
    case 'AccessDenied':
    case 'AllAccessDisabled':
      return new AccessDeniedError(
        bucket,
        ctx.key,
        `Access to ${subject(ctx)} was denied${ctx.operation ? ` for ${ctx.operation}` : ''}: the keys are valid but lack permission. Grant the user the S3 permissions on this bucket.`,
        details,
      )
  }
  const regionProblem =
    status === 301 ||
    code === 'PermanentRedirect' ||
    code === 'IllegalLocationConstraintException' ||
    (code === 'AuthorizationHeaderMalformed' && region !== undefined) ||
    (status === 400 && code === undefined && region !== undefined && region !== ctx.region)
  if (regionProblem) return new WrongRegionError(ctx.bucket, region, ctx.region ?? '?', details)
  if (status === 404 && (code === undefined || code === 'NotFound')) {
    return ctx.key === undefined
      ? new BucketNotFoundError(bucket, ctx.url, details)
      : new ObjectNotFoundError(bucket, ctx.key, details)
  }
  if (status === 403 && code === undefined) {
    return new AccessDeniedError(
      bucket,
      ctx.key,
      `S3 refused ${ctx.operation ?? 'the request'} on ${subject(ctx)} (403 without details): the keys are wrong or lack permission.`,
      details,
    )
  }
  return serverError(error, code, ctx, details)
}

function classifyNetwork(error: NetworkError | TimeoutError): S3Classification {
  return { action: isTransient(error) ? 'retry' : 'stop-job', error }
}

const SOCKET_CODES =
  /^(ECONNRESET|ECONNREFUSED|ECONNABORTED|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ENETDOWN|ERR_STREAM_PREMATURE_CLOSE|UND_ERR_\w+|ERR_TLS_\w+|ERR_SSL_\w+|CERT_\w+|UNABLE_TO_\w+|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT)$/

/** True when something in the cause chain has an OS or TLS error code (a socket, DNS or TLS failure). */
function hasSocketCode(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && SOCKET_CODES.test(code)) return true
    current = current.cause
  }
  return error instanceof Error && error.name === 'TimeoutError'
}

/**
 * The typed error for anything an S3 operation threw, and the engine's next step.
 * Errors already typed by the target pass through unchanged.
 */
export function classifyS3Error(error: unknown, ctx: S3ErrorContext = {}): S3Classification {
  if (error instanceof S3Error) return { action: error.action, error }
  if (error instanceof S3ConfigError) return { action: 'stop-job', error }
  if (error instanceof NetworkError || error instanceof TimeoutError) return classifyNetwork(error)
  if (isAbort(error)) {
    const cancelled = new S3Error('UNAVAILABLE', 'stop-job', 'The S3 request was cancelled.', {
      cause: error,
    })
    // Keeps isAbort() true for the result, so the engine can treat a cancel as a cancel.
    cancelled.name = 'AbortError'
    return { action: 'stop-job', error: cancelled }
  }
  // Errors of the source stream (Swift) reach here when a streamed PUT fails because of them.
  if (error instanceof AppError) return { action: isTransient(error) ? 'retry' : 'fail-object', error }

  const sdk = asSdkError(error)
  if (sdk) {
    const typed = classifySdkError(sdk, ctx)
    return { action: typed.action, error: typed }
  }
  if (error instanceof Error && CREDENTIAL_PROVIDER_ERRORS.has(error.name)) {
    const text = ctx.redactor ? ctx.redactor.text(error.message) : error.message
    const typed = /expired|refresh/i.test(text)
      ? new ExpiredCredentialsError(
          `The S3 credentials from the AWS profile have expired: ${text} Sign in again (e.g. aws sso login) to continue.`,
          { cause: error },
        )
      : new InvalidCredentialsError(
          'missing',
          `No S3 credentials were found: ${text} Enter an access key, or choose an AWS profile that has credentials.`,
          { cause: error },
        )
    return { action: 'need-credentials', error: typed }
  }
  if (hasSocketCode(error)) {
    return classifyNetwork(toNetworkError(error, ctx.url ?? 'the S3 endpoint'))
  }
  const raw = error instanceof Error ? error.message : String(error)
  const text = ctx.redactor ? ctx.redactor.text(raw) : raw
  const typed = new S3Error(
    'INTERNAL',
    'fail-object',
    `${ctx.operation ?? 'The S3 request'} failed for ${subject(ctx)}: ${text}`,
    { cause: error },
  )
  return { action: 'fail-object', error: typed }
}
