import type { Readable } from 'node:stream'
import type { Logger } from '../log/logger'

/**
 * What an S3 target profile holds, and the shapes the target's operations take and return. Options are
 * plain data (a profile can store them, minus the secret key); runtime collaborators such as the logger
 * travel separately in {@link S3Runtime}.
 */

/**
 * How the AWS SDK adds and checks flexible checksums (CRC32 and friends).
 * - `auto`: the SDK's default on AWS itself (no endpoint, or a `*.amazonaws.com` endpoint); on any other
 *   endpoint `when-required`, because S3-compatible servers reject or ignore what the SDK adds by default
 *   (Swift's s3api answers aws-chunked bodies with 501, R2 rejects `x-amz-checksum-crc32`).
 * - `sdk-default`: whatever the SDK does (WHEN_SUPPORTED unless AWS_REQUEST_CHECKSUM_CALCULATION says otherwise).
 * - `when-required`: only checksums an operation requires, for requests AND responses. Integrity then rests
 *   on the Content-MD5 the target always sends.
 */
export type ChecksumMode = 'auto' | 'sdk-default' | 'when-required'

export interface S3Credentials {
  accessKeyId: string
  secretAccessKey: string
  /** Temporary (STS / SSO) credentials come with a session token. */
  sessionToken?: string
}

export interface S3TargetOptions {
  bucket: string
  /** Default prefix for {@link S3Target.list}; keys given to other operations are always full keys. */
  prefix?: string
  /** Signing region; `us-east-1` when not set (what most S3-compatible servers expect). */
  region?: string
  /** URL of an S3-compatible server; AWS itself when not set. */
  endpoint?: string
  /** Path-style URLs (`host/bucket/key`); defaults to true when an endpoint is set, false for AWS. */
  forcePathStyle?: boolean
  /** Static keys; when absent the SDK's default chain is used (env, ~/.aws profiles, SSO, credential_process). */
  credentials?: S3Credentials
  /** Profile in ~/.aws/config and ~/.aws/credentials for the default chain (like AWS_PROFILE). */
  profile?: string
  checksumMode?: ChecksumMode
  /** Applied to every PUT and multipart upload, e.g. STANDARD_IA. */
  storageClass?: string
  serverSideEncryption?: 'AES256' | 'aws:kms'
  /** KMS key for `aws:kms`; the bucket's or account's default key when not set. */
  sseKmsKeyId?: string
  /** PEM text of extra CAs to trust, on top of the system and bundled roots. */
  caBundle?: string
  /** Skip TLS certificate verification. Never the default; logged as a warning. */
  insecure?: boolean
  /** Forward proxy for S3 traffic, e.g. http://proxy.corp:3128. Overrides HTTPS_PROXY / HTTP_PROXY. */
  proxyUrl?: string
  /** Sockets per origin; the SDK's default is 50. Size it to the upload concurrency. */
  maxSockets?: number
}

/** Collaborators of a target that are not profile data. */
export interface S3Runtime {
  logger?: Logger
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read from; process.env when omitted. */
  env?: Record<string, string | undefined>
  /** Attempts the SDK makes per request (its default is 3); the engine retries whole objects on top. */
  maxAttempts?: number
}

/** Standard HTTP headers carried over from the source object. Values must be ASCII. */
export interface ObjectHeaders {
  contentType?: string
  contentEncoding?: string
  contentDisposition?: string
  contentLanguage?: string
  cacheControl?: string
  /** An HTTP date, as Swift stores it. */
  expires?: string
}

export interface ListedObject {
  key: string
  size: number
  /** Without the quotes S3 puts around it; a multipart ETag ends in `-<parts>` and is not an MD5. */
  etag: string
  lastModified: Date
}

export interface ObjectHead extends ObjectHeaders {
  size: number
  etag: string
  /** User metadata with lower-cased keys, RFC 2047 encoded values decoded back to UTF-8. */
  metadata: Record<string, string>
  lastModified?: Date
}

export interface PutObjectInput {
  key: string
  /**
   * The bytes. A Readable is consumed once and never retried by the SDK (it cannot rewind a stream);
   * on failure it is destroyed. A Buffer is retried by the SDK on transient errors.
   */
  body: Buffer | Readable
  contentLength: number
  /** Base64 of the 16-byte MD5 of the body; S3 stores nothing if the bytes do not match. */
  contentMd5Base64: string
  metadata?: Record<string, string>
  headers?: ObjectHeaders
  signal?: AbortSignal
}

export interface CreateMultipartInput {
  key: string
  metadata?: Record<string, string>
  headers?: ObjectHeaders
  signal?: AbortSignal
}

export interface UploadPartInput {
  key: string
  uploadId: string
  /** 1 to 10,000. */
  partNumber: number
  body: Buffer
  contentMd5Base64: string
  signal?: AbortSignal
}

export interface CompletedPart {
  partNumber: number
  /** As returned by uploadPart, quoted or not. */
  etag: string
}

export interface ListOptions {
  /** Keys per request (MaxKeys); S3 caps it at 1000. */
  pageSize?: number
  signal?: AbortSignal
}
