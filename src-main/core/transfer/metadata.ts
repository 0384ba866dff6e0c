import { encodeMetadataValue } from '../s3/headers'
import type { ObjectInfo } from '../swift/object-info'

/**
 * What an S3 object carries from its Swift source. Content headers map one to one; X-Object-Meta-*
 * become x-amz-meta-* (S3 lower-cases names). S3 metadata travels as HTTP headers, so the S3 target sends
 * a non-ASCII value RFC 2047-encoded (what AWS documents and returns); such keys are reported, never dropped. The copy adds
 * what skip-if-unchanged needs later: the content MD5 and the source's ETag and Last-Modified.
 */
export interface TargetHeaders {
  contentType?: string
  contentEncoding?: string
  contentDisposition?: string
  contentLanguage?: string
  cacheControl?: string
  expires?: string
}

export interface TargetMetadata {
  headers: TargetHeaders
  metadata: Record<string, string>
  /** Keys whose values travel RFC 2047-encoded (non-ASCII), for the report. */
  encoded: string[]
}

/** Metadata keys this tool writes; a Swift meta key with the same name would be overwritten, so it is renamed. */
export const META_MD5 = 'md5chksum'
export const META_SOURCE_ETAG = 'swift-etag'
export const META_SOURCE_LAST_MODIFIED = 'swift-last-modified'
const RESERVED = new Set([META_MD5, META_SOURCE_ETAG, META_SOURCE_LAST_MODIFIED])

/** AWS caps user metadata at 2 KB (names + values, UTF-8 bytes as sent). */
export const MAX_METADATA_BYTES = 2048

export class MetadataTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(
      `The object's metadata is ${bytes} bytes once mapped to S3; S3 allows at most ${MAX_METADATA_BYTES}.`,
    )
    this.name = 'MetadataTooLargeError'
  }
}

export function hexToBase64(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64')
}

export function base64ToHex(base64: string): string {
  return Buffer.from(base64, 'base64').toString('hex')
}

export function mapMetadata(source: ObjectInfo, contentMd5Hex: string | undefined): TargetMetadata {
  const h = source.headers
  const headers: TargetHeaders = {}
  const pairs: [keyof TargetHeaders, string | undefined][] = [
    ['contentType', h['content-type']],
    ['contentEncoding', h['content-encoding']],
    ['contentDisposition', h['content-disposition']],
    ['contentLanguage', h['content-language']],
    ['cacheControl', h['cache-control']],
    ['expires', h['expires']],
  ]
  for (const [key, value] of pairs) if (value !== undefined && value !== '') headers[key] = value
  const metadata: Record<string, string> = {}
  const encoded: string[] = []
  for (const [rawKey, value] of Object.entries(source.metadata)) {
    const key = RESERVED.has(rawKey) ? `swift-meta-${rawKey}` : rawKey
    metadata[key] = value
    if (encodeMetadataValue(value) !== value) encoded.push(key)
  }
  if (contentMd5Hex) metadata[META_MD5] = hexToBase64(contentMd5Hex)
  if (source.etag) metadata[META_SOURCE_ETAG] = source.etag
  if (source.lastModified) metadata[META_SOURCE_LAST_MODIFIED] = source.lastModified
  const size = Object.entries(metadata).reduce(
    (n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v),
    0,
  )
  if (size > MAX_METADATA_BYTES) throw new MetadataTooLargeError(size)
  return { headers, metadata, encoded }
}
