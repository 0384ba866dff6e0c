import { CONTAINER_PLACEHOLDER } from './draft'

/**
 * The bucket each container would get in per-container mode, as a preview. Main makes the final
 * names when the run starts (core/transfer/bucket-naming.ts): the same transliteration, plus a short
 * hash of the container's name where the plain result is not a valid bucket or two containers would
 * share one. The hash needs SHA-1 of the original name, which the page does not compute; such rows are
 * marked `adjusted` so the screen can say their name gets a short code.
 */

/** Latin letters that Unicode decomposition leaves alone; spelled out as main does. */
const SPELLED_OUT: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
  ŋ: 'n',
}

/** What is left of a container name in bucket characters (`Photos_2024` → `photos-2024`); may be empty. */
export function transliterate(container: string): string {
  return container
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøđðþłħıŧŋ]/gu, (letter) => SPELLED_OUT[letter] ?? '')
    .replace(/[\s_.]+/gu, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
}

export interface MappingRow {
  container: string
  bucket: string
  /** Main will add a short code to this name to make it valid or unique. */
  adjusted: boolean
}

const RESERVED = /^(xn--|sthree-|amzn-s3-demo-)|(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/

/** The preview of each container's bucket for a pattern such as `swift-{container}`. */
export function previewMapping(containers: readonly string[], pattern: string): MappingRow[] {
  const [before = '', after = ''] = pattern.split(CONTAINER_PLACEHOLDER)
  const rows = containers.map((container) => {
    const stem = transliterate(container)
    const bucket = before + stem + after
    const valid =
      stem !== '' &&
      bucket.length >= 3 &&
      bucket.length <= 63 &&
      /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(bucket) &&
      !bucket.includes('..') &&
      !RESERVED.test(bucket)
    return { container, bucket: stem === '' ? `${before}container${after}` : bucket, adjusted: !valid }
  })
  // Two containers that land on the same name: main keeps it for the one whose name is the bucket
  // verbatim, and gives the others a hash.
  const byBucket = new Map<string, MappingRow[]>()
  for (const row of rows) byBucket.set(row.bucket, [...(byBucket.get(row.bucket) ?? []), row])
  for (const [bucket, sharing] of byBucket) {
    if (sharing.length < 2) continue
    for (const row of sharing) if (before + row.container + after !== bucket) row.adjusted = true
  }
  return rows
}
