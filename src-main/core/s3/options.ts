import { StorageClass } from '@aws-sdk/client-s3'
import { AppError } from '../errors'
import { parsePemBundle } from '../swift/transport'
import { S3ConfigError } from './errors'
import type { ChecksumMode, S3Credentials, S3TargetOptions } from './types'

/**
 * Checks a target profile before any request is made, so a typo is reported against its field instead
 * of surfacing later as a signature or DNS error, and fills in the defaults.
 */

export const DEFAULT_REGION = 'us-east-1'
export const DEFAULT_MAX_SOCKETS = 50

/** The SDK's checksum behaviour once `auto` has been decided for an endpoint. */
export type EffectiveChecksumMode = 'sdk-default' | 'when-required'

export interface ResolvedS3Options {
  bucket: string
  prefix: string
  region: string
  endpoint?: string
  forcePathStyle: boolean
  credentials?: S3Credentials
  profile?: string
  checksumMode: EffectiveChecksumMode
  storageClass?: string
  serverSideEncryption?: 'AES256' | 'aws:kms'
  sseKmsKeyId?: string
  /** Parsed certificates of the profile's CA bundle. */
  extraCaCerts: string[]
  insecure: boolean
  proxyUrl?: string
  maxSockets: number
  /** AWS itself rather than an S3-compatible server: stricter names, SDK-default checksums. */
  isAws: boolean
}

const AWS_HOST = /(^|\.)amazonaws\.com(\.cn)?$/i

/** True for AWS itself: no endpoint (the SDK's regional default), or an `*.amazonaws.com` host. */
export function isAwsEndpoint(endpoint: string | undefined): boolean {
  if (endpoint === undefined) return true
  try {
    return AWS_HOST.test(new URL(endpoint).hostname)
  } catch {
    return false
  }
}

/** `auto` keeps the SDK's defaults on AWS only; every S3-compatible server gets WHEN_REQUIRED. */
export function effectiveChecksumMode(
  mode: ChecksumMode | undefined,
  endpoint: string | undefined,
): EffectiveChecksumMode {
  if (mode === 'sdk-default' || mode === 'when-required') return mode
  return isAwsEndpoint(endpoint) ? 'sdk-default' : 'when-required'
}

function invalid(field: string, message: string): never {
  throw new S3ConfigError(message, field)
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string') invalid(field, `The S3 ${field} must be text.`)
  return value
}

const AWS_BUCKET = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/

/** AWS's bucket naming rules, or (for other servers) only what can never be a bucket name. */
export function validateBucketName(bucket: unknown, aws: boolean): string {
  if (typeof bucket !== 'string' || bucket.trim() === '') invalid('bucket', 'Enter the S3 bucket name.')
  if (bucket.includes('/')) {
    invalid(
      'bucket',
      `The bucket name "${bucket}" contains "/". Enter only the bucket; put a key prefix in the prefix field.`,
    )
  }
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(bucket)) {
    invalid('bucket', `The bucket name "${bucket.trim()}" contains spaces or control characters.`)
  }
  if (!aws) {
    if (bucket.length > 255) invalid('bucket', 'The bucket name is longer than 255 characters.')
    return bucket
  }
  const rule = (ok: boolean, why: string) => {
    if (!ok) invalid('bucket', `"${bucket}" is not a valid S3 bucket name: ${why}.`)
  }
  rule(bucket.length >= 3 && bucket.length <= 63, 'it must be 3 to 63 characters long')
  rule(
    AWS_BUCKET.test(bucket),
    'use only lowercase letters, digits, dots and hyphens, and start and end with a letter or digit',
  )
  rule(!bucket.includes('..'), 'it must not contain two dots in a row')
  rule(!/^\d+\.\d+\.\d+\.\d+$/.test(bucket), 'it must not look like an IP address')
  rule(!bucket.startsWith('xn--'), 'it must not start with "xn--"')
  rule(!/(-s3alias|--ol-s3)$/.test(bucket), 'it must not end with "-s3alias" or "--ol-s3"')
  return bucket
}

function validateRegion(value: unknown, aws: boolean): string {
  const region = optionalString(value, 'region')
  if (region === undefined || region === '') return DEFAULT_REGION
  const pattern = aws ? /^[a-z0-9-]+$/ : /^[A-Za-z0-9._-]{1,64}$/
  if (!pattern.test(region)) {
    invalid(
      'region',
      aws
        ? `"${region}" is not an AWS region code; use the code, e.g. eu-west-1, not the display name.`
        : `"${region}" is not a region name the server can sign for; use letters, digits, dots, hyphens or underscores.`,
    )
  }
  return region
}

function validateHttpUrl(value: string, field: 'endpoint' | 'proxyUrl', example: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    invalid(field, `"${value}" is not a URL; use e.g. ${example}.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    invalid(field, `The ${field} must start with http:// or https:// (got ${url.protocol}).`)
  }
  // A password in the URL would end up in logs and error messages.
  if (url.username || url.password) {
    invalid(field, `The ${field} must not contain a user name or password.`)
  }
  if (field === 'endpoint' && (url.search || url.hash)) {
    invalid(field, 'The endpoint must not contain a query (?…) or fragment (#…).')
  }
  return value
}

