import { describe, expect, it } from 'vitest'
import { UnsupportedObjectError } from './errors'
import {
  contentHeaderParams,
  decodeMetadata,
  decodeMetadataValue,
  encodeMetadata,
  encodeMetadataValue,
  parseHttpDate,
} from './headers'

describe('metadata values', () => {
  it('plain ASCII goes as is', () => {
    expect(encodeMetadataValue('1700000000.12345')).toBe('1700000000.12345')
    expect(encodeMetadataValue('')).toBe('')
  })

  it('non-ASCII, control characters, edge spaces and look-alike encoded words round-trip via RFC 2047', () => {
    for (const value of [
      'Zoë Ödegaard',
      '日本語',
      'line\nbreak',
      ' padded ',
      '=?UTF-8?B?Zm9v?=',
      'tab\tinside',
    ]) {
      const encoded = encodeMetadataValue(value)
      expect(encoded).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]*\?=$/)
      expect(decodeMetadataValue(encoded)).toBe(value)
    }
  })

  it('decodes what S3 returns for non-ASCII values, whatever the charset label case', () => {
    expect(decodeMetadataValue('=?utf-8?b?Wm/Dqw==?=')).toBe('Zoë')
    expect(decodeMetadataValue('not =?UTF-8?B?encoded?=')).toBe('not =?UTF-8?B?encoded?=')
  })
})

describe('metadata keys', () => {
  it('are lower-cased; keys that cannot be header names fail the object, naming the key', () => {
    expect(encodeMetadata({ 'Source-ETag': 'x', md5chksum: 'y' })).toEqual({
      'source-etag': 'x',
      md5chksum: 'y',
    })
    expect(() => encodeMetadata({ 'has space': 'x' })).toThrow(UnsupportedObjectError)
    expect(() => encodeMetadata({ schlüssel: 'x' })).toThrow(
      expect.objectContaining({ field: 'metadata.schlüssel' }),
    )
    expect(() => encodeMetadata({ Key: 'a', key: 'b' })).toThrow(/differ only in case/)
  })

  it('treats names that are also object properties as plain names', () => {
    const metadata = JSON.parse('{"constructor":"a","__proto__":"b"}') as Record<string, string>
    const encoded = encodeMetadata(metadata)
    expect(Object.entries(encoded)).toEqual([
      ['constructor', 'a'],
      ['__proto__', 'b'],
    ])
  })

  it('read back lower-cased and decoded', () => {
    expect(decodeMetadata({ Owner: '=?UTF-8?B?WsO2w6s=?=', plain: 'v' })).toEqual({
      owner: 'Zöë',
      plain: 'v',
    })
    expect(decodeMetadata(undefined)).toEqual({})
  })
})

describe('content headers', () => {
  it('map to the SDK’s parameters, leaving out empty ones', () => {
    expect(
      contentHeaderParams({
        contentType: 'text/html; charset=utf-8',
        contentEncoding: 'gzip',
        contentDisposition: 'inline',
        contentLanguage: 'en',
        cacheControl: 'no-cache',
        expires: 'Wed, 21 Oct 2099 07:28:00 GMT',
      }),
    ).toEqual({
      ContentType: 'text/html; charset=utf-8',
      ContentEncoding: 'gzip',
      ContentDisposition: 'inline',
      ContentLanguage: 'en',
      CacheControl: 'no-cache',
      Expires: new Date('2099-10-21T07:28:00Z'),
    })
    expect(contentHeaderParams({ contentType: '' })).toEqual({})
    expect(contentHeaderParams(undefined)).toEqual({})
  })

  it('an invalid Expires ("0", "-1") means already expired, and is sent as the epoch', () => {
    expect(contentHeaderParams({ expires: '0' }).Expires).toEqual(new Date(0))
    expect(contentHeaderParams({ expires: 'garbage' }).Expires).toEqual(new Date(0))
  })

  it('a header that is not printable ASCII fails the object, naming the header', () => {
    expect(() => contentHeaderParams({ contentDisposition: 'attachment; filename="ünï.txt"' })).toThrow(
      expect.objectContaining({ field: 'headers.contentDisposition', action: 'fail-object' }),
    )
  })
})

describe('parseHttpDate', () => {
  it('reads the three HTTP date forms', () => {
    const expected = new Date('1994-11-06T08:49:37Z')
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toEqual(expected)
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toEqual(expected)
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994').getUTCDate()).toBe(6)
  })

  it('anything else is the epoch ("already expired")', () => {
    for (const value of ['0', '-1', 'never', '2099-01-01', ''])
      expect(parseHttpDate(value)).toEqual(new Date(0))
  })
})
