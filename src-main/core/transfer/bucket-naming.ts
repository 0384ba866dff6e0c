import { createHash } from 'node:crypto'
import { AppError } from '../errors'
import { S3ConfigError } from '../s3/errors'
import { validateBucketName as checkS3BucketName } from '../s3/options'

/**
 * Where each Swift container goes on S3.
 *
 * One bucket per container: Swift container names allow almost anything (up to 256 bytes of UTF-8,
 * no `/`), S3 bucket names allow 3–63 of `a-z 0-9 . -`, so names are transliterated:
 *   - lowercased, accents stripped (NFKD), a few letters without a decomposition spelled out (ß → ss);
 *   - `_`, whitespace and `.` become `-` (dots are legal, but a dotted bucket breaks the TLS wildcard
 *     certificate of virtual-hosted-style HTTPS and cannot use Transfer Acceleration);
 *   - every other character is dropped, runs of `-` collapse, and `-` is trimmed from both ends.
 * `Photos_2024` → `photos-2024`, `Données clients` → `donnees-clients`, `backup.old` → `backup-old`.
 *
 * When that is not enough a short hash of the ORIGINAL name is appended (`-` and 6 hex digits of its
 * SHA-1): when the result is shorter than 3 characters or would be longer than 63 (then cut to fit),
 * when nothing is left (`日本語` → `container-<hash>`), when it still breaks a rule (an IP-address
 * form, a reserved suffix such as `-s3alias`), and, in planBucketMapping, when two containers of the
 * set would share a bucket. A name that would start with a reserved prefix (`sthree-`,
 * `amzn-s3-demo-`, `xn--`) loses its first hyphen instead (`sthree-logs` → `sthreelogs`).
 *
 * The prefix and suffix options are put around the name as given (`swift-` + `photos` →
 * `swift-photos`): include the separator yourself.
 *
 * One bucket for everything: keys are `container/object`. S3 keys are any UTF-8 (up to 1024 bytes), so
 * the container name is kept exactly as it is, and since Swift forbids `/` in container names the
 * first `/` of a key always ends the container part.
 */

export interface BucketNamingOptions {
  /** Put before every bucket name, e.g. `swift-`; lowercase letters, digits, dots and hyphens. */
  prefix?: string
  /** Put after every bucket name, e.g. `-migrated`. */
  suffix?: string
}

export interface BucketMapping {
  container: string
  bucket: string
  /** The bucket is not simply prefix + container + suffix: the name had to be changed to be valid or unique. */
  changed: boolean
}

const MIN_LENGTH = 3
const MAX_LENGTH = 63
const HASH_LENGTH = 6
/** Longer hashes are only tried when two containers' 6-digit hashes collide as well. */
const HASH_LENGTHS = [HASH_LENGTH, 8, 10, 12, 16] as const
/** Prefix and suffix together; the rest is room for the container name and the longest hash. */
const MAX_AFFIX_LENGTH = 40
/** Stands in for a name with no character that survives transliteration (e.g. all CJK). */
const EMPTY_STEM = 'container'

const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'] as const
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'] as const

/**
 * Why `name` cannot be an AWS S3 bucket name, or undefined when it can. The strictest rules (AWS's),
 * so the name also works on any S3-compatible server.
 */
export function validateBucketName(name: string): string | undefined {
  try {
    checkS3BucketName(name, true)
  } catch (error) {
    if (error instanceof S3ConfigError) return error.message
    throw error
  }
  // The target's own check does not know every reserved form yet.
  const prefix = RESERVED_PREFIXES.find((reserved) => name.startsWith(reserved))
  if (prefix !== undefined)
    return `"${name}" is not a valid S3 bucket name: it must not start with "${prefix}".`
  const suffix = RESERVED_SUFFIXES.find((reserved) => name.endsWith(reserved))
  if (suffix !== undefined)
    return `"${name}" is not a valid S3 bucket name: it must not end with "${suffix}".`
  return undefined
}

/**
 * The preferred bucket for one container. Deterministic, but on its own it cannot see the other
 * containers: `Photos` and `photos` both get `photos`. Use planBucketMapping for a set.
 * @throws AppError VALIDATION for an impossible container name (empty, with `/`) or bad prefix/suffix.
 */
export function bucketNameFor(container: string, options: BucketNamingOptions = {}): string {
  return buildName(checkContainer(container), resolveAffixes(options), 0).bucket
}

