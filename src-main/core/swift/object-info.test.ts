import { describe, expect, it } from 'vitest'
import { classify, objectInfoFrom, unquote, utf8Header } from './object-info'

describe('object info', () => {
  it('classifies by the large-object headers', () => {
    expect(classify({ 'x-static-large-object': 'True' })).toBe('slo')
    expect(classify({ 'x-object-manifest': 'c/prefix' })).toBe('dlo')
    expect(classify({})).toBe('normal')
  })

  it('strips ETag quotes and weak markers', () => {
    expect(unquote('"abc"')).toBe('abc')
    expect(unquote('W/"abc"')).toBe('abc')
    expect(unquote('abc')).toBe('abc')
  })

  it('re-decodes latin1-received header bytes as UTF-8', () => {
    expect(utf8Header(Buffer.from('Zoë', 'utf8').toString('latin1'))).toBe('Zoë')
    expect(utf8Header('plain')).toBe('plain')
  })

  it('collects metadata and leaves absent fields out', () => {
    const info = objectInfoFrom('c', 'o', { 'content-length': '5', etag: 'e', 'x-object-meta-a-b': 'v' })
    expect(info).toEqual({
      container: 'c',
      name: 'o',
      kind: 'normal',
      bytes: 5,
      etag: 'e',
      metadata: { 'a-b': 'v' },
      headers: { 'content-length': '5', etag: 'e', 'x-object-meta-a-b': 'v' },
    })
  })
})
