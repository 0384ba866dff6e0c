import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { UnsupportedObjectError } from './errors'
import { checkMd5Base64, md5HexToBase64, unquoteEtag } from './md5'

const hex = createHash('md5').update('hello').digest('hex')
const base64 = createHash('md5').update('hello').digest('base64')

describe('Content-MD5', () => {
  it('accepts the base64 of a 16-byte digest and converts Swift’s hex ETags', () => {
    expect(checkMd5Base64(base64)).toBe(base64)
    expect(md5HexToBase64(hex)).toBe(base64)
    expect(md5HexToBase64(hex.toUpperCase())).toBe(base64)
  })

  it('refuses hex (with a hint), other digests and garbage', () => {
    expect(() => checkMd5Base64(hex)).toThrow(/md5HexToBase64/)
    expect(() => checkMd5Base64(createHash('sha256').update('x').digest('base64'))).toThrow(
      UnsupportedObjectError,
    )
    expect(() => checkMd5Base64('')).toThrow(UnsupportedObjectError)
    expect(() => checkMd5Base64(undefined, 'parts[0].md5')).toThrow(
      expect.objectContaining({ field: 'parts[0].md5' }),
    )
    expect(() => md5HexToBase64('xyz')).toThrow(UnsupportedObjectError)
  })
})

describe('unquoteEtag', () => {
  it('strips S3’s quotes (and a weak prefix), leaving multipart suffixes', () => {
    expect(unquoteEtag(`"${hex}"`)).toBe(hex)
    expect(unquoteEtag(`"${hex}-3"`)).toBe(`${hex}-3`)
    expect(unquoteEtag(`W/"${hex}"`)).toBe(hex)
    expect(unquoteEtag(hex)).toBe(hex)
    expect(unquoteEtag(undefined)).toBe('')
  })
})
