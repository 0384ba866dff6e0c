import { AppError } from '../errors'

// (A line comment, because the examples contain the characters that would end a block comment.)
//
// Include/exclude rules on Swift object names, compiled once into regular expressions.
//
// Patterns are anchored to the WHOLE object name (not to its last segment, as .gitignore does for
// patterns without a `/`): a pattern describes a full name, so what it matches never depends on where
// a `/` happens to be. Matching is case-sensitive and exact on the name as Swift lists it (no
// Unicode normalisation: "é" typed precomposed does not match a decomposed "é" in a name).
//
//   `*`        any run of characters within one segment (never `/`); may be empty
//   `?`        exactly one character other than `/` (one code point, so one emoji counts as one)
//   `**`       standing alone as a segment (`**/x`, `a/**/b`, `a/**`): any number of whole segments,
//              including none; elsewhere (`**.jpg`, `a**`): any characters, `/` included
//   `[abc]`    one of the listed characters; ranges `[a-z]`; `[!x]` or `[^x]` negates; a `]` right
//              after `[` or `[!` is literal; `\` escapes inside too. Never matches `/`.
//   `\c`       the character c literally (`\*`, `\?`, `\[`, `\\`)
//   anything else is literal, including `.`, `+`, `(`, `$`, `{a,b}` (no brace alternation: give
//   several patterns instead) and a leading `/` (which only matches names that start with `/`).
//
// Examples:
//   `*.jpg`        `a.jpg`                 not `photos/a.jpg` (top level only)
//   `**/*.jpg`     `a.jpg`, `x/y/a.jpg`     (any depth)
//   `**.jpg`       `a.jpg`, `x/y/a.jpg`     (same, since `**` inside a segment crosses `/`)
//   `logs/**`      `logs/`, `logs/a`, `logs/a/b`  not `logs` itself, not `logs2/a`
//   `a/**/b`       `a/b`, `a/x/b`, `a/x/y/b`
//   `photos/*`     `photos/a.jpg`          not `photos/2024/a.jpg`
//   `file?.txt`    `file1.txt`             not `file10.txt`
//
// Rules combine as: with a non-empty include list a name must match at least one include; it must
// match no exclude (exclusion wins over inclusion). Directory markers (zero-byte objects whose name
// ends in `/` or whose type is application/directory or application/x-directory) are dropped first
// with `skip`; with `keep` they are ordinary objects and the include/exclude rules apply to them too
// (so `logs/**` keeps the marker `logs/` and `**.jpg` drops it).

export interface FilterEntry {
  name: string
  bytes: number
  contentType: string
}

export interface FilterOptions {
  include?: string[]
  exclude?: string[]
  directoryMarkers: 'keep' | 'skip'
}

export type FilterDecision = { keep: true } | { keep: false; reason: string }

export type ObjectFilter = (entry: FilterEntry) => FilterDecision

type Field = 'include' | 'exclude'

// Shared results: the filter runs once per listed object, so the common paths allocate nothing.
const KEEP: FilterDecision = Object.freeze({ keep: true })
const MARKER: FilterDecision = Object.freeze({ keep: false, reason: 'directory marker' })
const NOT_INCLUDED: FilterDecision = Object.freeze({ keep: false, reason: 'matches no include pattern' })

const DIRECTORY_TYPES = new Set(['application/directory', 'application/x-directory'])

/** A zero-byte placeholder that tools like Swift's web UI or rclone create to make a "folder" show up. */
export function isDirectoryMarker(entry: FilterEntry): boolean {
  if (entry.bytes !== 0) return false
  if (entry.name.endsWith('/')) return true
  // Swift returns the type as stored, so parameters and odd casing do occur.
  const semicolon = entry.contentType.indexOf(';')
  const type = (semicolon < 0 ? entry.contentType : entry.contentType.slice(0, semicolon))
    .trim()
    .toLowerCase()
  return DIRECTORY_TYPES.has(type)
}

/**
 * Builds the per-object decision for a job's filter settings.
 * @throws AppError VALIDATION with field `include`, `exclude` or `directoryMarkers`, naming the bad pattern.
 */
export function compileFilter(options: FilterOptions): ObjectFilter {
  if (typeof options !== 'object' || options === null) {
    throw new AppError('VALIDATION', 'The object filter settings are missing.', 'include')
  }
  const markers: unknown = options.directoryMarkers
  if (markers !== 'keep' && markers !== 'skip') {
    throw new AppError('VALIDATION', 'Directory markers must be either "keep" or "skip".', 'directoryMarkers')
  }
  const skipMarkers = markers === 'skip'
  const include = compileList(options.include, 'include')
  const exclude = compileList(options.exclude, 'exclude')
  const excludeReasons = exclude?.patterns.map((pattern) => ({
    keep: false as const,
    reason: `matches exclude pattern "${pattern}"`,
  }))

  return (entry) => {
    if (skipMarkers && isDirectoryMarker(entry)) return MARKER
    const name = entry.name
    if (exclude !== undefined && exclude.any.test(name)) {
      // Only a rejected name pays for finding which pattern it was, for the report.
      const index = exclude.each.findIndex((regex) => regex.test(name))
      return excludeReasons?.[index] ?? { keep: false, reason: 'matches an exclude pattern' }
    }
    if (include !== undefined && !include.any.test(name)) return NOT_INCLUDED
    return KEEP
  }
}