/**
 * A bucket for every container, never the same bucket for two different containers. The result
 * depends only on the set of names, not on their order: a container whose name is already the bucket
 * name (prefix + container + suffix) keeps it, every other container in a clash gets a hash (a longer
 * one if hashes clash too). A container listed twice gets the same bucket both times.
 * @throws AppError VALIDATION as bucketNameFor.
 */
export function planBucketMapping(containers: string[], options: BucketNamingOptions = {}): BucketMapping[] {
  const affixes = resolveAffixes(options)
  const names = new Map<string, Built>()
  for (const container of containers) {
    if (!names.has(container)) names.set(container, buildName(checkContainer(container), affixes, 0))
  }
  const verbatim = (container: string, bucket: string) =>
    bucket === affixes.prefix + container + affixes.suffix

  // Each round gives every container caught in a clash (except one that owns the name verbatim) the
  // next longer hash; rounds only ever lengthen hashes, so this ends.
  for (;;) {
    const byBucket = new Map<string, string[]>()
    for (const [container, built] of names) {
      const sharing = byBucket.get(built.bucket)
      if (sharing === undefined) byBucket.set(built.bucket, [container])
      else sharing.push(container)
    }
    let clashes = false
    for (const [bucket, sharing] of byBucket) {
      if (sharing.length < 2) continue
      clashes = true
      let moved = false
      for (const container of sharing) {
        if (verbatim(container, bucket)) continue
        const longer = HASH_LENGTHS.find((length) => length > names.get(container)!.hashLength)
        if (longer === undefined) continue
        names.set(container, buildName(container, affixes, longer))
        moved = true
      }
      if (!moved) {
        // Would take a clash of 64-bit hashes of two different names.
        throw new AppError(
          'CONFLICT',
          `The containers ${sharing.map((name) => `"${name}"`).join(' and ')} cannot be given different bucket names.`,
          'containers',
        )
      }
    }
    if (!clashes) break
  }

  return containers.map((container) => {
    const bucket = names.get(container)!.bucket
    return { container, bucket, changed: !verbatim(container, bucket) }
  })
}

/**
 * The key prefix for a container's objects in single-bucket mode: the name exactly as Swift has it,
 * then `/`. Keys may hold any UTF-8, so nothing is transliterated and two containers never share a
 * prefix. The full key (with any destination prefix and the object name) must still fit in 1024 bytes.
 * @throws AppError VALIDATION for an empty name or one containing `/`.
 */
export function containerKeyPrefix(container: string): string {
  return `${checkContainer(container)}/`
}

interface Affixes {
  prefix: string
  suffix: string
}

interface Built {
  bucket: string
  /** Hex digits of hash in the name; 0 for none. */
  hashLength: number
}

function checkContainer(container: unknown): string {
  if (typeof container !== 'string' || container === '') {
    throw new AppError('VALIDATION', 'A container name is empty.', 'containers')
  }
  if (container.includes('/')) {
    throw new AppError(
      'VALIDATION',
      `"${container}" is not a Swift container name: it contains "/".`,
      'containers',
    )
  }
  return container
}

function resolveAffixes(options: BucketNamingOptions): Affixes {
  const prefix = checkAffix(options.prefix, 'bucketPrefix')
  const suffix = checkAffix(options.suffix, 'bucketSuffix')
  const invalid = (field: string, problem: string): never => {
    throw new AppError('VALIDATION', problem, field)
  }
  if (prefix !== '' && !/^[a-z0-9]/.test(prefix)) {
    invalid('bucketPrefix', `The bucket prefix "${prefix}" must start with a lowercase letter or a digit.`)
  }
  const reservedPrefix = RESERVED_PREFIXES.find((reserved) => prefix.startsWith(reserved))
  if (reservedPrefix !== undefined) {
    invalid(
      'bucketPrefix',
      `The bucket prefix "${prefix}" starts with "${reservedPrefix}", which S3 reserves.`,
    )
  }
  if (suffix !== '' && !/[a-z0-9]$/.test(suffix)) {
    invalid('bucketSuffix', `The bucket suffix "${suffix}" must end with a lowercase letter or a digit.`)
  }
  const reservedSuffix = RESERVED_SUFFIXES.find((reserved) => suffix.endsWith(reserved))
  if (reservedSuffix !== undefined) {
    invalid('bucketSuffix', `The bucket suffix "${suffix}" ends with "${reservedSuffix}", which S3 reserves.`)
  }
  if (prefix.length + suffix.length > MAX_AFFIX_LENGTH) {
    invalid(
      prefix.length >= suffix.length ? 'bucketPrefix' : 'bucketSuffix',
      `The bucket prefix and suffix are ${prefix.length + suffix.length} characters together; keep them to ${MAX_AFFIX_LENGTH} so the container name still fits in 63.`,
    )
  }
  return { prefix, suffix }
}

