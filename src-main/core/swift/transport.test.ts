import tls from 'node:tls'
import { describe, expect, it } from 'vitest'
import { SwiftConfigError } from './errors'
import { createTransport, defaultTrustedRoots, parsePemBundle } from './transport'

describe('trusted roots', () => {
  it("include Node's bundled roots and the operating system's store", () => {
    const roots = new Set(defaultTrustedRoots())
    for (const pem of tls.rootCertificates) expect(roots.has(pem)).toBe(true)
    for (const pem of tls.getCACertificates('system')) expect(roots.has(pem)).toBe(true)
  })
})

describe('parsePemBundle', () => {
  it('splits a bundle into certificates', () => {
    const [a, b] = tls.rootCertificates
    expect(parsePemBundle(`# comment\n${a}\n\n${b}\n`)).toEqual([a, b])
  })

  it('rejects text without a certificate, and a damaged certificate, naming the field', () => {
    expect(() => parsePemBundle('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----')).toThrow(
      SwiftConfigError,
    )
    const broken = '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----'
    expect(() => parsePemBundle(broken, 'profile.caBundle')).toThrow(
      expect.objectContaining({ field: 'profile.caBundle' }),
    )
  })
})

describe('createTransport', () => {
  it('rejects a proxy URL that is not http(s)', () => {
    expect(() => createTransport({ proxyUrl: 'socks5://p:1080' })).toThrow(
      expect.objectContaining({ field: 'proxyUrl' }),
    )
    expect(() => createTransport({ proxyUrl: 'not a url' })).toThrow(SwiftConfigError)
  })
})
