import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryLogger } from '../../../src-main/core/log/logger'
import { NetworkError, SwiftConfigError } from '../../../src-main/core/swift'
import type { V1Auth } from '../../../src-main/core/swift/types'
import { client, servers, tempauth } from '../support/swift-clients'
import { startTlsEndpoint, type TlsEndpoint } from '../support/tls-endpoint'

/** TLS trust against a loopback HTTPS endpoint whose certificate comes from a test CA. */

let endpoint: TlsEndpoint
let auth: V1Auth

beforeAll(async () => {
  endpoint = await startTlsEndpoint(servers.tempauth.url)
  auth = {
    ...tempauth(),
    authUrl: servers.tempauth.authUrl.replace(servers.tempauth.url, endpoint.url),
    storageUrl: servers.tempauth.storageUrl.replace(servers.tempauth.url, endpoint.url),
  }
})

afterAll(() => endpoint.close())

describe('TLS trust', () => {
  it('refuses a certificate from an unknown CA with a NetworkError that says what to do', async () => {
    const swift = client({ auth })
    const error = await swift.headAccount().catch((e: unknown) => e)
    await swift.close()
    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toMatchObject({ problem: 'tls' })
    expect((error as Error).message).toMatch(/CA this computer does not trust|self-signed/)
    expect((error as Error).message).toContain('CA bundle')
  })

  it('trusts the endpoint when the profile carries the CA as a PEM bundle', async () => {
    const swift = client({ auth, transport: { caBundle: endpoint.caPem } })
    const stats = await swift.headAccount()
    await swift.close()
    expect(stats.headers['x-account-container-count']).toBeDefined()
  })

  it('insecure mode connects, and warns in the log for every new connection', async () => {
    const logger = new MemoryLogger()
    const swift = client({ auth, logger, transport: { insecure: true, connections: 4 } })
    await Promise.all([swift.headAccount(), swift.headAccount(), swift.headAccount()])
    await swift.close()
    const warnings = logger.entries.filter((e) => e.level === 'warn' && /verification is OFF/.test(e.message))
    expect(warnings.length).toBeGreaterThanOrEqual(2)
    expect(warnings[0]?.fields?.host).toBe(new URL(endpoint.url).host)
  })

  it('a CA bundle without a certificate is a configuration error naming the field', () => {
    expect(() => client({ auth, transport: { caBundle: 'not a certificate' } })).toThrow(SwiftConfigError)
    try {
      client({ auth, transport: { caBundle: 'not a certificate' } })
    } catch (error) {
      expect((error as SwiftConfigError).field).toBe('caBundle')
    }
  })
})
