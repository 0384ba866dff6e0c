import { describe, expect, it } from 'vitest'
import { decodeListedKey } from './listing'

describe('decodeListedKey', () => {
  it('decodes EncodingType=url keys, with "+" as a space as AWS writes it', () => {
    expect(decodeListedKey('dir/a%20b')).toBe('dir/a b')
    expect(decodeListedKey('dir/a+b')).toBe('dir/a b')
    expect(decodeListedKey('dir/c%2Bd')).toBe('dir/c+d')
    expect(decodeListedKey('dir/x%01y')).toBe('dir/x\u0001y')
    expect(decodeListedKey('dir/%C3%BC%25')).toBe('dir/ü%')
  })
})
