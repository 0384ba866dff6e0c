import { describe, expect, it } from 'vitest'
import { RESERVED_METADATA_KEYS, type MetadataOptions } from '../../../src-preload/contract/metadata'
import { objectInfoFrom } from '../swift/object-info'
import {
  base64ToHex,
  hexToBase64,
  mapMetadata,
  META_MD5,
  META_SOURCE_ETAG,
  META_SOURCE_LAST_MODIFIED,
  MetadataTooLargeError,
} from './metadata'

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

  it('refuses metadata S3 cannot hold, and says how to copy such objects anyway', () => {
    const info = objectInfoFrom('c', 'o', { etag: md5, 'x-object-meta-big': 'x'.repeat(3000) })
    expect(() => mapMetadata(info, md5)).toThrow(MetadataTooLargeError)
    expect(() => mapMetadata(info, md5)).toThrow(/--oversizedMetadata drop/)
  })

  it('reserves the names of the records it writes itself', () => {
    expect(RESERVED_METADATA_KEYS).toEqual([META_MD5, META_SOURCE_ETAG, META_SOURCE_LAST_MODIFIED])
  })
})

describe('mapMetadata with the migration metadata options', () => {
  const options = (patch: Partial<MetadataOptions>): MetadataOptions => ({
    userMetadata: 'copy',
    extra: [],
    oversized: 'fail',
    ...patch,
  })
  const swiftObject = (meta: Record<string, string>) =>
    objectInfoFrom('c', 'o', {
      'content-type': 'image/png',
      'cache-control': 'no-cache',
      etag: md5,
      'last-modified': 'Tue, 24 Nov 2026 10:00:00 GMT',
      ...Object.fromEntries(Object.entries(meta).map(([k, v]) => [`x-object-meta-${k}`, v])),
    })

  it('with user metadata off, leaves every Swift key behind but keeps content headers and the records', () => {
    const mapped = mapMetadata(
      swiftObject({ owner: 'ops', md5chksum: 'forged' }),
      md5,
      options({ userMetadata: 'skip' }),
    )
    expect(mapped.headers).toEqual({ contentType: 'image/png', cacheControl: 'no-cache' })
    expect(mapped.metadata).toEqual({
      md5chksum: hexToBase64(md5),
      'swift-etag': md5,
      'swift-last-modified': 'Tue, 24 Nov 2026 10:00:00 GMT',
    })
    expect(mapped.droppedBytes).toBeUndefined()
  })

  it('adds the extra pairs to every object; an extra pair wins over a Swift key of the same name', () => {
    const extra = [
      { key: 'migrated-from', value: 'swift-prod' },
      { key: 'owner', value: 'migration' },
      { key: 'site', value: 'Zürich' },
    ]
    const mapped = mapMetadata(swiftObject({ owner: 'ops', team: 'data' }), md5, options({ extra }))
    expect(mapped.metadata).toMatchObject({
      'migrated-from': 'swift-prod',
      owner: 'migration',
      team: 'data',
      site: 'Zürich',
      md5chksum: hexToBase64(md5),
    })
    expect(mapped.encoded).toEqual(['site'])
    const bare = mapMetadata(swiftObject({}), md5, options({ extra, userMetadata: 'skip' }))
    expect(bare.metadata).toMatchObject({ 'migrated-from': 'swift-prod', owner: 'migration' })
  })

  it('over 2 KB with "drop", copies without the Swift user metadata and says how big it was', () => {
    const big = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, 'v'.repeat(240)]))
    const info = swiftObject(big)
    expect(() => mapMetadata(info, md5, options({}))).toThrow(MetadataTooLargeError)
    const extra = [{ key: 'migrated-from', value: 'swift-prod' }]
    const mapped = mapMetadata(info, md5, options({ oversized: 'drop', extra }))
    expect(mapped.metadata).toEqual({
      'migrated-from': 'swift-prod',
      md5chksum: hexToBase64(md5),
      'swift-etag': md5,
      'swift-last-modified': 'Tue, 24 Nov 2026 10:00:00 GMT',
    })
    expect(mapped.droppedBytes).toBeGreaterThan(2048)
    expect(mapped.headers.contentType).toBe('image/png')
    // Under the limit, "drop" changes nothing.
    const small = mapMetadata(swiftObject({ owner: 'ops' }), md5, options({ oversized: 'drop' }))
    expect(small.metadata.owner).toBe('ops')
    expect(small.droppedBytes).toBeUndefined()
  })

  it('keeps names such as __proto__ as plain metadata', () => {
    const info = objectInfoFrom('c', 'o', { etag: md5 })
    info.metadata = JSON.parse('{"__proto__":"x"}') as Record<string, string>
    const mapped = mapMetadata(info, md5)
    expect(Object.keys(mapped.metadata)).toContain('__proto__')
  })
})