/** Keys as a person pastes them; whitespace is the usual copy-paste accident, so it is called out. */
export function validateCredentials(value: unknown, field = 'credentials'): S3Credentials {
  if (typeof value !== 'object' || value === null) invalid(field, 'S3 credentials must be an object.')
  const { accessKeyId, secretAccessKey, sessionToken } = value as Record<string, unknown>
  const key = (v: unknown, name: string, label: string): string => {
    if (typeof v !== 'string' || v === '') invalid(`${field}.${name}`, `Enter the ${label}.`)
    if (/\s/.test(v)) {
      // Never echo the value: it may be the secret.
      invalid(`${field}.${name}`, `The ${label} contains spaces or line breaks; paste it again without them.`)
    }
    return v
  }
  const out: S3Credentials = {
    accessKeyId: key(accessKeyId, 'accessKeyId', 'S3 access key ID'),
    secretAccessKey: key(secretAccessKey, 'secretAccessKey', 'S3 secret access key'),
  }
  if (sessionToken !== undefined && sessionToken !== '') {
    out.sessionToken = key(sessionToken, 'sessionToken', 'S3 session token')
  }
  return out
}

const AWS_STORAGE_CLASSES = new Set<string>(Object.values(StorageClass))

function validateStorageClass(value: unknown, aws: boolean): string | undefined {
  const storageClass = optionalString(value, 'storageClass')
  if (storageClass === undefined || storageClass === '') return undefined
  if (aws ? !AWS_STORAGE_CLASSES.has(storageClass) : !/^[A-Z0-9_]+$/.test(storageClass)) {
    invalid(
      'storageClass',
      `"${storageClass}" is not ${aws ? 'an AWS' : 'a'} storage class; use e.g. STANDARD, STANDARD_IA or GLACIER_IR.`,
    )
  }
  return storageClass
}

function validateEncryption(
  options: S3TargetOptions,
): Pick<ResolvedS3Options, 'serverSideEncryption' | 'sseKmsKeyId'> {
  const sse: unknown = options.serverSideEncryption
  const kmsKey = optionalString(options.sseKmsKeyId, 'sseKmsKeyId')
  if (sse !== undefined && sse !== 'AES256' && sse !== 'aws:kms') {
    invalid('serverSideEncryption', 'Server-side encryption must be AES256 or aws:kms.')
  }
  if (kmsKey && sse !== 'aws:kms') {
    invalid('sseKmsKeyId', 'A KMS key only applies with server-side encryption aws:kms.')
  }
  return {
    ...(sse !== undefined ? { serverSideEncryption: sse } : {}),
    ...(kmsKey ? { sseKmsKeyId: kmsKey } : {}),
  }
}

function validateCaBundle(value: unknown): string[] {
  const text = optionalString(value, 'caBundle')
  if (text === undefined || text.trim() === '') return []
  try {
    return parsePemBundle(text, 'caBundle')
  } catch (error) {
    // Same wording as the Swift side, reported as an S3 setting.
    if (error instanceof AppError) throw new S3ConfigError(error.message, 'caBundle')
    throw error
  }
}

function validateMaxSockets(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_SOCKETS
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 1000) {
    invalid('maxSockets', 'maxSockets must be a whole number from 1 to 1000.')
  }
  return value
}

const CHECKSUM_MODES: readonly ChecksumMode[] = ['auto', 'sdk-default', 'when-required']

/**
 * Validates a target profile and applies the defaults.
 * @throws S3ConfigError (code VALIDATION) naming the field at fault.
 */
export function resolveS3Options(options: S3TargetOptions): ResolvedS3Options {
  if (typeof options !== 'object' || options === null) invalid('options', 'S3 target options are missing.')
  const endpointText = optionalString(options.endpoint, 'endpoint')
  const endpoint =
    endpointText === undefined || endpointText.trim() === ''
      ? undefined
      : validateHttpUrl(endpointText.trim(), 'endpoint', 'https://s3.example.com')
  const isAws = isAwsEndpoint(endpoint)
  const bucket = validateBucketName(options.bucket, isAws)
  const prefix = optionalString(options.prefix, 'prefix') ?? ''
  const region = validateRegion(options.region, isAws)

  if (options.forcePathStyle !== undefined && typeof options.forcePathStyle !== 'boolean') {
    invalid('forcePathStyle', 'forcePathStyle must be true or false.')
  }
  if (options.insecure !== undefined && typeof options.insecure !== 'boolean') {
    invalid('insecure', 'insecure must be true or false.')
  }
  const mode: unknown = options.checksumMode
  if (mode !== undefined && !CHECKSUM_MODES.includes(mode as ChecksumMode)) {
    invalid('checksumMode', `The checksum mode must be one of ${CHECKSUM_MODES.join(', ')}.`)
  }
  const profile = optionalString(options.profile, 'profile')
  if (profile !== undefined && !/^[^\s[\]]+$/.test(profile)) {
    invalid('profile', `"${profile}" is not an AWS profile name (no spaces or brackets).`)
  }
  if (profile && options.credentials) {
    invalid('profile', 'Use either an access key or an AWS profile, not both.')
  }
  const proxyText = optionalString(options.proxyUrl, 'proxyUrl')
  const proxyUrl =
    proxyText === undefined || proxyText.trim() === ''
      ? undefined
      : validateHttpUrl(proxyText.trim(), 'proxyUrl', 'http://proxy.example.com:3128')
  const storageClass = validateStorageClass(options.storageClass, isAws)

  return {
    bucket,
    prefix,
    region,
    ...(endpoint !== undefined ? { endpoint } : {}),
    forcePathStyle: options.forcePathStyle ?? endpoint !== undefined,
    ...(options.credentials !== undefined ? { credentials: validateCredentials(options.credentials) } : {}),
    ...(profile ? { profile } : {}),
    checksumMode: effectiveChecksumMode(options.checksumMode, endpoint),
    ...(storageClass !== undefined ? { storageClass } : {}),
    ...validateEncryption(options),
    extraCaCerts: validateCaBundle(options.caBundle),
    insecure: options.insecure ?? false,
    ...(proxyUrl !== undefined ? { proxyUrl } : {}),
    maxSockets: validateMaxSockets(options.maxSockets),
    isAws,
  }
}
