import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy'
import { client, servers, tempauth } from '../support/swift-clients'
import { startTlsEndpoint, type TlsEndpoint } from '../support/tls-endpoint'

/** Proxies as enterprises have them: per profile, from HTTP(S)_PROXY, bypassed by NO_PROXY. */

let proxy: ForwardProxy
let endpoint: TlsEndpoint

beforeAll(async () => {
  proxy = await startForwardProxy()
  endpoint = await startTlsEndpoint(servers.tempauth.url)
})

afterAll(async () => {
  await proxy.close()
  await endpoint.close()
})

describe('proxies', () => {
  it('a per-profile proxy URL carries every request', async () => {
    proxy.seen.length = 0
    const swift = client({ auth: tempauth(), transport: { proxyUrl: proxy.url, env: {} } })
    await swift.headAccount()
    await swift.close()
    expect(proxy.seen.some((line) => line.includes('/auth/v1.0'))).toBe(true)
    expect(proxy.seen.some((line) => line.startsWith('HEAD http://'))).toBe(true)
  })

  it('HTTP_PROXY from the environment is honoured, and NO_PROXY bypasses it', async () => {
    proxy.seen.length = 0
    const viaEnv = client({ auth: tempauth(), transport: { env: { HTTP_PROXY: proxy.url } } })
    await viaEnv.headAccount()
    await viaEnv.close()
    expect(proxy.seen.length).toBeGreaterThanOrEqual(2)
    proxy.seen.length = 0
    const bypass = client({
      auth: tempauth(),
      transport: { env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } },
    })
    await bypass.headAccount()
    await bypass.close()
    expect(proxy.seen).toEqual([])
  })

  it('HTTPS goes through a CONNECT tunnel and still verifies the server certificate', async () => {
    proxy.seen.length = 0
    const auth = {
      ...tempauth(),
      authUrl: servers.tempauth.authUrl.replace(servers.tempauth.url, endpoint.url),
      storageUrl: servers.tempauth.storageUrl.replace(servers.tempauth.url, endpoint.url),
    }
    const trusted = client({ auth, transport: { env: { HTTPS_PROXY: proxy.url }, caBundle: endpoint.caPem } })
    await trusted.headAccount()
    await trusted.close()
    expect(proxy.seen[0]).toBe(`CONNECT ${new URL(endpoint.url).host}`)
    const untrusted = client({ auth, transport: { proxyUrl: proxy.url } })
    const error = await untrusted.headAccount().catch((e: unknown) => e)
    await untrusted.close()
    expect(error).toMatchObject({ name: 'NetworkError', problem: 'tls' })
  })
})
