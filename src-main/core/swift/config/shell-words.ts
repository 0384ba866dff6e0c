/**
 * Just enough of the POSIX shell's word syntax to read variable assignments from one line of an openrc
 * file: quoting, escapes, comments, `;` between commands, and `$VAR` references. Nothing is executed.
 */

/** Part of a word: literal text, a variable reference, or something only a running shell could expand. */
export type Piece =
  { kind: 'text'; text: string } | { kind: 'var'; name: string } | { kind: 'unsupported'; what: string }

export interface Word {
  /** Set when the word is `NAME=value`; `pieces` then hold the value only. */
  assignment?: string
  pieces: Piece[]
}

/** The words of one line, grouped into commands (split at `;`, `&`, `|` and friends). */
export type Commands = Word[][]

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/
const SPECIAL_PARAMETER = /^[0-9@*#?$!-]/
const OPERATORS = ';&|()<>'
const COMMAND_SUBSTITUTION = 'the output of a command'

const isBlank = (ch: string) => ch === ' ' || ch === '\t'
const ends = (ch: string) => isBlank(ch) || OPERATORS.includes(ch)

/** Splits a line into commands of words, or returns undefined when a quote is left open. */
export function lexLine(line: string): Commands | undefined {
  const commands: Commands = [[]]
  let i = 0
  while (i < line.length) {
    const ch = line.charAt(i)
    if (isBlank(ch)) i++
    else if (ch === '#') break
    else if (OPERATORS.includes(ch)) {
      if (commands.at(-1)?.length) commands.push([])
      i++
    } else {
      const word = lexWord(line, i)
      if (!word) return undefined
      commands.at(-1)?.push(word.word)
      i = word.end
    }
  }
  return commands.filter((words) => words.length > 0)
}

function lexWord(line: string, start: number): { word: Word; end: number } | undefined {
  const word: Word = { pieces: [] }
  let i = start
  const assignment = ASSIGNMENT.exec(line.slice(i))
  if (assignment) {
    word.assignment = assignment[1]
    i += assignment[0].length
  }
  const text = (t: string) => pushText(word.pieces, t)
  while (i < line.length && !ends(line.charAt(i))) {
    const ch = line.charAt(i)
    if (ch === "'") {
      const close = line.indexOf("'", i + 1)
      if (close < 0) return undefined
      text(line.slice(i + 1, close))
      i = close + 1
    } else if (ch === '"') {
      const end = lexDoubleQuoted(line, i + 1, word.pieces)
      if (end === undefined) return undefined
      i = end
    } else if (ch === '\\') {
      // A backslash at the end of the line continues it; joining lines is not supported, so drop it.
      text(line.charAt(i + 1))
      i += 2
    } else if (ch === '$' || ch === '`') {
      const end = lexExpansion(line, i, word.pieces, false)
      if (end === undefined) return undefined
      i = end
    } else {
      text(ch)
      i++
    }
  }
  return { word, end: i }
}

/** Reads from just after an opening `"`; returns the index after the closing one. */
function lexDoubleQuoted(line: string, start: number, pieces: Piece[]): number | undefined {
  let i = start
  while (i < line.length) {
    const ch = line.charAt(i)
    if (ch === '"') return i + 1
    if (ch === '\\' && i + 1 < line.length && '"\\$`'.includes(line.charAt(i + 1))) {
      pushText(pieces, line.charAt(i + 1))
      i += 2
    } else if (ch === '$' || ch === '`') {
      const end = lexExpansion(line, i, pieces, true)
      if (end === undefined) return undefined
      i = end
    } else {
      pushText(pieces, ch)
      i++
    }
  }
  return undefined
}

/** Reads a `$...` or backquote expansion starting at `start`; returns the index after it. */
function lexExpansion(line: string, start: number, pieces: Piece[], quoted: boolean): number | undefined {
  if (line.charAt(start) === '`') {
    const close = line.indexOf('`', start + 1)
    if (close < 0) return undefined
    pieces.push({ kind: 'unsupported', what: COMMAND_SUBSTITUTION })
    return close + 1
  }
  const rest = line.slice(start + 1)
  const name = NAME.exec(rest)
  if (name) {
    pieces.push({ kind: 'var', name: name[0] })
    return start + 1 + name[0].length
  }
  if (rest.startsWith('{')) {
    const close = rest.indexOf('}')
    if (close < 0) return undefined
    const inner = rest.slice(1, close)
    // ${NAME} is a plain reference; defaults, lengths and patterns (${A:-b}, ${#A}) need a shell.
    const plain = NAME.exec(inner)?.[0] === inner
    pieces.push(plain ? { kind: 'var', name: inner } : { kind: 'unsupported', what: `\${${inner}}` })
    return start + 2 + close
  }
  if (rest.startsWith('(')) {
    const close = matchingParen(rest)
    if (close === undefined) return undefined
    pieces.push({ kind: 'unsupported', what: COMMAND_SUBSTITUTION })
    return start + 2 + close
  }
  if (SPECIAL_PARAMETER.test(rest)) {
    pieces.push({ kind: 'unsupported', what: `$${rest.charAt(0)}` })
    return start + 2
  }
  if (!quoted && rest.startsWith("'")) {
    // $'...' is bash's C-style string; rare enough in openrc files to leave to a shell.
    const close = rest.indexOf("'", 1)
    if (close < 0) return undefined
    pieces.push({ kind: 'unsupported', what: "a $'...' string" })
    return start + 2 + close
  }
  // A `$` followed by anything else is literal, as in the shell (bash's $"..." is just a "..." string).
  if (!quoted && rest.startsWith('"')) return start + 1
  pushText(pieces, '$')
  return start + 1
}

/** Appends literal text, joining it to literal text just before so a plain word is one piece. */
function pushText(pieces: Piece[], text: string): void {
  const last = pieces.at(-1)
  if (last?.kind === 'text') last.text += text
  else pieces.push({ kind: 'text', text })
}

/** Index of the `)` closing the `(` at index 0, counting nested pairs. */
function matchingParen(text: string): number | undefined {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    if (text.charAt(i) === '(') depth++
    else if (text.charAt(i) === ')' && --depth === 0) return i
  }
  return undefined
}
