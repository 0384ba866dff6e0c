import { UnsupportedObjectError } from './errors'
import type { ObjectHeaders } from './types'

/**
 * User metadata and content headers on their way to S3 and back.
 *
 * Header values travel as bytes and are signed as text, so only printable ASCII survives everywhere:
 * Node refuses characters above U+00FF, and Latin-1 ones would be signed as UTF-8 but sent as single
 * bytes (SignatureDoesNotMatch). AWS's answer for metadata is RFC 2047: non-ASCII values are stored as
 * `=?UTF-8?B?<base64>?=` (what S3 itself returns for such values), and we decode that form on the way
 * back. Standard headers have no such convention, so a non-ASCII value there fails the object instead.
 */

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/
/** HTTP token characters: what a header name (and so a metadata key) may contain. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/
const ENCODED_WORD = /^=\?UTF-8\?B\?([A-Za-z0-9+/]*={0,2})\?=$/i

/** Encodes a value that would not survive as a header: non-ASCII, control characters, edge spaces. */
export function encodeMetadataValue(value: string): string {
  // Leading and trailing spaces are trimmed by HTTP; a literal encoded word would be decoded on read.
  const plain = PRINTABLE_ASCII.test(value) && value.trim() === value && !ENCODED_WORD.test(value)
  return plain ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`
}

export function decodeMetadataValue(value: string): string {
  const match = ENCODED_WORD.exec(value)
  return match ? Buffer.from(match[1] ?? '', 'base64').toString('utf8') : value
}

/**
 * Lower-cases keys (S3 does so anyway, and two keys differing only in case would collide) and encodes
 * values. @throws UnsupportedObjectError naming the key when it cannot be a header name.
 */
export function encodeMetadata(metadata: Record<string, string> | undefined): Record<string, string> {
  // A Map, not `key in {}`: keys such as `constructor` or `__proto__` are plain metadata names here.
  const out = new Map<string, string>()
  for (const [rawKey, value] of Object.entries(metadata ?? {})) {
    const key = rawKey.toLowerCase()
    if (!TOKEN.test(key)) {
      throw new UnsupportedObjectError(
        `The metadata key "${rawKey}" cannot be sent to S3: use letters, digits and - _ . only.`,
        `metadata.${rawKey}`,
      )
    }
    if (out.has(key)) {
      throw new UnsupportedObjectError(
        `The metadata keys differ only in case ("${rawKey}"); S3 keeps one of them.`,
        `metadata.${rawKey}`,
      )
    }
    out.set(key, encodeMetadataValue(value))
  }
  return Object.fromEntries(out)
}

/** Metadata as read from S3: lower-cased keys, RFC 2047 values decoded. */
export function decodeMetadata(metadata: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(metadata ?? {}))
    out[key.toLowerCase()] = decodeMetadataValue(value)
  return out
}

export interface SdkContentHeaders {
  ContentType?: string
  ContentEncoding?: string
  ContentDisposition?: string
  ContentLanguage?: string
  CacheControl?: string
  Expires?: Date
}

const HEADER_FIELDS = {
  contentType: 'ContentType',
  contentEncoding: 'ContentEncoding',
  contentDisposition: 'ContentDisposition',
  contentLanguage: 'ContentLanguage',
  cacheControl: 'CacheControl',
} as const

/**
 * The SDK parameters for a source object's standard headers.
 * @throws UnsupportedObjectError naming the header when its value is not printable ASCII.
 */
export function contentHeaderParams(headers: ObjectHeaders | undefined): SdkContentHeaders {
  const out: SdkContentHeaders = {}
  if (!headers) return out
  for (const [field, param] of Object.entries(HEADER_FIELDS) as [keyof typeof HEADER_FIELDS, string][]) {
    const value = headers[field]
    if (value === undefined || value === '') continue
    if (!PRINTABLE_ASCII.test(value)) {
      throw new UnsupportedObjectError(
        `The ${field} header "${value}" holds characters an HTTP header cannot carry (only printable ASCII).`,
        `headers.${field}`,
      )
    }
    out[param as Exclude<keyof SdkContentHeaders, 'Expires'>] = value
  }
  if (headers.expires !== undefined && headers.expires !== '') out.Expires = parseHttpDate(headers.expires)
  return out
}

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*'
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)'
const TIME = '\\d{2}:\\d{2}:\\d{2}'
/** IMF-fixdate, RFC 850 and asctime, the three forms RFC 9110 5.6.7 allows. */
const HTTP_DATE = new RegExp(
  `^(?:${DAY}, \\d{1,2}[ -]${MONTH}[ -]\\d{2,4} ${TIME} GMT|${DAY} ${MONTH} [ \\d]?\\d ${TIME} \\d{4})$`,
  'i',
)

/**
 * An Expires value as a Date. RFC 9111 5.3: an invalid Expires (often "0" or "-1") means "already
 * expired"; the SDK only takes a Date, so that meaning is kept by sending the epoch rather than failing
 * the object. JavaScript's own parser is not used alone: it reads "0" as the year 2000.
 */
export function parseHttpDate(value: string): Date {
  const date = HTTP_DATE.test(value.trim()) ? new Date(value) : undefined
  return date && !Number.isNaN(date.getTime()) ? date : new Date(0)
}