interface CompiledList {
  patterns: string[]
  /** All patterns as one alternation: one regex run per name instead of one per pattern. */
  any: RegExp
  each: RegExp[]
}

function compileList(value: unknown, field: Field): CompiledList | undefined {
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) {
    throw new AppError('VALIDATION', `The ${field} patterns must be a list of patterns.`, field)
  }
  const patterns = [...new Set(value.map((pattern: unknown, index) => checkPattern(pattern, index, field)))]
  if (patterns.length === 0) return undefined
  const shared: GroupCounter = { count: 0 }
  const alternatives = patterns.map((pattern) => `(?:${globToRegExpSource(pattern, field, shared)})`)
  return {
    patterns,
    any: new RegExp(`^(?:${alternatives.join('|')})$`, FLAGS),
    each: patterns.map((pattern) => compileGlob(pattern, field)),
  }
}

function checkPattern(pattern: unknown, index: number, field: Field): string {
  const label = `${capitalize(field)} pattern ${index + 1}`
  if (typeof pattern !== 'string') throw new AppError('VALIDATION', `${label} is not text.`, field)
  if (pattern === '') {
    throw new AppError(
      'VALIDATION',
      `${label} is empty; remove it or write a pattern such as "photos/**".`,
      field,
    )
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(pattern)) {
    throw new AppError(
      'VALIDATION',
      `The ${field} pattern ${JSON.stringify(pattern)} contains a control character (a stray tab or line break?).`,
      field,
    )
  }
  return pattern
}

/**
 * `s` so that `.*` also crosses line terminators (legal in Swift names); `u` so that `?` and classes
 * see code points, not UTF-16 halves, and so that class members can be written as `\u{…}`.
 */
const FLAGS = 'su'

/** The regular expression for one glob, anchored to the whole name; see the file header for the syntax. */
export function compileGlob(pattern: string, field: Field = 'include'): RegExp {
  checkPattern(pattern, 0, field)
  return new RegExp(`^(?:${globToRegExpSource(pattern, field, { count: 0 })})$`, FLAGS)
}

type Token =
  | { kind: 'literal'; char: string }
  | { kind: 'slash' }
  | { kind: 'star' }
  | { kind: 'globstar' }
  | { kind: 'one' }
  | { kind: 'class'; source: string }

/**
 * The three unbounded wildcards: `*` (within a segment), `**` inside a segment (anything) and `**` as a
 * whole segment (any number of whole segments, each ending in its `/`).
 */
type Wildcard = 'star' | 'any' | 'segments'

// Whole segments are written as "nothing, or anything up to a `/`" rather than as `(?:[^/]*/)*`: the
// same strings, but the engine reaches the last `/` in one sweep instead of rescanning every segment.
const GREEDY: Record<Wildcard, string> = { star: '[^/]*', any: '.*', segments: '(?:.*/)?' }
const LAZY: Record<Wildcard, string> = { star: '[^/]*?', any: '.*?', segments: '(?:.*?/)??' }

/** Numbers capture groups across all patterns of one alternation, so back-references stay right. */
interface GroupCounter {
  count: number
}

/**
 * A naive translation (`*` → `[^/]*` and so on) backtracks through every way of splitting the name
 * between the wildcards: `*a*a*a*b` against a 200-character segment of `a`s takes many seconds, and
 * names come from the source, not from the person who wrote the pattern. So the fixed text between
 * two wildcards is placed at its earliest position and that choice is committed (an atomic lookahead,
 * `(?=(…))\1`), which is what classic glob matchers do. Committing is only sound when the wildcard
 * after the text can absorb whatever the earliest placement leaves over: a `**` always can, and a `*`
 * can when the one before is also a `*` (the leftover has no `/`). After a `**`, text followed by a
 * `*` keeps ordinary backtracking (`**a*b` must still match `a/ab`). Matching a name then costs about
 * its length times the pattern's, unless a pattern nests several such uncommitted `**`.
 */
function globToRegExpSource(pattern: string, field: Field, groups: GroupCounter): string {
  const { pieces, wildcards } = split(tokenize(pattern, field))
  let source = pieces[0] ?? ''
  for (let j = 0; j < wildcards.length; j++) {
    const wildcard = wildcards[j]!
    const piece = pieces[j + 1] ?? ''
    const next = wildcards[j + 1]
    if (next !== undefined && piece !== '' && (next !== 'star' || wildcard === 'star')) {
      groups.count++
      source += `(?=(${LAZY[wildcard]}${piece}))\\${groups.count}`
    } else {
      source += GREEDY[wildcard] + piece
    }
  }
  return source
}

