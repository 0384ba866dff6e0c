import { describe, expect, it } from 'vitest'
import { objectInfoFrom } from '../swift/object-info'
import { base64ToHex, hexToBase64, mapMetadata, MetadataTooLargeError } from './metadata'

const md5 = '9e107d9d372bb6826bd81d3542a419d6'

describe('mapMetadata', () => {
  it('maps content headers and user metadata, and records MD5, source ETag and Last-Modified', () => {
    const info = objectInfoFrom('c', 'o', {
      'content-type': 'text/html',
      'content-encoding': 'gzip',
      'content-disposition': 'inline',
      'content-language': 'de',
      'cache-control': 'max-age=60',
      expires: 'Wed, 21 Oct 2026 07:28:00 GMT',
      etag: md5,
      'last-modified': 'Tue, 24 Nov 2026 10:00:00 GMT',
      'x-object-meta-owner': 'ops',
      'x-object-meta-md5chksum': 'forged',
    })
    const mapped = mapMetadata(info, md5)
    expect(mapped.headers).toEqual({
      contentType: 'text/html',
      contentEncoding: 'gzip',
      contentDisposition: 'inline',
      contentLanguage: 'de',
      cacheControl: 'max-age=60',
      expires: 'Wed, 21 Oct 2026 07:28:00 GMT',
    })
    expect(mapped.metadata).toEqual({
      owner: 'ops',
      'swift-meta-md5chksum': 'forged',
      md5chksum: hexToBase64(md5),
      'swift-etag': md5,
      'swift-last-modified': 'Tue, 24 Nov 2026 10:00:00 GMT',
    })
    expect(base64ToHex(mapped.metadata.md5chksum!)).toBe(md5)
  })

  it('keeps non-ASCII values and reports that they travel encoded, rather than dropping them', () => {
    const info = objectInfoFrom('c', 'o', {
      etag: md5,
      'x-object-meta-owner': Buffer.from('Zoë', 'utf8').toString('latin1'),
    })
    const mapped = mapMetadata(info, md5)
    expect(mapped.metadata.owner).toBe('Zoë')
    expect(mapped.encoded).toEqual(['owner'])
  })

  it('refuses metadata S3 cannot hold', () => {
    const info = objectInfoFrom('c', 'o', { etag: md5, 'x-object-meta-big': 'x'.repeat(3000) })
    expect(() => mapMetadata(info, md5)).toThrow(MetadataTooLargeError)
  })
})
