import { describe, expect, it } from 'vitest'
import {
  checkWebHost,
  hostAllowed,
  LOOPBACK_HOSTS,
  newAccessToken,
  originAllowed,
  tokenMatches,
} from './access'

describe('browser mode access checks', () => {
  it('makes long, distinct tokens', () => {
    const a = newAccessToken()
    expect(a.length).toBeGreaterThanOrEqual(43)
    expect(a).not.toBe(newAccessToken())
  })

  it('compares tokens exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true)
    expect(tokenMatches('abc', 'abd')).toBe(false)
    expect(tokenMatches('abc', 'abcd')).toBe(false)
    expect(tokenMatches('abc', null)).toBe(false)
  })

  it('accepts only loopback names with the server port', () => {
    expect(hostAllowed('127.0.0.1:4000', 4000)).toBe(true)
    expect(hostAllowed('localhost:4000', 4000)).toBe(true)
    expect(hostAllowed('127.0.0.1:4001', 4000)).toBe(false)
    expect(hostAllowed('attacker.example:4000', 4000)).toBe(false)
    expect(hostAllowed(undefined, 4000)).toBe(false)
  })

  it('listens only on a loopback address, naming the setting that asked for another', () => {
    for (const host of LOOPBACK_HOSTS) {
      expect(checkWebHost(host, '--host')).toBe(host)
      // Whatever it listens on, the requests its own page sends are accepted.
      expect(hostAllowed(`${host.includes(':') ? `[${host}]` : host}:4000`, 4000)).toBe(true)
    }
    for (const host of ['0.0.0.0', '192.168.1.5', '::', 'example.com']) {
      expect(() => checkWebHost(host, 'SWIFT2S3_WEB_HOST')).toThrow(
        `SWIFT2S3_WEB_HOST must be a loopback address (127.0.0.1, localhost, ::1): browser mode only serves this machine, got "${host}"`,
      )
    }
  })

  it('accepts only the server own http origin', () => {
    expect(originAllowed('http://127.0.0.1:4000', 4000)).toBe(true)
    expect(originAllowed('https://127.0.0.1:4000', 4000)).toBe(false)
    expect(originAllowed('http://evil.example', 4000)).toBe(false)
    expect(originAllowed(undefined, 4000)).toBe(false)
  })
})
