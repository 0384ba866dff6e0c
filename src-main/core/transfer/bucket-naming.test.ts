import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import {
  bucketNameFor,
  containerKeyPrefix,
  planBucketMapping,
  transliterate,
  validateBucketName,
} from './bucket-naming'

const sha1 = (text: string, length = 6) =>
  createHash('sha1').update(text, 'utf8').digest('hex').slice(0, length)

function validationError(run: () => unknown): AppError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('VALIDATION')
    return error as AppError
  }
  throw new Error('expected a validation error')
}

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('validateBucketName', () => {
  it('accepts valid names', () => {
    for (const name of ['abc', 'photos-2024', 'my.bucket', 'a'.repeat(63), '123']) {
      expect(validateBucketName(name), name).toBeUndefined()
    }
  })

  it('explains what is wrong', () => {
    const cases: [string, RegExp][] = [
      ['ab', /3 to 63 characters/],
      ['a'.repeat(64), /3 to 63 characters/],
      ['Photos', /lowercase letters/],
      ['-abc', /start and end with a letter or digit/],
      ['abc-', /start and end with a letter or digit/],
      ['a_b', /lowercase letters/],
      ['a..b', /two dots/],
      ['192.168.1.1', /IP address/],
      ['xn--abc', /"xn--"/],
      ['sthree-abc', /must not start with "sthree-"/],
      ['amzn-s3-demo-abc', /must not start with "amzn-s3-demo-"/],
      ['abc-s3alias', /"-s3alias"/],
      ['abc--ol-s3', /"--ol-s3"/],
      ['abc.mrap', /must not end with ".mrap"/],
      ['abc--x-s3', /must not end with "--x-s3"/],
      ['abc--table-s3', /must not end with "--table-s3"/],
      ['a/b', /contains "\/"/],
      ['', /Enter the S3 bucket name/],
    ]
    for (const [name, message] of cases) expect(validateBucketName(name), name).toMatch(message)
    expect(validateBucketName('sthree-abc')).toBe(
      '"sthree-abc" is not a valid S3 bucket name: it must not start with "sthree-".',
    )
  })
})

describe('transliterate', () => {
  it('lowercases, strips accents and spells out letters without a decomposition', () => {
    expect(transliterate('Photos')).toBe('photos')
    expect(transliterate('Données Clients')).toBe('donnees-clients')
    expect(transliterate('Straße')).toBe('strasse')
    expect(transliterate('Ærøskøbing')).toBe('aeroskobing')
    expect(transliterate('Łódź')).toBe('lodz')
    expect(transliterate('İstanbul')).toBe('istanbul')
    expect(transliterate('ＡＢＣ１２３')).toBe('abc123')
    expect(transliterate('ﬁle')).toBe('file')
  })

  it('turns separators into single hyphens and drops everything else', () => {
    expect(transliterate('my_backup 2024')).toBe('my-backup-2024')
    expect(transliterate('backup.old')).toBe('backup-old')
    expect(transliterate('a+b&c=d')).toBe('abcd')
    expect(transliterate('photos (old)')).toBe('photos-old')
    expect(transliterate('a \t_. b')).toBe('a-b')
    expect(transliterate('a---b')).toBe('a-b')
    expect(transliterate('--_photos_--')).toBe('photos')
    expect(transliterate('日本語')).toBe('')
    expect(transliterate('写真 2024')).toBe('2024')
    expect(transliterate('😀')).toBe('')
  })
})

