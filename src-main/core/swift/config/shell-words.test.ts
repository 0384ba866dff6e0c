import { describe, expect, it } from 'vitest'
import { lexLine } from './shell-words'

describe('lexLine', () => {
  it('splits commands at operators and keeps assignments apart from their values', () => {
    expect(lexLine('export A=1; echo "hi" && B=x|y')).toStrictEqual([
      [
        { pieces: [{ kind: 'text', text: 'export' }] },
        { assignment: 'A', pieces: [{ kind: 'text', text: '1' }] },
      ],
      [{ pieces: [{ kind: 'text', text: 'echo' }] }, { pieces: [{ kind: 'text', text: 'hi' }] }],
      [{ assignment: 'B', pieces: [{ kind: 'text', text: 'x' }] }],
      [{ pieces: [{ kind: 'text', text: 'y' }] }],
    ])
  })

  it('does not treat a quoted name as an assignment', () => {
    expect(lexLine('"A"=1')).toStrictEqual([[{ pieces: [{ kind: 'text', text: 'A=1' }] }]])
  })

  it('marks variable references and what only a shell can expand', () => {
    expect(lexLine('A=$B${C}"$D"\'$E\'$(f (g))`h`${I:-j}$?')).toStrictEqual([
      [
        {
          assignment: 'A',
          pieces: [
            { kind: 'var', name: 'B' },
            { kind: 'var', name: 'C' },
            { kind: 'var', name: 'D' },
            { kind: 'text', text: '$E' },
            { kind: 'unsupported', what: 'the output of a command' },
            { kind: 'unsupported', what: 'the output of a command' },
            { kind: 'unsupported', what: '${I:-j}' },
            { kind: 'unsupported', what: '$?' },
          ],
        },
      ],
    ])
  })

  it('gives up on a line with an open quote or expansion', () => {
    for (const line of ['A="x', "A='x", 'A=$(x', 'A=${x', 'A=`x', 'A="$(x"'])
      expect(lexLine(line)).toBeUndefined()
  })

  it('returns no commands for blank and comment lines', () => {
    expect(lexLine('')).toStrictEqual([])
    expect(lexLine('   # export A=1')).toStrictEqual([])
    expect(lexLine(';;')).toStrictEqual([])
  })
})
