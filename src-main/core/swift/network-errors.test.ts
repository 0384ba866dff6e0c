import { describe, expect, it } from 'vitest'
import { NetworkError, TimeoutError } from './errors'
import { toNetworkError } from './network-errors'

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code })

describe('toNetworkError', () => {
  it('maps refused, DNS and reset, keeping the OS code', () => {
    expect(toNetworkError(withCode('ECONNREFUSED'), 'http://h:1')).toMatchObject({
      problem: 'refused',
      osCode: 'ECONNREFUSED',
    })
    expect(toNetworkError(withCode('ENOTFOUND'), 'http://h')).toMatchObject({ problem: 'dns' })
    expect(toNetworkError(withCode('ECONNRESET'), 'http://h')).toMatchObject({ problem: 'reset' })
  })

  it('finds the code under undici wrappers', () => {
    const wrapped = Object.assign(new Error('other side closed'), {
      code: 'UND_ERR_SOCKET',
      cause: withCode('ECONNRESET'),
    })
    expect(toNetworkError(wrapped, 'http://h')).toMatchObject({ problem: 'reset' })
  })

  it('explains certificate problems and what to do', () => {
    const error = toNetworkError(withCode('SELF_SIGNED_CERT_IN_CHAIN'), 'https://h')
    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toMatchObject({ problem: 'tls' })
    expect(error.message).toContain('self-signed CA')
    expect(error.message).toContain('CA bundle')
    expect(toNetworkError(withCode('ERR_TLS_CERT_ALTNAME_INVALID'), 'https://h').message).toContain(
      'does not name this host',
    )
  })

  it('maps undici timeouts to TimeoutError with the phase', () => {
    expect(toNetworkError(withCode('UND_ERR_HEADERS_TIMEOUT'), 'u')).toMatchObject({ phase: 'headers' })
    expect(toNetworkError(withCode('UND_ERR_BODY_TIMEOUT'), 'u')).toBeInstanceOf(TimeoutError)
    expect(toNetworkError(withCode('UND_ERR_CONNECT_TIMEOUT'), 'u')).toMatchObject({ phase: 'connect' })
  })
})
