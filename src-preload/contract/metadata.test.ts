import { describe, expect, it } from 'vitest'
import {
  extraMetadataProblem,
  METADATA_LIMITS,
  metadataPairProblem,
  parseMetadataPair,
  type MetadataPair,
} from './metadata'

const problem = (text: string): string => {
  const parsed = parseMetadataPair(text)
  if (!('problem' in parsed)) throw new Error(`expected a problem with ${text}`)
  return parsed.problem
}

describe('extra metadata pairs', () => {
  it('splits key=value at the first "=", trimming the key only', () => {
    expect(parseMetadataPair('migrated-from=swift-prod')).toEqual({
      pair: { key: 'migrated-from', value: 'swift-prod' },
    })
    expect(parseMetadataPair(' note = a=b ')).toEqual({ pair: { key: 'note', value: ' a=b ' } })
    expect(parseMetadataPair('site=Zürich')).toEqual({ pair: { key: 'site', value: 'Zürich' } })
  })

  it('names the pair and what to do about it', () => {
    expect(problem('owner')).toBe('"owner": write it as key=value, e.g. migrated-from=swift-prod.')
    expect(problem('=x')).toBe('"=x": the key before "=" is empty.')
    expect(problem('Owner=ops')).toBe(
      '"Owner=ops": write the key in lowercase (owner); S3 lower-cases metadata names anyway.',
    )
    expect(problem('my key=x')).toMatch(/^"my key=x": a key may hold only lowercase letters, digits/)
    expect(problem('schlüssel=x')).toMatch(/only lowercase letters/)
    expect(problem('md5chksum=x')).toBe(
      '"md5chksum=x": md5chksum is the tool\'s own integrity record, always written; choose another key.',
    )
    expect(problem('swift-etag=x')).toMatch(/integrity record/)
    expect(problem('owner=')).toBe('"owner=": the value after "=" is empty.')
    expect(problem('note=a\tb')).toBe(
      '"note=a\\tb": the value holds a control character (tab, newline …); use printable text only.',
    )
    expect(problem(`${'k'.repeat(129)}=v`)).toMatch(/longer than 128 characters/)
  })

  it('shortens a long pair in messages', () => {
    const message = metadataPairProblem({ key: 'X', value: 'v'.repeat(500) })!
    expect(message.length).toBeLessThan(200)
    expect(message).toMatch(/^"X=v+\.\.\."/)
  })

  it('refuses a key given twice, too many pairs, or pairs that leave no room', () => {
    const pairs = (n: number, value = 'v'): MetadataPair[] =>
      Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value }))
    expect(extraMetadataProblem(pairs(3))).toBeUndefined()
    expect(
      extraMetadataProblem([
        { key: 'a', value: '1' },
        { key: 'a', value: '2' },
      ]),
    ).toEqual({ index: 1, problem: '"a=2": the key a is given twice; keep one value.' })
    expect(extraMetadataProblem(pairs(METADATA_LIMITS.maxPairs))).toBeUndefined()
    expect(extraMetadataProblem(pairs(METADATA_LIMITS.maxPairs + 1))).toMatchObject({
      index: METADATA_LIMITS.maxPairs,
      problem: expect.stringMatching(/at most 20 pairs/),
    })
    const big = extraMetadataProblem(pairs(5, 'x'.repeat(250)))
    expect(big).toMatchObject({ index: 4, problem: expect.stringMatching(/keep them to 1024/) })
    expect(
      extraMetadataProblem([
        { key: 'ok', value: '1' },
        { key: 'Bad', value: '2' },
      ])?.index,
    ).toBe(1)
  })
})
