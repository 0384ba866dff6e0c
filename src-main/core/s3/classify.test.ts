import { S3ServiceException } from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import { Redactor } from '../log/redact'
import { isAbort, NetworkError, TimeoutError } from '../swift/errors'
import { classifyS3Error, type S3ErrorContext } from './classify'
import {
  AccessDeniedError,
  BadDigestError,
  BucketNotFoundError,
  ExpiredCredentialsError,
  InvalidCredentialsError,
  NoSuchUploadError,
  ObjectNotFoundError,
  S3ConfigError,
  S3ServerError,
  WrongRegionError,
} from './errors'

/**
 * SDK errors as the SDK builds them (S3ServiceException with $metadata, the unmodelled body fields
 * copied onto it, and the raw response as a non-enumerable $response). Shapes marked "s3api" were
 * recorded against the loopback Swift s3api; "AWS" ones follow AWS's documented responses.
 */
function sdkError(shape: {
  name: string
  status: number
  message?: string
  code?: string
  region?: string
  headers?: Record<string, string>
  requestId?: string
}): S3ServiceException {
  const error = new S3ServiceException({
    name: shape.name,
    $fault: shape.status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: shape.status, requestId: shape.requestId ?? 'tx123', attempts: 1 },
    message: shape.message ?? 'UnknownError',
  })
  Object.assign(error, {
    ...(shape.code ? { Code: shape.code } : {}),
    ...(shape.region ? { Region: shape.region } : {}),
  })
  Object.defineProperty(error, '$response', {
    value: { statusCode: shape.status, headers: shape.headers ?? {} },
    enumerable: false,
  })
  return error
}

const bucketCtx: S3ErrorContext = { operation: 'HeadBucket', bucket: 'media', region: 'eu-west-1' }
const objectCtx: S3ErrorContext = {
  operation: 'PutObject',
  bucket: 'media',
  key: 'a/b.jpg',
  region: 'us-east-1',
}

