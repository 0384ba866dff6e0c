import { AppError } from '../../errors'
import type { ImportedSwiftConfig } from '../types'
import { importFromVariables } from './env'
import { type Word, lexLine } from './shell-words'

export interface OpenrcVariables {
  /** Variables the file sets, with `$VAR` references to earlier ones expanded. */
  values: Map<string, string>
  /**
   * Variables left out because their value needs a running shell, with what it needed
   * (`$OS_PASSWORD_INPUT`, which Horizon's openrc reads from a password prompt).
   */
  unresolved: Map<string, string>
}

/**
 * Reads the variable assignments of an openrc file without running it. Lines that are not assignments
 * (echo, read, unset, if ... fi) are skipped; assignments inside an if block count as if it ran.
 */
export function readOpenrc(text: string): OpenrcVariables {
  const values = new Map<string, string>()
  const unresolved = new Map<string, string>()
  const assign = (word: Word & { assignment: string }) => {
    let value = ''
    for (const piece of word.pieces) {
      if (piece.kind === 'text') {
        value += piece.text
        continue
      }
      const known = piece.kind === 'var' ? values.get(piece.name) : undefined
      if (known !== undefined) {
        value += known
        continue
      }
      // Importing "$OS_PASSWORD_INPUT" literally would send it as the password; leave the variable
      // unset so the importer reports it missing.
      values.delete(word.assignment)
      unresolved.set(word.assignment, piece.kind === 'var' ? `$${piece.name}` : piece.what)
      return
    }
    values.set(word.assignment, value)
    unresolved.delete(word.assignment)
  }

  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)) {
    for (const words of lexLine(line) ?? []) {
      const [first, ...rest] = words
      if (first === undefined) continue
      if (first.assignment === undefined) {
        // `export -n` and `export -p` do something else; plain `export NAME` only marks an existing one.
        const isExport =
          first.pieces.length === 1 && first.pieces[0]?.kind === 'text' && first.pieces[0].text === 'export'
        if (!isExport || rest.some((word) => word.assignment === undefined && startsWithDash(word))) continue
        for (const word of rest) if (isAssignment(word)) assign(word)
      } else if (words.every(isAssignment)) {
        // `A=1 B=2 command` only sets them for that command, so they count only without a command.
        words.forEach(assign)
      }
    }
  }
  return { values, unresolved }
}

/** The variables an openrc file sets, as a plain record (see readOpenrc). */
export function parseOpenrc(text: string): Record<string, string> {
  return Object.fromEntries(readOpenrc(text).values)
}

/** Reads Swift connection settings from the text of an openrc file (e.g. one downloaded from Horizon). */
export function importFromOpenrc(text: string, fileName?: string): ImportedSwiftConfig {
  const { values, unresolved } = readOpenrc(text)
  const source = fileName ? `openrc file ${fileName}` : 'openrc file'
  const prefix = fileName ? `openrc file '${fileName}': ` : 'openrc file: '
  try {
    return importFromVariables(Object.fromEntries(values), source, prefix)
  } catch (error) {
    const needed =
      error instanceof AppError && error.field !== undefined ? unresolved.get(error.field) : undefined
    if (!(error instanceof AppError) || needed === undefined) throw error
    throw new AppError(
      error.code,
      `${error.message} (the file sets it from ${needed}, which is only known when the file runs in a shell)`,
      error.field,
      { cause: error },
    )
  }
}

function isAssignment(word: Word): word is Word & { assignment: string } {
  return word.assignment !== undefined
}

function startsWithDash(word: Word): boolean {
  const first = word.pieces[0]
  return first?.kind === 'text' && first.text.startsWith('-')
}