function checkAffix(value: unknown, field: 'bucketPrefix' | 'bucketSuffix'): string {
  const label = field === 'bucketPrefix' ? 'prefix' : 'suffix'
  if (value === undefined || value === null) return ''
  if (typeof value !== 'string') throw new AppError('VALIDATION', `The bucket ${label} must be text.`, field)
  if (!/^[a-z0-9.-]*$/.test(value)) {
    throw new AppError(
      'VALIDATION',
      `The bucket ${label} "${value}" may only use lowercase letters, digits, dots and hyphens.`,
      field,
    )
  }
  if (value.includes('..')) {
    throw new AppError(
      'VALIDATION',
      `The bucket ${label} "${value}" must not contain two dots in a row.`,
      field,
    )
  }
  return value
}

// Latin letters that NFKD leaves alone; without these, `Straße` would become `strae`.
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

/** What is left of a container name in bucket characters; may be empty. */
export function transliterate(container: string): string {
  return (
    container
      // Compatibility forms first (fullwidth `Ａ` → `A`, `ﬁ` → `fi`), then lowercase, which can itself
      // produce combining marks (`İ` → `i̇`), then strip the marks.
      .normalize('NFKD')
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[ßæœøđðþłħıŧŋ]/gu, (letter) => SPELLED_OUT[letter] ?? '')
      .replace(/[\s_.]+/gu, '-')
      .replace(/[^a-z0-9-]/g, '')
      .replace(/-{2,}/g, '-')
      .replace(/^-+|-+$/g, '')
  )
}

function hashOf(container: string, length: number): string {
  return createHash('sha1').update(container, 'utf8').digest('hex').slice(0, length)
}

/** Prefix, stem cut to fit, optional `-hash`, suffix. The stem never starts or ends with `-`. */
function assemble(affixes: Affixes, stem: string, hash: string): string {
  const tail = (hash === '' ? '' : `-${hash}`) + affixes.suffix
  const room = MAX_LENGTH - affixes.prefix.length - tail.length
  const cut = stem.length > room ? stem.slice(0, room).replace(/-+$/, '') : stem
  return affixes.prefix + cut + tail
}

/**
 * The bucket for one container with at least `minHashLength` hex digits of hash (0: only if needed).
 * The affix limits guarantee room for the stem's first character, so a name never starts with the
 * hash's `-`.
 */
function buildName(container: string, affixes: Affixes, minHashLength: number): Built {
  let stem = transliterate(container)
  let hashLength = minHashLength
  if (stem === '') {
    stem = EMPTY_STEM
    hashLength = Math.max(hashLength, HASH_LENGTH)
  }
  // Dropping a hyphen inside the reserved prefix breaks it; the stem has one there because the prefix
  // option cannot start with a reserved prefix itself and the stem has no leading or doubled `-`.
  while (RESERVED_PREFIXES.some((reserved) => (affixes.prefix + stem).startsWith(reserved))) {
    const hyphen = stem.indexOf('-')
    if (hyphen < 0) break
    stem = stem.slice(0, hyphen) + stem.slice(hyphen + 1)
  }
  const unhashed = assemble(affixes, stem, '')
  if (
    hashLength === 0 &&
    (affixes.prefix.length + stem.length + affixes.suffix.length > MAX_LENGTH ||
      unhashed.length < MIN_LENGTH ||
      validateBucketName(unhashed) !== undefined)
  ) {
    hashLength = HASH_LENGTH
  }
  const bucket = hashLength === 0 ? unhashed : assemble(affixes, stem, hashOf(container, hashLength))
  const problem = validateBucketName(bucket)
  if (problem !== undefined) {
    // Not expected: the transliteration and the affix checks are meant to rule this out.
    throw new AppError(
      'INTERNAL',
      `No valid bucket name could be made for "${container}": ${problem}`,
      'containers',
    )
  }
  return { bucket, hashLength }
}