describe('classifyS3Error: who is at fault', () => {
  it('s3api: a missing bucket (NoSuchBucket, or a bodyless HEAD 404) names the bucket and stops the job', () => {
    for (const error of [
      sdkError({
        name: 'NoSuchBucket',
        code: 'NoSuchBucket',
        status: 404,
        message: 'The specified bucket does not exist.',
      }),
      sdkError({ name: 'NotFound', status: 404 }),
    ]) {
      const { action, error: typed } = classifyS3Error(error, bucketCtx)
      expect(typed).toBeInstanceOf(BucketNotFoundError)
      expect(typed.message).toContain('"media"')
      expect(action).toBe('stop-job')
    }
  })

  it('a bodyless 404 on an object is that object missing, and only that object fails', () => {
    const { action, error } = classifyS3Error(sdkError({ name: 'NotFound', status: 404 }), objectCtx)
    expect(error).toBeInstanceOf(ObjectNotFoundError)
    expect(action).toBe('fail-object')
  })

  it('s3api: a wrong region (AuthorizationHeaderMalformed with <Region>) carries the right region', () => {
    const error = sdkError({
      name: 'AuthorizationHeaderMalformed',
      code: 'AuthorizationHeaderMalformed',
      status: 400,
      region: 'us-east-1',
      message:
        "The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-east-1'",
    })
    const { action, error: typed } = classifyS3Error(error, bucketCtx)
    expect(typed).toBeInstanceOf(WrongRegionError)
    expect((typed as WrongRegionError).bucketRegion).toBe('us-east-1')
    expect(typed.message).toBe(
      'The bucket "media" is in region us-east-1, not eu-west-1. Set the region to us-east-1.',
    )
    expect(action).toBe('stop-job')
    // ListBuckets is about no bucket: the message says the server expects another region.
    const { bucket: _bucket, ...noBucket } = bucketCtx
    expect(classifyS3Error(error, { ...noBucket, operation: 'ListBuckets' }).error.message).toBe(
      'The S3 server is in region us-east-1, not eu-west-1. Set the region to us-east-1.',
    )
  })

  it('AWS: a 301 from HeadBucket, or a 400 with x-amz-bucket-region, is a wrong region too', () => {
    for (const error of [
      sdkError({ name: 'Unknown', status: 301, headers: { 'x-amz-bucket-region': 'eu-central-1' } }),
      sdkError({
        name: 'PermanentRedirect',
        code: 'PermanentRedirect',
        status: 301,
        headers: { 'x-amz-bucket-region': 'eu-central-1' },
      }),
      sdkError({ name: 'Unknown', status: 400, headers: { 'x-amz-bucket-region': 'eu-central-1' } }),
    ]) {
      const typed = classifyS3Error(error, bucketCtx).error
      expect(typed).toBeInstanceOf(WrongRegionError)
      expect(typed.message).toContain('is in region eu-central-1, not eu-west-1')
    }
    const unknown = classifyS3Error(sdkError({ name: 'Unknown', status: 301 }), bucketCtx).error
    expect(unknown.message).toContain('did not say which region')
  })

  it('s3api: bad keys need new credentials; the message tells an unknown key from a wrong secret', () => {
    const wrongSecret = classifyS3Error(
      sdkError({ name: 'SignatureDoesNotMatch', code: 'SignatureDoesNotMatch', status: 403 }),
      bucketCtx,
    )
    expect(wrongSecret.error).toBeInstanceOf(InvalidCredentialsError)
    expect(wrongSecret.action).toBe('need-credentials')
    expect((wrongSecret.error as InvalidCredentialsError).reason).toBe('wrong-secret')
    const unknownKey = classifyS3Error(
      sdkError({ name: 'InvalidAccessKeyId', code: 'InvalidAccessKeyId', status: 403 }),
      bucketCtx,
    )
    expect((unknownKey.error as InvalidCredentialsError).reason).toBe('unknown-key')
    expect(unknownKey.error.code).toBe('AUTH')
  })

  it('AWS / STS: expired session credentials need new credentials (the SDK does not retry them)', () => {
    for (const name of ['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired']) {
      const { action, error } = classifyS3Error(
        sdkError({ name, code: name, status: 400, message: 'The provided token has expired.' }),
        objectCtx,
      )
      expect(error).toBeInstanceOf(ExpiredCredentialsError)
      expect(action).toBe('need-credentials')
    }
  })

  it('s3api: AccessDenied, and a bodyless 403, are access denied and stop the job', () => {
    for (const error of [
      sdkError({ name: 'AccessDenied', code: 'AccessDenied', status: 403, message: 'Access Denied.' }),
      sdkError({ name: 'Unknown', status: 403 }),
    ]) {
      const { action, error: typed } = classifyS3Error(error, objectCtx)
      expect(typed).toBeInstanceOf(AccessDeniedError)
      expect(typed.code).toBe('FORBIDDEN')
      expect(action).toBe('stop-job')
    }
  })

  it('s3api: BadDigest is a corrupted body, retried; NoSuchUpload restarts the object', () => {
    const digest = classifyS3Error(sdkError({ name: 'BadDigest', code: 'BadDigest', status: 400 }), {
      ...objectCtx,
      partNumber: 3,
    })
    expect(digest.error).toBeInstanceOf(BadDigestError)
    expect(digest.error.message).toContain('"a/b.jpg" (part 3)')
    expect(digest.action).toBe('retry')
    const gone = classifyS3Error(sdkError({ name: 'NoSuchUpload', code: 'NoSuchUpload', status: 404 }), {
      ...objectCtx,
      uploadId: 'u1',
    })
    expect(gone.error).toBeInstanceOf(NoSuchUploadError)
    expect(gone.action).toBe('retry')
  })
})

