import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryLogger } from '../../../src-main/core/log/logger'
import { classifyS3Error } from '../../../src-main/core/s3'
import { NetworkError } from '../../../src-main/core/swift'
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy'
import { unique } from '../support/swift-clients'
import { startTlsEndpoint, type TlsEndpoint } from '../support/tls-endpoint'
import { createBucket, rawClient, removeBucket, s3, target } from './s3-support'

/** HTTPS trust (profile CA bundle, insecure mode) and proxies (per profile, from the environment). */

const admin = rawClient()
const bucket = unique('s3-tls')
let proxy: ForwardProxy
let endpoint: TlsEndpoint

beforeAll(async () => {
  await createBucket(admin, bucket)
  proxy = await startForwardProxy()
  endpoint = await startTlsEndpoint(s3.endpoint)
})

afterAll(async () => {
  await proxy.close()
  await endpoint.close()
  await removeBucket(admin, bucket)
  admin.destroy()
})

describe('TLS', () => {
  it('trusts a server signed by the profile’s CA bundle', async () => {
    const t = target(bucket, { endpoint: endpoint.url, caBundle: endpoint.caPem })
    await expect(t.checkBucket()).resolves.toBeUndefined()
    t.close()
  })

  it('refuses an untrusted certificate with advice, and stops the job', async () => {
    const t = target(bucket, { endpoint: endpoint.url })
    const error = await t.checkBucket().catch((e: unknown) => e)
    t.close()
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).problem).toBe('tls')
    expect((error as Error).message).toContain('CA bundle')
    expect(classifyS3Error(error).action).toBe('stop-job')
  })

  it('insecure mode connects anyway and says so in the log', async () => {
    const logger = new MemoryLogger()
    const t = target(bucket, { endpoint: endpoint.url, insecure: true }, { logger })
    await expect(t.checkBucket()).resolves.toBeUndefined()
    t.close()
    expect(logger.entries.filter((e) => e.level === 'warn' && /insecure/.test(e.message))).toHaveLength(1)
  })
})

describe('proxies', () => {
  it('a per-profile proxy URL carries plain-HTTP requests in absolute form', async () => {
    proxy.seen.length = 0
    const t = target(bucket, { proxyUrl: proxy.url })
    await t.checkBucket()
    t.close()
    expect(proxy.seen).toEqual([`HEAD ${s3.endpoint}/${bucket}/`])
  })

  it('HTTPS goes through a CONNECT tunnel and still verifies the certificate', async () => {
    proxy.seen.length = 0
    const trusted = target(bucket, { endpoint: endpoint.url, caBundle: endpoint.caPem, proxyUrl: proxy.url })
    await trusted.checkBucket()
    trusted.close()
    expect(proxy.seen).toEqual([`CONNECT ${new URL(endpoint.url).host}`])
    const untrusted = target(bucket, { endpoint: endpoint.url, proxyUrl: proxy.url })
    const error = await untrusted.checkBucket().catch((e: unknown) => e)
    untrusted.close()
    expect((error as NetworkError).problem).toBe('tls')
  })

  it('HTTP_PROXY from the environment is honoured, and NO_PROXY bypasses it', async () => {
    proxy.seen.length = 0
    const viaEnv = target(bucket, {}, { env: { HTTP_PROXY: proxy.url } })
    await viaEnv.checkBucket()
    viaEnv.close()
    expect(proxy.seen).toHaveLength(1)
    proxy.seen.length = 0
    const bypass = target(bucket, {}, { env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } })
    await bypass.checkBucket()
    bypass.close()
    expect(proxy.seen).toEqual([])
  })
})