describe('bucketNameFor', () => {
  it('keeps a name that is already a good bucket name', () => {
    expect(bucketNameFor('photos')).toBe('photos')
    expect(bucketNameFor('backup-2024-01')).toBe('backup-2024-01')
  })

  it('transliterates uppercase, accents, underscores, spaces and dots', () => {
    expect(bucketNameFor('Photos')).toBe('photos')
    expect(bucketNameFor('My_Backup 2024')).toBe('my-backup-2024')
    expect(bucketNameFor('Données clients')).toBe('donnees-clients')
    expect(bucketNameFor('www.example.com')).toBe('www-example-com')
  })

  it('trims hyphens from both ends', () => {
    expect(bucketNameFor('-photos-')).toBe('photos')
    expect(bucketNameFor('__tmp__')).toBe('tmp')
  })

  it('names a container with nothing transliterable after a stable hash of its name', () => {
    expect(bucketNameFor('日本語')).toBe(`container-${sha1('日本語')}`)
    expect(bucketNameFor('!!!')).toBe(`container-${sha1('!!!')}`)
    expect(bucketNameFor('日本語')).not.toBe(bucketNameFor('中文'))
  })

  it('lengthens a name that is too short with a hash', () => {
    expect(bucketNameFor('a')).toBe(`a-${sha1('a')}`)
    expect(bucketNameFor('Ab')).toBe(`ab-${sha1('Ab')}`)
    expect(bucketNameFor('写真x')).toBe(`x-${sha1('写真x')}`)
    expect(bucketNameFor('abc')).toBe('abc')
  })

  it('cuts a name that is too long and adds a hash, so names differing only at the end stay apart', () => {
    const base = 'very-long-container-name-'.repeat(4)
    const one = bucketNameFor(`${base}one`)
    const two = bucketNameFor(`${base}two`)
    expect(one).toHaveLength(63)
    expect(one).toBe(`${base.slice(0, 56)}-${sha1(`${base}one`)}`)
    expect(two).not.toBe(one)
    expect(bucketNameFor('x'.repeat(63))).toBe('x'.repeat(63))
    expect(bucketNameFor('x'.repeat(64))).toBe(`${'x'.repeat(56)}-${sha1('x'.repeat(64))}`)
  })

  it('never leaves a hyphen where the name was cut', () => {
    const name = `${'a'.repeat(55)}-${'b'.repeat(20)}`
    expect(bucketNameFor(name)).toBe(`${'a'.repeat(55)}-${sha1(name)}`)
  })

  it('cannot produce an IP address, since dots become hyphens', () => {
    expect(bucketNameFor('192.168.1.1')).toBe('192-168-1-1')
  })

  it('avoids reserved prefixes by dropping a hyphen', () => {
    expect(bucketNameFor('sthree-logs')).toBe('sthreelogs')
    expect(bucketNameFor('amzn-s3-demo-bucket')).toBe('amzns3-demo-bucket')
    expect(bucketNameFor('xn--abc')).toBe('xn-abc')
    expect(bucketNameFor('Sthree_Logs')).toBe('sthreelogs')
  })

  it('avoids reserved suffixes', () => {
    expect(bucketNameFor('data-s3alias')).toBe(`data-s3alias-${sha1('data-s3alias')}`)
    expect(bucketNameFor('data--ol-s3')).toBe('data-ol-s3')
    expect(bucketNameFor('data--x-s3')).toBe('data-x-s3')
    expect(bucketNameFor('data.mrap')).toBe('data-mrap')
  })

  it('puts the prefix and suffix around the name', () => {
    expect(bucketNameFor('Photos', { prefix: 'swift-' })).toBe('swift-photos')
    expect(bucketNameFor('photos', { suffix: '-migrated' })).toBe('photos-migrated')
    expect(bucketNameFor('photos', { prefix: 'acme.', suffix: '.eu' })).toBe('acme.photos.eu')
    expect(bucketNameFor('a', { prefix: 'x-' })).toBe('x-a')
    expect(bucketNameFor('日本語', { prefix: 'swift-' })).toBe(`swift-container-${sha1('日本語')}`)
  })

  it('keeps the prefix and suffix whole when the name is cut', () => {
    const name = 'n'.repeat(80)
    const bucket = bucketNameFor(name, { prefix: 'swift-', suffix: '-eu' })
    expect(bucket).toBe(`swift-${'n'.repeat(47)}-${sha1(name)}-eu`)
    expect(bucket).toHaveLength(63)
  })

  it('repairs what only the prefix or suffix together with the name breaks', () => {
    expect(bucketNameFor('demo-x', { prefix: 'amzn-s3-' })).toBe('amzn-s3-demox')
    expect(bucketNameFor('1', { prefix: '10.0.0.' })).toBe(`10.0.0.1-${sha1('1')}`)
    expect(bucketNameFor('foo-s3', { suffix: 'alias' })).toBe(`foo-s3-${sha1('foo-s3')}alias`)
  })

  it('rejects an impossible prefix or suffix', () => {
    const cases: [object, string, RegExp][] = [
      [{ prefix: 'Swift-' }, 'bucketPrefix', /lowercase letters, digits, dots and hyphens/],
      [{ prefix: 'swift_' }, 'bucketPrefix', /lowercase letters/],
      [{ prefix: '-swift' }, 'bucketPrefix', /must start with/],
      [{ prefix: 'a..b' }, 'bucketPrefix', /two dots/],
      [{ prefix: 'sthree-x' }, 'bucketPrefix', /"sthree-", which S3 reserves/],
      [{ prefix: 'xn--' }, 'bucketPrefix', /"xn--"/],
      [{ suffix: '-' }, 'bucketSuffix', /must end with/],
      [{ suffix: '-s3alias' }, 'bucketSuffix', /"-s3alias", which S3 reserves/],
      [{ suffix: '.mrap' }, 'bucketSuffix', /\.mrap/],
      [{ prefix: 'p'.repeat(30), suffix: 's'.repeat(11) }, 'bucketPrefix', /keep them to 40/],
      [{ prefix: 7 }, 'bucketPrefix', /must be text/],
    ]
    for (const [options, field, message] of cases) {
      const error = validationError(() => bucketNameFor('photos', options as { prefix?: string }))
      expect(error.field, JSON.stringify(options)).toBe(field)
      expect(error.message).toMatch(message)
    }
  })

  it('rejects names Swift itself would not allow', () => {
    expect(validationError(() => bucketNameFor('')).field).toBe('containers')
    expect(validationError(() => bucketNameFor('a/b')).message).toContain('"a/b"')
  })

  it('always produces a valid bucket name', () => {
    const random = seeded(7)
    const alphabet = ['a', 'Z', '0', '-', '_', '.', ' ', 'é', 'ß', '日', '😀', '+', 'İ', 'x', 's', '3']
    const options = [{}, { prefix: 'swift-' }, { suffix: '-eu' }, { prefix: 'a.', suffix: '.b' }]
    for (let round = 0; round < 5000; round++) {
      const name = Array.from(
        { length: 1 + Math.floor(random() * 90) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('')
      const bucket = bucketNameFor(name, options[round % options.length])
      expect(validateBucketName(bucket), `${name} → ${bucket}`).toBeUndefined()
      expect(bucket).not.toContain('--')
    }
  })

  it('is deterministic', () => {
    expect(bucketNameFor('Données_2024 ü')).toBe(bucketNameFor('Données_2024 ü'))
    expect(bucketNameFor('日本語')).toBe('container-' + sha1('日本語'))
  })
})

describe('planBucketMapping', () => {
  it('maps each container, saying which names had to change', () => {
    expect(planBucketMapping(['photos', 'My_Backup'])).toEqual([
      { container: 'photos', bucket: 'photos', changed: false },
      { container: 'My_Backup', bucket: 'my-backup', changed: true },
    ])
    expect(planBucketMapping(['photos'], { prefix: 'swift-' })).toEqual([
      { container: 'photos', bucket: 'swift-photos', changed: false },
    ])
  })

  it('leaves a clashing name to the container that has it verbatim and hashes the others', () => {
    expect(planBucketMapping(['Photos', 'photos'])).toEqual([
      { container: 'Photos', bucket: `photos-${sha1('Photos')}`, changed: true },
      { container: 'photos', bucket: 'photos', changed: false },
    ])
  })

  it('hashes every container of a clash when none has the name verbatim', () => {
    const plan = planBucketMapping(['Photos', 'PHOTOS', 'photos '])
    expect(plan.map((entry) => entry.bucket)).toEqual([
      `photos-${sha1('Photos')}`,
      `photos-${sha1('PHOTOS')}`,
      `photos-${sha1('photos ')}`,
    ])
  })

  it('does not depend on the order of the containers', () => {
    const containers = [
      'Photos',
      'photos',
      'PHOTOS',
      'Fotos',
      'fotos',
      'Données',
      'donnees',
      '日本語',
      '中文',
      'a',
    ]
    const forward = planBucketMapping(containers)
    const backward = planBucketMapping([...containers].reverse())
    const asMap = (plan: { container: string; bucket: string }[]) =>
      Object.fromEntries(plan.map((entry) => [entry.container, entry.bucket]))
    expect(asMap(backward)).toEqual(asMap(forward))
    expect(planBucketMapping(containers)).toEqual(forward)
  })

  it('lengthens a hash that clashes with another container name', () => {
    const hashed = `photos-${sha1('Photos')}`
    const plan = planBucketMapping(['Photos', 'photos', hashed])
    expect(plan).toEqual([
      { container: 'Photos', bucket: `photos-${sha1('Photos', 8)}`, changed: true },
      { container: 'photos', bucket: 'photos', changed: false },
      { container: hashed, bucket: hashed, changed: false },
    ])
  })

  it('keeps long names apart that only differ past the cut', () => {
    const base = 'x'.repeat(70)
    const plan = planBucketMapping([`${base}1`, `${base}2`, `${base}3`])
    expect(new Set(plan.map((entry) => entry.bucket)).size).toBe(3)
    for (const entry of plan) expect(entry.bucket).toHaveLength(63)
  })

  it('gives a container listed twice the same bucket', () => {
    expect(planBucketMapping(['Photos', 'Photos'])).toEqual([
      { container: 'Photos', bucket: 'photos', changed: true },
      { container: 'Photos', bucket: 'photos', changed: true },
    ])
  })

  it('never maps two containers to one bucket, even across many look-alike names', () => {
    const random = seeded(11)
    const variants = (word: string) => [
      word,
      word.toUpperCase(),
      `${word}_`,
      ` ${word}`,
      `${word}.`,
      `${word}é`,
    ]
    const containers = [...new Set(Array.from({ length: 400 }, (_, i) => variants(`bucket${i % 50}`)).flat())]
    const shuffled = [...containers].sort(() => random() - 0.5)
    const plan = planBucketMapping(shuffled, { prefix: 'swift-' })
    const buckets = plan.map((entry) => entry.bucket)
    expect(new Set(buckets).size).toBe(containers.length)
    for (const bucket of buckets) expect(validateBucketName(bucket), bucket).toBeUndefined()
    const again = Object.fromEntries(
      planBucketMapping(containers, { prefix: 'swift-' }).map((e) => [e.container, e.bucket]),
    )
    for (const entry of plan) expect(again[entry.container]).toBe(entry.bucket)
  })

  it('returns an empty plan for no containers and validates the rest', () => {
    expect(planBucketMapping([])).toEqual([])
    expect(validationError(() => planBucketMapping(['ok', ''])).field).toBe('containers')
    expect(validationError(() => planBucketMapping(['ok'], { prefix: 'BAD' })).field).toBe('bucketPrefix')
  })
})

describe('containerKeyPrefix', () => {
  it('keeps the container name exactly as it is', () => {
    expect(containerKeyPrefix('photos')).toBe('photos/')
    expect(containerKeyPrefix('My Photos_2024')).toBe('My Photos_2024/')
    expect(containerKeyPrefix('Données 日本語 😀')).toBe('Données 日本語 😀/')
  })

  it('rejects names that would make the prefix ambiguous', () => {
    expect(validationError(() => containerKeyPrefix('')).field).toBe('containers')
    expect(validationError(() => containerKeyPrefix('a/b')).message).toContain('contains "/"')
  })
})
