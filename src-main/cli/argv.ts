import { CliUsageError } from './errors'
import {
  FLAGS,
  type FlagName,
  type ListFlag,
  type SwitchFlag,
  type ValueFlag,
  lookupFlag,
  suggestFlag,
} from './flags'

/**
 * Splits the command line into flags, before any value is interpreted. A small hand parser rather than
 * node:util parseArgs: its messages ("Unknown option '--foo'. To specify a positional argument…")
 * would all need rewriting, it has no case- or dash-insensitive matching, and it would read
 * `--bandwidthLimitMb -1` as a missing value instead of a negative one.
 */

export interface RawArgs {
  values: Partial<Record<ValueFlag, string>>
  switches: Partial<Record<SwitchFlag, boolean>>
  lists: Partial<Record<ListFlag, string[]>>
  /** Every flag that appeared, in order of first appearance. */
  seen: FlagName[]
}

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1'])
const FALSE_WORDS = new Set(['false', 'no', 'off', '0'])
// A negative number is a value to reject with a range message, not a flag to look up.
const NEGATIVE_NUMBER = /^-(\d|\.\d)/

function isFlagToken(token: string): boolean {
  return token.startsWith('-') && token !== '-' && !NEGATIVE_NUMBER.test(token)
}

/** True when --help or -h appears anywhere before `--`: help wins over every other mistake. */
export function wantsHelp(argv: readonly string[]): boolean {
  return flagsBeforeTerminator(argv).some((token) => token === '-h' || namedFlag(token) === 'help')
}

/** True when --version appears before `--` (and --help does not win). */
export function wantsVersion(argv: readonly string[]): boolean {
  return flagsBeforeTerminator(argv).some((token) => namedFlag(token) === 'version')
}

function flagsBeforeTerminator(argv: readonly string[]): string[] {
  const end = argv.indexOf('--')
  return (end === -1 ? argv : argv.slice(0, end)).filter((token) => token.startsWith('-'))
}

function namedFlag(token: string): FlagName | undefined {
  return token.startsWith('--') && !token.includes('=') ? lookupFlag(token.slice(2)) : undefined
}

function unknownFlag(token: string): CliUsageError {
  // Never echo an `=value` part: it might be a secret typed into a flag that does not exist.
  const spelled = token.split('=', 1)[0] ?? token
  const suggestion = suggestFlag(spelled.replace(/^-+/, ''))
  const hint = suggestion ? `Did you mean --${suggestion}?` : 'Run swift2s3 --help for the list of flags.'
  return new CliUsageError(`Unknown flag ${spelled}. ${hint}`, spelled)
}

function usage(name: FlagName): string {
  const { arg } = FLAGS[name]
  return arg ? `--${name} ${arg}` : `--${name}`
}

function unexpected(token: string, previous: FlagName | undefined, inline: boolean): CliUsageError {
  let hint = 'every setting is given as a flag; run swift2s3 --help for the list.'
  if (previous && FLAGS[previous].kind === 'switch' && !inline) {
    hint = `--${previous} takes no value; to turn it off write --${previous}=false.`
  } else if (previous === 'include' || previous === 'exclude') {
    // The usual cause: an unquoted `--include *.jpg` that the shell expanded into file names.
    hint = `put each pattern in quotes so the shell does not expand it, e.g. --${previous} '*.jpg'.`
  }
  return new CliUsageError(`Unexpected argument "${token}": ${hint}`)
}

function switchValue(name: FlagName, inline: string | undefined): boolean {
  if (inline === undefined) return true
  const word = inline.trim().toLowerCase()
  if (TRUE_WORDS.has(word)) return true
  if (FALSE_WORDS.has(word)) return false
  throw new CliUsageError(
    `--${name} is a switch: give it alone, or as --${name}=true or --${name}=false (got "${inline}").`,
    `--${name}`,
  )
}

function setOnce<K extends string, V>(
  record: Partial<Record<K, V>>,
  name: K,
  value: V,
  show: (v: V) => string,
): void {
  const before = record[name]
  // The same flag twice with different values is a mistake in a script, not a request for the last one.
  if (before !== undefined && before !== value) {
    throw new CliUsageError(
      `--${name} was given twice (${show(before)} and ${show(value)}); give it once.`,
      `--${name}`,
    )
  }
  record[name] = value
}

/** @throws CliUsageError on an unknown flag, a missing value, a stray argument or a conflicting repeat. */
export function readArgv(argv: readonly string[]): RawArgs {
  const raw: RawArgs = { values: {}, switches: {}, lists: {}, seen: [] }
  let previous: FlagName | undefined
  let previousInline = false
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? ''
    if (token === '--') {
      const rest = argv[i + 1]
      if (rest !== undefined) throw unexpected(rest, undefined, false)
      break
    }
    if (!isFlagToken(token)) throw unexpected(token, previous, previousInline)
    if (!token.startsWith('--')) throw unknownFlag(token)
    const eq = token.indexOf('=')
    const spelled = eq === -1 ? token.slice(2) : token.slice(2, eq)
    const inline = eq === -1 ? undefined : token.slice(eq + 1)
    const name = lookupFlag(spelled)
    if (name === undefined) throw unknownFlag(token)
    if (!raw.seen.includes(name)) raw.seen.push(name)
    previous = name
    previousInline = inline !== undefined
    const kind = FLAGS[name].kind
    if (kind === 'switch') {
      setOnce(raw.switches, name as SwitchFlag, switchValue(name, inline), String)
      continue
    }
    let value = inline
    if (value === undefined) {
      const next = argv[i + 1]
      if (next !== undefined && !isFlagToken(next)) {
        value = next
        i++
      }
    }
    if (value === undefined || value.trim() === '') {
      const got = value === undefined ? '' : ' (got an empty value; leave the flag out instead)'
      throw new CliUsageError(`--${name} needs a value: ${usage(name)}${got}.`, `--${name}`)
    }
    if (kind === 'list') {
      const list = (raw.lists[name as ListFlag] ??= [])
      list.push(value)
    } else {
      setOnce(raw.values, name as ValueFlag, value, (v) => `"${v}"`)
    }
  }
  return raw
}
