import { createHash, randomBytes } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryLogger } from '../../../src-main/core/log/logger'
import { NetworkError, NotFoundError, ServerError, TimeoutError } from '../../../src-main/core/swift'
import { startFaultProxy } from '../support/fault-proxy'
import { client, readAll, removeContainer, servers, tempauth, unique } from '../support/swift-clients'

/** Object HEAD/GET against real Swift: bytes exact, large objects classified, ranges, aborts, faults. */

const swift = client({ auth: tempauth() })
const container = unique('objects')
const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex')

// Compressible text, gzip-compressed: served with Content-Encoding: gzip it must come back compressed.
const text = Buffer.from(
  Array.from({ length: 40_000 }, (_, i) => `line ${i} of a pre-compressed asset\n`).join(''),
)
const gzipped = gzipSync(text)
const big = randomBytes(6 * 1024 * 1024)
const segments = [randomBytes(300_000), randomBytes(300_000), randomBytes(123_457)]
const sloGz = gzipSync(Buffer.concat([text, text, text]))
const sloGzParts = [sloGz.subarray(0, 100_000), sloGz.subarray(100_000)]

beforeAll(async () => {
  await swift.putContainer(container)
  await swift.putObject(container, 'asset.js.gz', gzipped, {
    headers: {
      'content-type': 'application/javascript',
      'content-encoding': 'gzip',
      'content-disposition': 'attachment; filename="asset.js"',
      'x-object-meta-owner': 'Zoë Ödegaard',
      'x-object-meta-multi-word-key': 'kept whole',
    },
  })
  await swift.putObject(container, 'big.bin', big)
  for (const [i, seg] of segments.entries()) await swift.putObject(container, `slo-segs/plain/${i}`, seg)
  await swift.putObject(
    container,
    'large/slo.bin',
    JSON.stringify(
      segments.map((seg, i) => ({
        path: `/${container}/slo-segs/plain/${i}`,
        etag: md5(seg),
        size_bytes: seg.length,
      })),
    ),
    { query: { 'multipart-manifest': 'put' }, headers: { 'content-type': 'application/octet-stream' } },
  )
  for (const [i, seg] of sloGzParts.entries()) await swift.putObject(container, `slo-segs/gz/${i}`, seg)
  await swift.putObject(
    container,
    'large/slo.txt.gz',
    JSON.stringify(
      sloGzParts.map((seg, i) => ({
        path: `/${container}/slo-segs/gz/${i}`,
        etag: md5(seg),
        size_bytes: seg.length,
      })),
    ),
    {
      query: { 'multipart-manifest': 'put' },
      headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' },
    },
  )
  for (const [i, seg] of segments.entries()) await swift.putObject(container, `dlo-segs/part-${i}`, seg)
  await swift.putObject(container, 'large/dlo.bin', '', {
    headers: { 'x-object-manifest': `${container}/dlo-segs/part-` },
  })
}, 120_000)

afterAll(async () => {
  await removeContainer(swift, container)
  await swift.close()
}, 120_000)

describe('HEAD', () => {
  it('keeps every header, decodes UTF-8 metadata and classifies a normal object', async () => {
    const info = await swift.headObject(container, 'asset.js.gz')
    expect(info).toMatchObject({
      kind: 'normal',
      bytes: gzipped.length,
      etag: md5(gzipped),
      contentType: 'application/javascript',
      contentEncoding: 'gzip',
      contentDisposition: 'attachment; filename="asset.js"',
      metadata: { owner: 'Zoë Ödegaard', 'multi-word-key': 'kept whole' },
    })
    expect(info.timestamp).toMatch(/^\d{10}\.\d{5}$/)
    expect(info.lastModified).toBeTruthy()
    expect(info.headers['x-object-meta-multi-word-key']).toBe('kept whole')
  })

  it('classifies SLO and DLO and reports their whole size', async () => {
    const total = segments.reduce((n, s) => n + s.length, 0)
    const slo = await swift.headObject(container, 'large/slo.bin')
    expect(slo).toMatchObject({ kind: 'slo', bytes: total })
    expect(slo.headers['x-static-large-object']).toBe('True')
    expect(slo.etag).not.toBe(md5(Buffer.concat(segments)))
    const dlo = await swift.headObject(container, 'large/dlo.bin')
    expect(dlo).toMatchObject({ kind: 'dlo', bytes: total, manifest: `${container}/dlo-segs/part-` })
  })

  it('the listing carries slo_etag for an SLO, matching its HEAD ETag', async () => {
    const head = await swift.headObject(container, 'large/slo.bin')
    for await (const entry of swift.listObjects(container, { prefix: 'large/slo.bin' })) {
      expect(entry).toMatchObject({ kind: 'object', name: 'large/slo.bin', sloEtag: head.etag })
    }
  })

  it('a missing object is a NotFoundError naming object and container', async () => {
    const error = await swift.headObject(container, 'nope/missing.txt').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error).toMatchObject({ what: 'object', container, object: 'nope/missing.txt' })
    expect((error as Error).message).toContain('nope/missing.txt')
  })
})

