import { describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import { compileFilter, compileGlob, isDirectoryMarker, type FilterOptions } from './object-filter'

const file = (name: string, bytes = 1, contentType = 'application/octet-stream') => ({
  name,
  bytes,
  contentType,
})

function expectMatch(pattern: string, yes: string[], no: string[]) {
  const regex = compileGlob(pattern)
  for (const name of yes) expect(regex.test(name), `${pattern} should match ${name}`).toBe(true)
  for (const name of no) expect(regex.test(name), `${pattern} should not match ${name}`).toBe(false)
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

/**
 * The glob semantics written out as plain exhaustive recursion, for the few pattern characters the
 * random test uses (letters, `/`, `*`, `**`, `?`, `[ab]`, `[!a]`).
 */
function referenceMatch(pattern: string, name: string): boolean {
  const step = (p: number, i: number): boolean => {
    if (p === pattern.length) return i === name.length
    const char = pattern[p]!
    if (char === '*') {
      let end = p
      while (pattern[end] === '*') end++
      if (end - p === 1) {
        for (let k = i; ; k++) {
          if (step(end, k)) return true
          if (k === name.length || name[k] === '/') return false
        }
      }
      const wholeSegment = (p === 0 || pattern[p - 1] === '/') && pattern[end] === '/'
      if (wholeSegment) {
        // Zero or more whole segments, then the rest of the pattern after the `/`.
        for (let k = i; k <= name.length; k++) {
          if ((k === i || name[k - 1] === '/') && step(end + 1, k)) return true
        }
        return false
      }
      for (let k = i; k <= name.length; k++) if (step(end, k)) return true
      return false
    }
    const c = name[i]
    if (c === undefined) return false
    if (char === '?') return c !== '/' && step(p + 1, i + 1)
    if (char === '[') {
      const close = pattern.indexOf(']', p + 2)
      const body = pattern.slice(p + 1, close)
      const negated = body.startsWith('!')
      const members = negated ? body.slice(1) : body
      const ok = c !== '/' && members.includes(c) !== negated
      return ok && step(close + 1, i + 1)
    }
    return c === char && step(p + 1, i + 1)
  }
  return step(0, 0)
}

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

describe('compileGlob', () => {
  it('anchors a pattern to the whole name, so `*` alone stays at the top level', () => {
    expectMatch('*.jpg', ['a.jpg', '.jpg', 'my photo.jpg'], ['photos/a.jpg', 'a.jpg.bak', 'xa.jpgx', 'a.JPG'])
    expectMatch('photos', ['photos'], ['photos/', 'my-photos', 'photos2'])
  })

  it('keeps `*` within one segment', () => {
    expectMatch('photos/*', ['photos/a.jpg', 'photos/'], ['photos/2024/a.jpg', 'photos', 'other/a.jpg'])
    expectMatch('*/*.jpg', ['a/b.jpg', '/b.jpg'], ['b.jpg', 'a/b/c.jpg'])
    expectMatch('a*b', ['ab', 'axxb'], ['a/b', 'ax/xb'])
  })

  it('matches any number of whole segments with a leading `**/`, including none', () => {
    expectMatch(
      '**/*.jpg',
      ['a.jpg', 'x/a.jpg', 'x/y/z/a.jpg', 'x//a.jpg'],
      ['a.png', 'x/a.jpg/y', 'x/a.jpgx'],
    )
  })

  it('matches everything below a folder with a trailing `/**`', () => {
    expectMatch('logs/**', ['logs/', 'logs/a', 'logs/a/b', 'logs/a/b/'], ['logs', 'logs2/a', 'x/logs/a'])
  })

  it('matches zero or more segments with a middle `/**/`', () => {
    expectMatch('a/**/b', ['a/b', 'a/x/b', 'a/x/y/b'], ['ab', 'a/xb', 'a/x/bb', 'b', 'x/a/b'])
    expectMatch('a/**/**/b', ['a/b', 'a/x/b', 'a/x/y/b'], ['a/xb'])
  })

  it('treats `**` inside a segment as any characters, `/` included', () => {
    expectMatch('**.jpg', ['a.jpg', 'x/y/a.jpg', '.jpg'], ['a.png'])
    expectMatch('a**', ['a', 'ab', 'a/b/c'], ['ba'])
    expectMatch('**', ['', 'a', 'a/b/', '/'], [])
    expectMatch('***', ['a/b'], [])
  })

  it('matches exactly one non-slash character with `?`', () => {
    expectMatch(
      'file?.txt',
      ['file1.txt', 'fileé.txt', 'file😀.txt'],
      ['file.txt', 'file10.txt', 'file/.txt'],
    )
  })

  it('supports character classes, ranges and negation, never matching `/`', () => {
    expectMatch('[abc].txt', ['a.txt', 'c.txt'], ['d.txt', 'ab.txt', '/.txt'])
    expectMatch('img[0-9][0-9]', ['img07', 'img99'], ['img7', 'imgaa'])
    expectMatch('[!x]y', ['ay', '.y', 'éy'], ['xy', '/y'])
    expectMatch('[^x]y', ['ay'], ['xy', '/y'])
    expectMatch('[a-cx-z]', ['b', 'y'], ['d', 'w'])
    // A range that spans "/" still leaves it out.
    expectMatch('a[ -~]b', ['a b', 'a.b', 'a~b'], ['a/b'])
  })

  it('reads `]` first in a class, a `-` at either end and escapes inside a class literally', () => {
    expectMatch('[]x]', [']', 'x'], ['y'])
    expectMatch('[!]x]', ['y'], [']', 'x'])
    expectMatch('[-a]', ['-', 'a'], ['b'])
    expectMatch('[a-]', ['-', 'a'], ['b'])
    expectMatch('[\\]\\\\]', [']', '\\'], ['x'])
    expectMatch('[\\!a]', ['!', 'a'], ['b'])
    expectMatch('[\\^a]', ['^', 'a'], ['b'])
    expectMatch('[a^]', ['^', 'a'], ['b'])
  })

  it('supports non-ASCII members and ranges in a class', () => {
    expectMatch('[éü]', ['é', 'ü'], ['e', 'u'])
    expectMatch('[α-ω]', ['λ'], ['a', 'Λ'])
    expectMatch('[😀😁]', ['😀', '😁'], ['😂'])
  })

  it('takes an escaped character literally', () => {
    expectMatch('\\*.txt', ['*.txt'], ['a.txt'])
    expectMatch('what\\?', ['what?'], ['whats'])
    expectMatch('\\[draft\\] notes', ['[draft] notes'], ['d notes'])
    expectMatch('back\\\\slash', ['back\\slash'], ['backslash'])
    expectMatch('\\a\\b', ['ab'], [])
    // An escaped slash is still a segment separator.
    expectMatch('**\\/x', ['x', 'a/x'], ['ax'])
  })

  it('keeps regular-expression metacharacters literal', () => {
    expectMatch('a.b', ['a.b'], ['axb'])
    expectMatch('a+', ['a+'], ['a', 'aa'])
    expectMatch('(draft)', ['(draft)'], ['draft'])
    expectMatch('cost$', ['cost$'], ['cost'])
    expectMatch('^start', ['^start'], ['start'])
    expectMatch('a|b', ['a|b'], ['a', 'b'])
    expectMatch('x{2}', ['x{2}'], ['xx'])
    expectMatch('{a,b}.txt', ['{a,b}.txt'], ['a.txt', 'b.txt'])
    expectMatch('a-b', ['a-b'], [])
    expectMatch('/abs', ['/abs'], ['abs'])
    expectMatch('\\d', ['d'], ['1'])
  })

  it('matches unicode names code point by code point, without normalising', () => {
    expectMatch('fotos/*.jpg', ['fotos/été.jpg', 'fotos/日本語.jpg', 'fotos/😀.jpg'], [])
    expectMatch('日本/**', ['日本/東京/a.txt'], ['日本語/a.txt'])
    expectMatch('caf?', ['café'], ['cafe\u0301'])
    expectMatch('café', ['café'], ['cafe\u0301'])
  })

  it('matches names containing line terminators', () => {
    expectMatch('**', ['a\nb', 'a\u2028b'], [])
    expectMatch('a*b', ['a\rb'], [])
  })

  it('agrees with a plain recursive glob matcher on random patterns and names', () => {
    const pieces = ['a', 'b', '/', '*', '**', '?', '[ab]', '[!a]', 'ab', '/**/', '**/', '/**', '*/', '**a']
    const chars = ['a', 'b', 'c', '/']
    const random = seeded(42)
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!
    for (let round = 0; round < 3000; round++) {
      const pattern = Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(pieces)).join('')
      const regex = compileGlob(pattern)
      for (let n = 0; n < 20; n++) {
        const name = Array.from({ length: Math.floor(random() * 9) }, () => pick(chars)).join('')
        expect(regex.test(name), `${pattern} against ${name}`).toBe(referenceMatch(pattern, name))
      }
    }
  })

  it('rejects malformed patterns with a message naming the pattern', () => {
    const cases: [string, RegExp][] = [
      ['', /pattern 1 is empty/],
      ['photos/[abc', /"photos\/\[abc" has a "\[" without a closing "\]"/],
      ['[', /without a closing/],
      ['[]', /without a closing/],
      ['[!]', /without a closing/],
      ['[a\\', /without a closing/],
      ['trailing\\', /"trailing\\" ends with a lone "\\"/],
      ['[z-a]', /range "z-a" backwards; write "a-z"/],
      ['[a/b]', /"\/" inside \[\.\.\.\]/],
      ['[[:alpha:]]', /POSIX class/],
      ['tab\there', /"tab\\there" contains a control character/],
    ]
    for (const [pattern, message] of cases) {
      const error = validationError(() => compileGlob(pattern))
      expect(error.message, pattern).toMatch(message)
      expect(error.field).toBe('include')
    }
  })
})

describe('isDirectoryMarker', () => {
  it('recognises zero-byte objects ending in a slash or typed as a directory', () => {
    expect(isDirectoryMarker(file('photos/', 0))).toBe(true)
    expect(isDirectoryMarker(file('photos', 0, 'application/directory'))).toBe(true)
    expect(isDirectoryMarker(file('photos', 0, 'application/x-directory'))).toBe(true)
    expect(isDirectoryMarker(file('photos', 0, 'Application/Directory; charset=UTF-8'))).toBe(true)
  })

  it('does not treat objects with content, or other empty objects, as markers', () => {
    expect(isDirectoryMarker(file('photos/', 12))).toBe(false)
    expect(isDirectoryMarker(file('photos', 5, 'application/directory'))).toBe(false)
    expect(isDirectoryMarker(file('empty.txt', 0, 'text/plain'))).toBe(false)
    expect(isDirectoryMarker(file('photos', 0, ''))).toBe(false)
  })
})

describe('compileFilter', () => {
  const keep = (options: FilterOptions, names: string[]) => {
    const filter = compileFilter(options)
    return names.filter((name) => filter(file(name)).keep)
  }
  const names = ['a.jpg', 'a.png', 'photos/b.jpg', 'photos/raw/c.jpg', 'logs/x.log', 'logs/old/y.log']

  it('keeps everything with no rules', () => {
    expect(keep({ directoryMarkers: 'keep' }, names)).toEqual(names)
    expect(keep({ include: [], exclude: [], directoryMarkers: 'keep' }, names)).toEqual(names)
  })

  it('keeps only names matching at least one include pattern', () => {
    expect(keep({ include: ['**/*.jpg'], directoryMarkers: 'keep' }, names)).toEqual([
      'a.jpg',
      'photos/b.jpg',
      'photos/raw/c.jpg',
    ])
    expect(keep({ include: ['*.png', 'logs/**'], directoryMarkers: 'keep' }, names)).toEqual([
      'a.png',
      'logs/x.log',
      'logs/old/y.log',
    ])
  })

  it('drops names matching any exclude pattern', () => {
    expect(keep({ exclude: ['logs/**', '*.png'], directoryMarkers: 'keep' }, names)).toEqual([
      'a.jpg',
      'photos/b.jpg',
      'photos/raw/c.jpg',
    ])
  })

  it('lets exclusion win over inclusion', () => {
    expect(
      keep({ include: ['photos/**'], exclude: ['photos/raw/**'], directoryMarkers: 'keep' }, names),
    ).toEqual(['photos/b.jpg'])
    expect(keep({ include: ['**'], exclude: ['**'], directoryMarkers: 'keep' }, names)).toEqual([])
  })

  it('says why an object was left out', () => {
    const filter = compileFilter({
      include: ['photos/**', 'logs/**'],
      exclude: ['**/*.tmp', 'photos/raw/**'],
      directoryMarkers: 'skip',
    })
    expect(filter(file('photos/a.jpg'))).toEqual({ keep: true })
    expect(filter(file('photos/a.tmp'))).toEqual({
      keep: false,
      reason: 'matches exclude pattern "**/*.tmp"',
    })
    expect(filter(file('photos/raw/a.cr2'))).toEqual({
      keep: false,
      reason: 'matches exclude pattern "photos/raw/**"',
    })
    expect(filter(file('other/a.jpg'))).toEqual({ keep: false, reason: 'matches no include pattern' })
    expect(filter(file('photos/', 0))).toEqual({ keep: false, reason: 'directory marker' })
  })

  it('skips directory markers with `skip`, whatever the patterns say', () => {
    const filter = compileFilter({ directoryMarkers: 'skip' })
    expect(filter(file('photos/', 0)).keep).toBe(false)
    expect(filter(file('photos', 0, 'application/directory')).keep).toBe(false)
    expect(filter(file('photos/', 3)).keep).toBe(true)
    expect(filter(file('empty.txt', 0, 'text/plain')).keep).toBe(true)
  })

  it('treats directory markers as ordinary objects with `keep`', () => {
    const plain = compileFilter({ directoryMarkers: 'keep' })
    expect(plain(file('photos/', 0))).toEqual({ keep: true })
    expect(plain(file('photos', 0, 'application/x-directory'))).toEqual({ keep: true })

    const filtered = compileFilter({
      include: ['photos/**'],
      exclude: ['photos/tmp/**'],
      directoryMarkers: 'keep',
    })
    expect(filtered(file('photos/', 0)).keep).toBe(true)
    expect(filtered(file('photos/2024/', 0)).keep).toBe(true)
    expect(filtered(file('photos/tmp/', 0)).keep).toBe(false)
    expect(filtered(file('docs/', 0)).keep).toBe(false)
  })

  it('ignores duplicate patterns', () => {
    const filter = compileFilter({ exclude: ['*.tmp', '*.tmp'], directoryMarkers: 'keep' })
    expect(filter(file('a.tmp'))).toEqual({ keep: false, reason: 'matches exclude pattern "*.tmp"' })
  })

  it('reports a bad pattern against its list, naming the pattern and its position', () => {
    const include = validationError(() =>
      compileFilter({ include: ['*.jpg', '[oops'], directoryMarkers: 'keep' }),
    )
    expect(include.field).toBe('include')
    expect(include.message).toContain('The include pattern "[oops"')

    const exclude = validationError(() =>
      compileFilter({ exclude: ['ok', 'bad\\'], directoryMarkers: 'keep' }),
    )
    expect(exclude.field).toBe('exclude')
    expect(exclude.message).toContain('The exclude pattern "bad\\"')

    const empty = validationError(() => compileFilter({ exclude: ['a', ''], directoryMarkers: 'keep' }))
    expect(empty.field).toBe('exclude')
    expect(empty.message).toMatch(/^Exclude pattern 2 is empty/)
  })

  it('rejects settings of the wrong shape, as they may come from a config file', () => {
    const notList = validationError(() =>
      compileFilter({ include: '*.jpg' as unknown as string[], directoryMarkers: 'keep' }),
    )
    expect(notList.field).toBe('include')
    const notText = validationError(() =>
      compileFilter({ exclude: [42 as unknown as string], directoryMarkers: 'keep' }),
    )
    expect(notText.message).toBe('Exclude pattern 1 is not text.')
    const markers = validationError(() => compileFilter({ directoryMarkers: 'drop' as unknown as 'keep' }))
    expect(markers.field).toBe('directoryMarkers')
  })

  it('filters a million names well within a second', () => {
    const filter = compileFilter({
      include: ['photos/**', '**/*.jpg', 'logs/2024-??-*.log', 'data/[a-f]*/**'],
      exclude: ['**/*.tmp', '**/.cache/**', 'photos/raw/**'],
      directoryMarkers: 'skip',
    })
    const entries = Array.from({ length: 1000 }, (_, i) => [
      file(`photos/2024/${i}/IMG_${i}.jpg`),
      file(`photos/raw/${i}.cr2`),
      file(`backup/deep/er/still/${i}.jpg`),
      file(`logs/2024-01-${i}.log`),
      file(`data/b${i}/x/y/z/${i}.bin`),
      file(`other/${i}/${i}.tmp`),
      file(`home/user/.cache/${i}/blob`),
      file(`unmatched/${'segment/'.repeat(10)}${i}.txt`),
      file(`folder${i}/`, 0),
      file(`${'long-name-'.repeat(20)}${i}`),
    ]).flat()
    let kept = 0
    const started = performance.now()
    for (let round = 0; round < 100; round++) {
      for (const entry of entries) if (filter(entry).keep) kept++
    }
    const elapsed = performance.now() - started
    expect(entries.length * 100).toBe(1_000_000)
    expect(kept).toBe(400_000)
    expect(elapsed).toBeLessThan(3000)
  })

  it('stays fast on names built to make a backtracking matcher struggle', () => {
    const filter = compileFilter({
      include: ['**/**/**/**/x', 'a/**/b/**/c/**/d', '*a*a*a*a*b'],
      directoryMarkers: 'keep',
    })
    const nasty = ['a/'.repeat(500), 'a'.repeat(1000), 'a/b/c/'.repeat(150)]
    const started = performance.now()
    for (const name of nasty) expect(filter(file(name)).keep).toBe(false)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
