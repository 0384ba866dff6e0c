/**
 * How a migration treats object metadata, and the rules for the extra pairs it may add. Plain data and
 * pure checks shared by main (saved migrations, the CLI's --setMetadata) and the New Migration form, so
 * the form and main refuse the same pairs with the same words; main checks again.
 *
 * Content headers (Content-Type, -Encoding, -Disposition, -Language, Cache-Control, Expires) are always
 * copied, because they decide how S3 serves the object, and the tool's own integrity records (the names
 * in RESERVED_METADATA_KEYS) are always written, because skip-if-unchanged and verification read them.
 */

/** One x-amz-meta-* pair to add to every object. */
export interface MetadataPair {
  key: string
  value: string
}

/** The metadata choices of a migration. */
export interface MetadataOptions {
  /** Copy Swift's X-Object-Meta-* as x-amz-meta-* (`copy`, the default), or leave them behind (`skip`). */
  userMetadata: 'copy' | 'skip'
  /** Added to every object copied. A pair wins over a Swift key of the same name. */
  extra: MetadataPair[]
  /**
   * An object whose metadata would exceed S3's 2 KB: `fail` it (the default), or `drop` its Swift user
   * metadata and copy it with only the extra pairs and the integrity records (reported per object).
   */
  oversized: 'fail' | 'drop'
}

/** What a migration does when it says nothing about metadata: what the tool always did. A fresh copy. */
export function defaultMetadataOptions(): MetadataOptions {
  return { userMetadata: 'copy', extra: [], oversized: 'fail' }
}

/** Keys the tool writes itself (content MD5, source ETag and Last-Modified); a pair may not take them. */
export const RESERVED_METADATA_KEYS = ['md5chksum', 'swift-etag', 'swift-last-modified'] as const

/**
 * Bounds on the extra pairs. S3 allows 2 KB of user metadata per object (names and values); the extra
 * pairs may use at most 1 KB of it, so the integrity records (about 130 bytes) always fit and some room
 * is left for Swift's own metadata.
 */
export const METADATA_LIMITS = { maxPairs: 20, maxKeyBytes: 128, maxExtraBytes: 1024 } as const

const KEY = /^[a-z0-9_-]+$/
// C0 and C1 control characters and DEL: no header can carry them, encoded or not, without surprise.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

const encoder = new TextEncoder()

/** UTF-8 bytes, as S3 counts them (TextEncoder: the same in main and in the page). */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length
}

/** A pair as the person wrote it, quoted and escaped so control characters show; long ones shortened. */
export function showPair(pair: MetadataPair): string {
  const text = `${pair.key}=${pair.value}`
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text)
}

/** Why this pair cannot be added, as a sentence that starts by quoting it; undefined when it can. */
export function metadataPairProblem(pair: MetadataPair): string | undefined {
  const { key, value } = pair
  const shown = showPair(pair)
  if (key === '') return `${shown}: the key before "=" is empty.`
  if (KEY.test(key.toLowerCase()) && key !== key.toLowerCase()) {
    return `${shown}: write the key in lowercase (${key.toLowerCase()}); S3 lower-cases metadata names anyway.`
  }
  if (!KEY.test(key)) {
    return `${shown}: a key may hold only lowercase letters, digits, "-" and "_" (S3 lower-cases metadata names).`
  }
  if (utf8Bytes(key) > METADATA_LIMITS.maxKeyBytes) {
    return `${shown}: the key is longer than ${METADATA_LIMITS.maxKeyBytes} characters.`
  }
  if ((RESERVED_METADATA_KEYS as readonly string[]).includes(key)) {
    return `${shown}: ${key} is the tool's own integrity record, always written; choose another key.`
  }
  if (value === '') return `${shown}: the value after "=" is empty.`
  if (CONTROL.test(value)) {
    return `${shown}: the value holds a control character (tab, newline …); use printable text only.`
  }
  return undefined
}

/**
 * `key=value` as typed (on the command line or in the form) → a pair, split at the first "="; the key
 * is trimmed, the value kept as typed (S3 would trim edge spaces, so such a value is sent encoded).
 */
export function parseMetadataPair(text: string): { pair: MetadataPair } | { problem: string } {
  const at = text.indexOf('=')
  if (at < 0) {
    return { problem: `${JSON.stringify(text)}: write it as key=value, e.g. migrated-from=swift-prod.` }
  }
  const pair = { key: text.slice(0, at).trim(), value: text.slice(at + 1) }
  const problem = metadataPairProblem(pair)
  return problem === undefined ? { pair } : { problem }
}

/**
 * The first problem with a list of extra pairs, and the index of the pair it concerns: a bad pair, a
 * key given twice, too many pairs, or more bytes than leave room for the rest. Undefined when fine.
 */
export function extraMetadataProblem(
  pairs: readonly MetadataPair[],
): { index: number; problem: string } | undefined {
  const seen = new Set<string>()
  let bytes = 0
  for (const [index, pair] of pairs.entries()) {
    const problem = metadataPairProblem(pair)
    if (problem !== undefined) return { index, problem }
    if (seen.has(pair.key)) {
      return { index, problem: `${showPair(pair)}: the key ${pair.key} is given twice; keep one value.` }
    }
    seen.add(pair.key)
    if (index >= METADATA_LIMITS.maxPairs) {
      return {
        index,
        problem: `${showPair(pair)}: at most ${METADATA_LIMITS.maxPairs} pairs can be added to every object.`,
      }
    }
    bytes += utf8Bytes(pair.key) + utf8Bytes(pair.value)
    if (bytes > METADATA_LIMITS.maxExtraBytes) {
      return {
        index,
        problem:
          `${showPair(pair)}: the pairs come to ${bytes} bytes with this one; keep them to ` +
          `${METADATA_LIMITS.maxExtraBytes} so every object stays under S3's 2 KB of metadata.`,
      }
    }
  }
  return undefined
}
