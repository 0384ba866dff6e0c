import { type YAMLError, parseDocument, visit } from 'yaml'
import { AppError } from '../../errors'

/** What each YAML syntax error means for someone editing the file by hand. */
const SYNTAX_PROBLEMS: Partial<Record<YAMLError['code'], string>> = {
  BAD_INDENT: 'the indentation is off; indent each nested setting with spaces, more than the line above it',
  TAB_AS_INDENT: 'a tab is used for indentation; use spaces instead',
  DUPLICATE_KEY: 'the same setting appears twice in one section',
  MISSING_CHAR: 'a quote or bracket is not closed',
  MULTIPLE_DOCS: 'the file holds more than one YAML document (separated by ---)',
  BLOCK_AS_IMPLICIT_KEY: 'a line is not a "key: value" pair; look for a stray colon or a missing line break',
  MULTILINE_IMPLICIT_KEY: 'a line is not a "key: value" pair; look for a stray colon or a missing line break',
  BAD_DQ_ESCAPE:
    'a double-quoted value has an unknown \\ escape; put values with backslashes in single quotes',
}

/** Words PyYAML (which the OpenStack tools use) reads as null when they are unquoted. */
const NULL_WORDS = /^(?:~|null|Null|NULL)$/

/**
 * Parses YAML into plain data in which every scalar stays a string, as written. The usual schemas would
 * turn a password such as 0123 into the number 123, and PyYAML and the yaml package disagree on words
 * like `no`; callers interpret the few non-string settings (verify) themselves.
 * Syntax errors say where they are but never quote the file, which holds secrets.
 */
export function parseYamlStrings(text: string, fileName: string): unknown {
  const doc = parseDocument(text, { schema: 'failsafe', merge: true })
  const error = doc.errors[0]
  if (error) {
    const at = error.linePos ? ` (line ${error.linePos[0].line}, column ${error.linePos[0].col})` : ''
    const problem = SYNTAX_PROBLEMS[error.code] ?? 'the YAML syntax is not valid there'
    throw new AppError('VALIDATION', `${fileName} is not valid YAML${at}: ${problem}`)
  }
  visit(doc, {
    Scalar(key, node) {
      // Only values: a cloud named `null` keeps its name.
      if (key === 'key' || node.type !== 'PLAIN' || typeof node.value !== 'string') return
      if (NULL_WORDS.test(node.value)) node.value = null
    },
  })
  try {
    return doc.toJS()
  } catch (cause) {
    // toJS throws only for aliases: one without an anchor before it, or so many that they look like an attack.
    throw new AppError(
      'VALIDATION',
      `${fileName} is not valid YAML: an alias (*name) has no matching anchor (&name) before it, or aliases are nested too deeply`,
      undefined,
      { cause },
    )
  }
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