describe('GET', () => {
  it('streams a Content-Encoding: gzip object byte-identical, never decompressed', async () => {
    const { body, info } = await swift.getObject(container, 'asset.js.gz')
    const bytes = await readAll(body)
    expect(info.contentEncoding).toBe('gzip')
    expect(bytes.length).toBe(gzipped.length)
    expect(md5(bytes)).toBe(md5(gzipped))
  })

  it('streams a gzip SLO whole and byte-identical', async () => {
    const { body, info } = await swift.getObject(container, 'large/slo.txt.gz')
    expect(info).toMatchObject({ kind: 'slo', contentEncoding: 'gzip' })
    const bytes = await readAll(body)
    expect(md5(bytes)).toBe(md5(sloGz))
  })

  it('streams SLO and DLO whole', async () => {
    const expected = md5(Buffer.concat(segments))
    for (const name of ['large/slo.bin', 'large/dlo.bin']) {
      const { body } = await swift.getObject(container, name)
      expect(md5(await readAll(body)), name).toBe(expected)
    }
  })

  it('a Range GET returns exactly the bytes asked and the whole size', async () => {
    const { body, info, range } = await swift.getObject(container, 'big.bin', {
      range: { start: 1000, end: 70_999 },
    })
    expect(range).toEqual({ start: 1000, end: 70_999 })
    expect(info.bytes).toBe(big.length)
    expect((await readAll(body)).equals(big.subarray(1000, 71_000))).toBe(true)
    const tail = await swift.getObject(container, 'large/slo.bin', { range: { start: 500_000 } })
    expect((await readAll(tail.body)).equals(Buffer.concat(segments).subarray(500_000))).toBe(true)
  })

  it('an abort mid-stream frees the connection (a pool of one serves the next request)', async () => {
    const single = client({ auth: tempauth(), transport: { connections: 1 } })
    try {
      for (const how of ['signal', 'destroy'] as const) {
        const controller = new AbortController()
        const { body } = await single.getObject(container, 'big.bin', { signal: controller.signal })
        let received = 0
        const reading = (async () => {
          for await (const chunk of body) {
            received += (chunk as Buffer).length
            if (received > 64 * 1024) {
              if (how === 'signal') controller.abort()
              else body.destroy()
            }
          }
        })()
        await reading.catch(() => {})
        expect(received).toBeLessThan(big.length)
        const info = await single.headObject(container, 'big.bin', AbortSignal.timeout(5000))
        expect(info.bytes).toBe(big.length)
      }
    } finally {
      await single.close()
    }
  })
})

describe('failures', () => {
  it('an unreachable endpoint fails fast with a NetworkError saying the connection was refused', async () => {
    const started = Date.now()
    const unreachable = new (await import('../../../src-main/core/swift')).SwiftClient({
      auth: { type: 'v1', authUrl: 'http://127.0.0.1:9/auth/v1.0', user: 'a:b', key: 'secret-key' },
    })
    const error = await unreachable.headAccount().catch((e: unknown) => e)
    await unreachable.close()
    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toMatchObject({ problem: 'refused' })
    expect((error as Error).message).toContain('127.0.0.1:9')
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('retries 5xx with backoff, logs each attempt, then succeeds', async () => {
    let failures = 0
    const proxy = await startFaultProxy(servers.tempauth.url, ({ path }) =>
      path.includes('asset.js.gz') && failures++ < 2 ? { respond: { status: 503, body: 'busy' } } : undefined,
    )
    const logger = new MemoryLogger()
    const { token } = await swift.connection.session.get()
    const storageUrl = servers.tempauth.storageUrl.replace(servers.tempauth.url, proxy.url)
    const flaky = client({ auth: { type: 'preauth', token, storageUrl }, logger })
    try {
      const { body } = await flaky.getObject(container, 'asset.js.gz')
      expect(md5(await readAll(body))).toBe(md5(gzipped))
      const retries = logger.entries.filter((e) => e.level === 'warn' && e.message.includes('retrying'))
      expect(retries.map((e) => e.fields?.attempt)).toEqual([1, 2])
      expect(logger.text()).not.toContain(token)
    } finally {
      await flaky.close()
      await proxy.close()
    }
  })

  it('gives up after the last attempt with a ServerError carrying the status', async () => {
    const proxy = await startFaultProxy(servers.tempauth.url, () => ({
      respond: { status: 500, headers: { 'x-trans-id': 'tx-test-123' } },
    }))
    const { token } = await swift.connection.session.get()
    const storageUrl = servers.tempauth.storageUrl.replace(servers.tempauth.url, proxy.url)
    const broken = client({
      auth: { type: 'preauth', token, storageUrl },
      retry: { attempts: 3, baseMs: 1, capMs: 5 },
    })
    try {
      const error = await broken.headObject(container, 'big.bin').catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ServerError)
      expect(error).toMatchObject({ status: 500, requestId: 'tx-test-123' })
      expect(proxy.seen).toHaveLength(3)
    } finally {
      await broken.close()
      await proxy.close()
    }
  })

  it('a server that never answers is a TimeoutError', async () => {
    const proxy = await startFaultProxy(servers.tempauth.url, () => ({ stall: true }))
    const { token } = await swift.connection.session.get()
    const storageUrl = servers.tempauth.storageUrl.replace(servers.tempauth.url, proxy.url)
    const silent = client({
      auth: { type: 'preauth', token, storageUrl },
      headersTimeoutMs: 300,
      retry: { attempts: 2 },
    })
    try {
      const error = await silent.headObject(container, 'big.bin').catch((e: unknown) => e)
      expect(error).toBeInstanceOf(TimeoutError)
      expect(error).toMatchObject({ phase: 'headers' })
      expect(proxy.seen).toHaveLength(2)
    } finally {
      await silent.close()
      await proxy.close()
    }
  })
})
