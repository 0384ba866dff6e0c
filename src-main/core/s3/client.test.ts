import { describe, expect, it } from 'vitest'
import { MemoryLogger } from '../log/logger'
import { checksumConfig, createAgents, createS3Client, nodeSupportsAgentProxy } from './client'
import { resolveS3Options } from './options'

const keys = { accessKeyId: 'a', secretAccessKey: 's' }

describe('createS3Client', () => {
  it('an S3-compatible endpoint gets WHEN_REQUIRED for requests and responses, path style, us-east-1', async () => {
    const options = resolveS3Options({ bucket: 'bkt', endpoint: 'http://127.0.0.1:9' })
    const client = createS3Client(options, createAgents(options), keys)
    expect(await client.config.requestChecksumCalculation()).toBe('WHEN_REQUIRED')
    expect(await client.config.responseChecksumValidation()).toBe('WHEN_REQUIRED')
    expect(client.config.forcePathStyle).toBe(true)
    expect(await client.config.region()).toBe('us-east-1')
    client.destroy()
  })

  it('AWS keeps the SDK’s own checksum defaults', () => {
    expect(checksumConfig('sdk-default')).toEqual({})
    expect(checksumConfig('when-required')).toEqual({
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    })
  })

  it('the SDK’s handler sends through our agents: trusted roots plus the bundle, socket limit, keep-alive', async () => {
    const options = resolveS3Options({ bucket: 'bkt', endpoint: 'https://s3.local', maxSockets: 7 })
    const agents = createAgents(options)
    expect(agents.httpsAgent.options).toMatchObject({ keepAlive: true, maxSockets: 7 })
    expect(agents.httpsAgent.options.rejectUnauthorized).toBeUndefined()
    expect((agents.httpsAgent.options.ca as string[]).length).toBeGreaterThan(10)
    const client = createS3Client(options, agents, keys)
    const handler = client.config.requestHandler as unknown as {
      configProvider: Promise<{ httpsAgent: unknown; httpAgentProvider: () => Promise<unknown> }>
    }
    const config = await handler.configProvider
    expect(config.httpsAgent).toBe(agents.httpsAgent)
    expect(await config.httpAgentProvider()).toBe(agents.httpAgent)
    client.destroy()
  })

  it('insecure mode turns verification off and logs a warning, saying insecure, each time a client is made', () => {
    const logger = new MemoryLogger()
    const options = resolveS3Options({ bucket: 'bkt', endpoint: 'https://s3.local', insecure: true })
    const agents = createAgents(options, { logger })
    expect(agents.httpsAgent.options.rejectUnauthorized).toBe(false)
    createS3Client(options, agents, keys, { logger })
    expect(logger.entries).toHaveLength(1)
    expect(logger.entries[0]).toMatchObject({ level: 'warn', fields: { target: 'https://s3.local' } })
    expect(logger.entries[0]?.message).toContain('insecure')
    createS3Client(options, agents, keys, { logger }).destroy()
    expect(logger.entries).toHaveLength(2)

    const quiet = new MemoryLogger()
    const safe = resolveS3Options({ bucket: 'bkt', endpoint: 'https://s3.local' })
    createS3Client(safe, createAgents(safe, { logger: quiet }), keys, { logger: quiet }).destroy()
    expect(quiet.entries).toEqual([])
  })

  it('a profile proxy becomes the agents’ proxy for both schemes', () => {
    const options = resolveS3Options({ bucket: 'bkt', proxyUrl: 'http://proxy.corp:3128' })
    const agents = createAgents(options, { env: {} })
    for (const agent of [agents.httpAgent, agents.httpsAgent]) {
      // http.Agent keeps its options too; only its typings leave them out.
      expect((agent as unknown as { options: { proxyEnv?: unknown } }).options.proxyEnv).toEqual({
        HTTP_PROXY: 'http://proxy.corp:3128',
        HTTPS_PROXY: 'http://proxy.corp:3128',
      })
    }
    agents.httpAgent.destroy()
    agents.httpsAgent.destroy()
  })
})

describe('nodeSupportsAgentProxy', () => {
  it('needs Node 24.5 or later', () => {
    expect(nodeSupportsAgentProxy('24.5.0')).toBe(true)
    expect(nodeSupportsAgentProxy('26.0.0')).toBe(true)
    expect(nodeSupportsAgentProxy('24.4.1')).toBe(false)
    expect(nodeSupportsAgentProxy('22.20.0')).toBe(false)
  })
})
