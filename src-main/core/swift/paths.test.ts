import { describe, expect, it } from 'vitest'
import { encodeObjectName, objectPath, query, splitStorageUrl } from './paths'

describe('object name encoding', () => {
  it('encodes each segment and keeps the slashes, including leading, trailing and doubled', () => {
    expect(encodeObjectName('/a b//c+d/')).toBe('/a%20b//c%2Bd/')
  })

  it('encodes characters that would end the path or change its meaning', () => {
    expect(encodeObjectName("q?h#p%&=;'()*!")).toBe('q%3Fh%23p%25%26%3D%3B%27%28%29%2A%21')
  })

  it('encodes dot segments so nothing can normalise them away', () => {
    expect(encodeObjectName('a/./b/../c')).toBe('a/%2E/b/%2E%2E/c')
  })

  it('encodes unicode as UTF-8', () => {
    expect(encodeObjectName('日本/é')).toBe('%E6%97%A5%E6%9C%AC/%C3%A9')
  })

  it('encodes a container name as a single segment', () => {
    expect(objectPath('my container/x', 'o')).toBe('/my%20container%2Fx/o')
  })
})

describe('query', () => {
  it('drops undefined values and encodes the rest', () => {
    expect(query({ format: 'json', marker: 'a b&c', prefix: undefined, limit: 7 })).toBe(
      '?format=json&marker=a%20b%26c&limit=7',
    )
    expect(query({})).toBe('')
  })
})

describe('splitStorageUrl', () => {
  it('separates origin and account path', () => {
    expect(splitStorageUrl('https://swift.example:8080/v1/AUTH_abc/')).toEqual({
      origin: 'https://swift.example:8080',
      basePath: '/v1/AUTH_abc',
    })
  })
})