describe('classifyS3Error: server answers', () => {
  it('throttling and 5xx are transient and retried, with status, code and request id kept', () => {
    for (const error of [
      sdkError({
        name: 'SlowDown',
        code: 'SlowDown',
        status: 503,
        message: 'Please reduce your request rate.',
      }),
      sdkError({ name: 'InternalError', code: 'InternalError', status: 500 }),
      sdkError({ name: 'Unknown', status: 429 }),
      sdkError({ name: 'RequestTimeout', code: 'RequestTimeout', status: 400 }),
      sdkError({ name: 'Unknown', status: 502 }),
    ]) {
      const { action, error: typed } = classifyS3Error(error, objectCtx)
      expect(typed).toBeInstanceOf(S3ServerError)
      expect((typed as S3ServerError).transient).toBe(true)
      expect((typed as S3ServerError).requestId).toBe('tx123')
      expect(typed.message).toContain('request id tx123')
      expect(action).toBe('retry')
    }
  })

  it('s3api: 501 for aws-chunked bodies points at the checksum mode and stops the job', () => {
    const { action, error } = classifyS3Error(
      sdkError({
        name: 'NotImplemented',
        code: 'NotImplemented',
        status: 501,
        message: 'Transfering payloads in multiple chunks using aws-chunked is not supported.',
      }),
      objectCtx,
    )
    expect(error.message).toContain('set the checksum mode')
    expect((error as S3ServerError).transient).toBe(false)
    expect(action).toBe('stop-job')
  })

  it('settings the server rejects stop the job; a problem with one object fails only that object', () => {
    const storage = classifyS3Error(
      sdkError({ name: 'InvalidStorageClass', code: 'InvalidStorageClass', status: 400 }),
      objectCtx,
    )
    expect(storage.action).toBe('stop-job')
    expect(storage.error.message).toContain('storage class')
    const clock = classifyS3Error(
      sdkError({ name: 'RequestTimeTooSkewed', code: 'RequestTimeTooSkewed', status: 403 }),
      objectCtx,
    )
    expect(clock.action).toBe('stop-job')
    expect(clock.error.message).toContain('clock')
    const tooBig = classifyS3Error(
      sdkError({ name: 'EntityTooLarge', code: 'EntityTooLarge', status: 400 }),
      objectCtx,
    )
    expect(tooBig.action).toBe('fail-object')
  })

  it('masks known secrets in server text', () => {
    const redactor = new Redactor()
    redactor.add('wJalrXUtnFEMI/K7MDENG')
    const { error } = classifyS3Error(
      sdkError({
        name: 'InvalidArgument',
        code: 'InvalidArgument',
        status: 400,
        message: 'bad header wJalrXUtnFEMI/K7MDENG',
      }),
      { ...objectCtx, redactor },
    )
    expect(error.message).not.toContain('wJalrXUtnFEMI')
    expect(error.message).toContain('[redacted]')
  })
})

describe('classifyS3Error: everything else', () => {
  const url = 'http://s3.example:9000'
  const socketError = (code: string) =>
    Object.assign(new Error(`connect ${code}`), { code, $metadata: { attempts: 3 } })

  it('dropped and refused connections are retried; DNS and TLS failures stop the job', () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']) {
      const { action, error } = classifyS3Error(socketError(code), { url })
      expect(error instanceof NetworkError || error instanceof TimeoutError).toBe(true)
      expect(action).toBe('retry')
    }
    for (const code of ['ENOTFOUND', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_HAS_EXPIRED']) {
      const { action, error } = classifyS3Error(socketError(code), { url })
      expect(error).toBeInstanceOf(NetworkError)
      expect(error.message).toContain(url)
      expect(action).toBe('stop-job')
    }
  })

  it('a socket idle timeout from the SDK is retried', () => {
    const timeout = Object.assign(new Error('the request socket timed out after 120000 ms of inactivity'), {
      name: 'TimeoutError',
    })
    expect(classifyS3Error(timeout, { url }).action).toBe('retry')
  })

  it('a cancel stays recognisable as a cancel', () => {
    const abort = Object.assign(new Error('Request aborted'), { name: 'AbortError' })
    const { action, error } = classifyS3Error(abort)
    expect(isAbort(error)).toBe(true)
    expect(action).toBe('stop-job')
  })

  it('no credentials anywhere in the default chain asks for credentials', () => {
    const missing = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    })
    const { action, error } = classifyS3Error(missing)
    expect((error as InvalidCredentialsError).reason).toBe('missing')
    expect(action).toBe('need-credentials')
    const expired = Object.assign(new Error('The SSO session associated with this profile has expired.'), {
      name: 'CredentialsProviderError',
    })
    expect(classifyS3Error(expired).error).toBeInstanceOf(ExpiredCredentialsError)
  })

  it('typed errors pass through; a setting error stops the job; a failing source is retried', () => {
    const typed = new BucketNotFoundError('media', undefined)
    expect(classifyS3Error(typed)).toEqual({ action: 'stop-job', error: typed })
    expect(classifyS3Error(new S3ConfigError('bad', 'region')).action).toBe('stop-job')
    const source = new NetworkError('reset', 'http://swift', 'The connection was closed unexpectedly')
    expect(classifyS3Error(source)).toEqual({ action: 'retry', error: source })
  })

  it('anything unrecognised fails only the object, with the operation named', () => {
    const { action, error } = classifyS3Error(new TypeError('Invalid character in header content'), objectCtx)
    expect(action).toBe('fail-object')
    expect(error.message).toContain('PutObject failed for "a/b.jpg" in bucket "media"')
  })
})
