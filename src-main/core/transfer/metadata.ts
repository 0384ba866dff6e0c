import {
  defaultMetadataOptions,
  RESERVED_METADATA_KEYS,
  type MetadataOptions,
} from '../../../src-preload/contract/metadata'
import { encodeMetadataValue } from '../s3/headers'
import type { ObjectInfo } from '../swift/object-info'

/**
 * What an S3 object carries from its Swift source. Content headers map one to one; X-Object-Meta-*
 * become x-amz-meta-* (S3 lower-cases names) unless the migration leaves them out. S3 metadata travels as
 * HTTP headers, so the S3 target sends a non-ASCII value RFC 2047-encoded (what AWS documents and
 * returns); such keys are reported, never dropped. The copy adds what skip-if-unchanged needs later:
 * the content MD5 and the source's ETag and Last-Modified.
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
  /**
   * Set when the object's Swift user metadata was left behind because, mapped, it came to this many bytes
   * (over S3's 2 KB) and the migration says `oversized: drop`; for the report and the log.
   */
  droppedBytes?: number
}

/** Metadata keys this tool writes; a Swift meta key with the same name would be overwritten, so it is renamed. */
export const META_MD5 = 'md5chksum'
export const META_SOURCE_ETAG = 'swift-etag'
export const META_SOURCE_LAST_MODIFIED = 'swift-last-modified'
const RESERVED = new Set<string>(RESERVED_METADATA_KEYS)

/** AWS caps user metadata at 2 KB (names + values, UTF-8 bytes). */
export const MAX_METADATA_BYTES = 2048

export class MetadataTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(
      `The object's metadata is ${bytes} bytes once mapped to S3; S3 allows at most ${MAX_METADATA_BYTES}. ` +
        'To copy such objects without their Swift user metadata, set oversized metadata to "drop" ' +
        '(--oversizedMetadata drop).',
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

function contentHeaders(h: Record<string, string>): TargetHeaders {
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
  return headers
}

function byteSize(metadata: Map<string, string>): number {
  let n = 0
  for (const [k, v] of metadata) n += Buffer.byteLength(k) + Buffer.byteLength(v)
  return n
}

/**
 * The S3 headers and metadata of a Swift object, in layers where a later one wins: Swift's user
 * metadata (unless `userMetadata: skip`; keys clashing with the tool's records renamed swift-meta-*),
 * then the migration's extra pairs (an extra pair beats a Swift key of the same name), then the tool's
 * integrity records, always. Over 2 KB: throws MetadataTooLargeError, or with `oversized: drop` leaves
 * the Swift layer out and says so in `droppedBytes`. A Map keeps keys such as `__proto__` plain data.
 */
export function mapMetadata(
  source: ObjectInfo,
  contentMd5Hex: string | undefined,
  options: MetadataOptions = defaultMetadataOptions(),
): TargetMetadata {
  const user = new Map<string, string>()
  if (options.userMetadata === 'copy') {
    for (const [key, value] of Object.entries(source.metadata))
      user.set(RESERVED.has(key) ? `swift-meta-${key}` : key, value)
  }
  const own = new Map(options.extra.map((pair) => [pair.key, pair.value] as const))
  if (contentMd5Hex) own.set(META_MD5, hexToBase64(contentMd5Hex))
  if (source.etag) own.set(META_SOURCE_ETAG, source.etag)
  if (source.lastModified) own.set(META_SOURCE_LAST_MODIFIED, source.lastModified)
  let metadata = new Map([...user, ...own])
  let droppedBytes: number | undefined
  const size = byteSize(metadata)
  if (size > MAX_METADATA_BYTES) {
    if (options.oversized !== 'drop' || user.size === 0) throw new MetadataTooLargeError(size)
    metadata = own
    const left = byteSize(metadata)
    if (left > MAX_METADATA_BYTES) throw new MetadataTooLargeError(left)
    droppedBytes = size
  }
  const encoded = [...metadata]
    .filter(([key, value]) => !RESERVED.has(key) && encodeMetadataValue(value) !== value)
    .map(([key]) => key)
  return {
    headers: contentHeaders(source.headers),
    metadata: Object.fromEntries(metadata),
    encoded,
    ...(droppedBytes !== undefined ? { droppedBytes } : {}),
  }
}

/** What a copy result says about metadata, for the report: encoded keys, Swift metadata left behind. */
export function metadataOutcome(mapped: TargetMetadata): {
  encodedMetadata?: string[]
  metadataDropped?: number
} {
  return {
    ...(mapped.encoded.length ? { encodedMetadata: mapped.encoded } : {}),
    ...(mapped.droppedBytes !== undefined ? { metadataDropped: mapped.droppedBytes } : {}),
  }
}