/** The pattern as `piece0 wildcard1 piece1 … wildcardN pieceN`, each piece a regex of fixed length. */
function split(tokens: Token[]): { pieces: string[]; wildcards: Wildcard[] } {
  const pieces = ['']
  const wildcards: Wildcard[] = []
  const add = (wildcard: Wildcard) => {
    // Whole segments followed directly by another wildcard add nothing but more ways to match:
    // `**/**/` is `**/`, and `**/*` or `**/**` is any text at all (the common `**/*.jpg` is `**.jpg`).
    if (pieces.at(-1) === '' && wildcards.at(-1) === 'segments') {
      wildcards[wildcards.length - 1] = wildcard === 'segments' ? 'segments' : 'any'
      return
    }
    wildcards.push(wildcard)
    pieces.push('')
  }
  const append = (source: string) => {
    pieces[pieces.length - 1] += source
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    switch (token.kind) {
      case 'literal':
        append(escapeLiteral(token.char))
        break
      case 'slash':
        append('/')
        break
      case 'one':
        append('[^/]')
        break
      case 'class':
        append(token.source)
        break
      case 'star':
        add('star')
        break
      case 'globstar':
        if ((i === 0 || tokens[i - 1]?.kind === 'slash') && tokens[i + 1]?.kind === 'slash') {
          add('segments')
          i++
        } else {
          add('any')
        }
        break
    }
  }
  return { pieces, wildcards }
}

function tokenize(pattern: string, field: Field): Token[] {
  const chars = Array.from(pattern)
  const tokens: Token[] = []
  let i = 0
  while (i < chars.length) {
    const char = chars[i]!
    if (char === '\\') {
      const next = chars[i + 1]
      if (next === undefined) {
        fail(field, pattern, 'ends with a lone "\\"; write "\\\\" to match a backslash')
      }
      tokens.push(next === '/' ? { kind: 'slash' } : { kind: 'literal', char: next })
      i += 2
    } else if (char === '*') {
      let end = i
      while (chars[end] === '*') end++
      tokens.push(end - i === 1 ? { kind: 'star' } : { kind: 'globstar' })
      i = end
    } else if (char === '?') {
      tokens.push({ kind: 'one' })
      i++
    } else if (char === '[') {
      const parsed = parseClass(chars, i, pattern, field)
      tokens.push({ kind: 'class', source: parsed.source })
      i = parsed.end
    } else {
      tokens.push(char === '/' ? { kind: 'slash' } : { kind: 'literal', char })
      i++
    }
  }
  return tokens
}

const SLASH = 0x2f

/** Parses `[...]` starting at `start` (the `[`); returns its regex source and the index after `]`. */
function parseClass(
  chars: string[],
  start: number,
  pattern: string,
  field: Field,
): { source: string; end: number } {
  let i = start + 1
  const negated = chars[i] === '!' || chars[i] === '^'
  if (negated) i++
  let members = ''
  let spansSlash = false
  let first = true

  function unclosed(): never {
    return fail(field, pattern, 'has a "[" without a closing "]"; write "\\[" to match a literal "["')
  }
  function readChar(): string {
    const char = chars[i]
    if (char === undefined) unclosed()
    if (char === '\\') {
      const escaped = chars[i + 1]
      if (escaped === undefined) unclosed()
      i += 2
      return escaped
    }
    i++
    return char
  }

  for (;;) {
    const char = chars[i]
    if (char === undefined) unclosed()
    if (char === ']' && !first) break
    if (char === '[' && chars[i + 1] === ':' && /^\[:[a-z]+:\]/.test(chars.slice(i, i + 12).join(''))) {
      fail(
        field,
        pattern,
        'uses a POSIX class such as [:alpha:], which is not supported; list the characters instead, e.g. [a-zA-Z]',
      )
    }
    first = false
    const low = readChar()
    if (low === '/') slashInClass(field, pattern)
    if (chars[i] === '-' && chars[i + 1] !== undefined && chars[i + 1] !== ']') {
      i++
      const high = readChar()
      if (high === '/') slashInClass(field, pattern)
      const from = low.codePointAt(0)!
      const to = high.codePointAt(0)!
      if (to < from) fail(field, pattern, `has the range "${low}-${high}" backwards; write "${high}-${low}"`)
      if (from < SLASH && to > SLASH) spansSlash = true
      members += `${codePoint(from)}-${codePoint(to)}`
    } else {
      members += codePoint(low.codePointAt(0)!)
    }
  }
  // Like shell globs on paths, a class stands for one character of a segment, so `/` is always left out.
  const source = negated ? `[^${members}/]` : spansSlash ? `(?!/)[${members}]` : `[${members}]`
  return { source, end: i + 1 }
}

function slashInClass(field: Field, pattern: string): never {
  return fail(field, pattern, 'has "/" inside [...]; a character class never matches "/"')
}

/** Written as `\u{…}` so that no member (`]`, `\`, `^`, `-`) can change the meaning of the class. */
function codePoint(value: number): string {
  return `\\u{${value.toString(16)}}`
}

function escapeLiteral(char: string): string {
  // Only syntax characters: under the `u` flag escaping anything else is itself a syntax error.
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char
}

function fail(field: Field, pattern: string, problem: string): never {
  throw new AppError('VALIDATION', `The ${field} pattern "${pattern}" ${problem}.`, field)
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
