import { createHash, randomBytes } from 'node:crypto'
import http from 'node:http'
import net from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadServers } from '../servers-env'
import { faults, startFaultProxy, type Decide, type FaultProxy } from './fault-proxy'

/**
 * The fault proxy against the real loopback Swift proxy (tempauth + s3api): each fault is shown to
 * reach the client the way the client would meet it from a real server or network, and plain
 * forwarding to be faithful. Clients are plain node:http, raw sockets, undici and the AWS SDK, so a
 * bug in the app's own Swift client cannot hide a bug here.
 */

const servers = loadServers()
const tester = servers.tempauth.users.find((u) => u.user === 'test:tester')!
const container = `fault-proxy-${randomBytes(5).toString('hex')}`
const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex')
const big = randomBytes(3 * 1024 * 1024)
const small = Buffer.from('hello through the fault proxy\n')
let token = ''
let storageUrl = ''

/** Direct to Swift, not through any proxy: for setup, cleanup and checking what Swift really stored. */
async function swift(method: string, path: string, body?: Buffer): Promise<{ status: number; body: Buffer }> {
  const response = await request(`${storageUrl}/${path}`, {
    method,
    headers: { 'x-auth-token': token },
    body,
  })
  return { status: response.statusCode, body: Buffer.from(await response.body.arrayBuffer()) }
}

const objectUrl = (name: string) => `${storageUrl}/${container}/${name}`

beforeAll(async () => {
  const auth = await request(servers.tempauth.authUrl, {
    headers: { 'x-auth-user': tester.user, 'x-auth-key': tester.key },
  })
  await auth.body.dump()
  expect(auth.statusCode).toBe(200)
  token = String(auth.headers['x-auth-token'])
  storageUrl = String(auth.headers['x-storage-url'])
  expect((await swift('PUT', container)).status).toBe(201)
  expect((await swift('PUT', `${container}/big.bin`, big)).status).toBe(201)
  expect((await swift('PUT', `${container}/small.txt`, small)).status).toBe(201)
})

afterAll(async () => {
  if (!token) return
  const listing = await swift('GET', `${container}?format=json`)
  const names = listing.status === 200 ? (JSON.parse(listing.body.toString()) as { name: string }[]) : []
  for (const { name } of names) await swift('DELETE', `${container}/${encodeURIComponent(name)}`)
  await swift('DELETE', container)
})

async function withProxy<T>(decide: Decide | Decide[], run: (proxy: FaultProxy) => Promise<T>): Promise<T> {
  const proxy = await startFaultProxy(servers.tempauth.url, decide)
  try {
    return await run(proxy)
  } finally {
    await proxy.close()
  }
}

interface Exchange {
  status: number | undefined
  headers: http.IncomingHttpHeaders
  /** Body bytes received, also when the exchange broke mid-body. */
  body: Buffer
  /** Error code when it broke (ECONNRESET, ABORT_ERR, ...). */
  error: string | undefined
  /** Whether the server sent 100 Continue. */
  continued: boolean
  /** Milliseconds from sending to the response headers. */
  headersAfterMs: number | undefined
}

/**
 * One request with node:http that never rejects, so a test can look at how it broke. A body given as
 * several chunks is sent chunked, a chunk every few ms, so it really streams.
 */
function exchange(
  url: string,
  init: {
    method?: string
    headers?: Record<string, string>
    body?: Buffer | Buffer[]
    expectContinue?: boolean
    timeoutMs?: number
  } = {},
): Promise<Exchange> {
  return new Promise((resolve) => {
    const started = performance.now()
    const result: Exchange = {
      status: undefined,
      headers: {},
      body: Buffer.alloc(0),
      error: undefined,
      continued: false,
      headersAfterMs: undefined,
    }
    const chunks: Buffer[] = []
    let settled = false
    const done = (error?: NodeJS.ErrnoException) => {
      if (settled) return
      settled = true
      result.body = Buffer.concat(chunks)
      result.error = error ? (error.code ?? error.message) : undefined
      resolve(result)
    }
    const headers: Record<string, string> = { 'x-auth-token': token, ...init.headers }
    if (Buffer.isBuffer(init.body)) headers['content-length'] = String(init.body.length)
    if (init.expectContinue) headers['expect'] = '100-continue'
    const req = http.request(url, {
      method: init.method ?? 'GET',
      headers,
      agent: false,
      signal: init.timeoutMs ? AbortSignal.timeout(init.timeoutMs) : undefined,
    })
    const sendBody = async () => {
      if (Array.isArray(init.body)) {
        for (const chunk of init.body) {
          req.write(chunk)
          await sleep(5)
        }
      } else if (init.body) req.write(init.body)
      req.end()
    }
    req.on('continue', () => {
      result.continued = true
      void sendBody()
    })
    req.on('response', (res) => {
      result.status = res.statusCode
      result.headers = res.headers
      result.headersAfterMs = performance.now() - started
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', done)
      res.on('end', () => {
        done()
        // Refused before 100 Continue: the body was never sent, so the request cannot end normally.
        if (init.expectContinue && !result.continued) req.destroy()
      })
    })
    req.on('error', done)
    if (!init.expectContinue) void sendBody()
  })
}

/**
 * A GET on a bare TCP socket, to see how the connection ended: 'end' for a FIN, an error code for an
 * RST. node:http and undici report both as a broken body, with codes that blur the difference.
 */
function rawGet(url: string): Promise<{ head: string; body: Buffer; ended: 'fin' | string }> {
  const { hostname, port, pathname } = new URL(url)
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname)
    const chunks: Buffer[] = []
    const done = (ended: string) => {
      const all = Buffer.concat(chunks)
      const split = all.indexOf('\r\n\r\n')
      resolve({ head: all.subarray(0, split).toString(), body: all.subarray(split + 4), ended })
    }
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('end', () => done('fin'))
    socket.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message))
    socket.write(`GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nX-Auth-Token: ${token}\r\n\r\n`)
  })
}

/** An S3 client for s3api through the proxy; path style, no checksums s3api does not know. */
function s3Via(proxy: FaultProxy, maxAttempts: number): S3Client {
  return new S3Client({
    endpoint: proxy.via(servers.s3.endpoint),
    region: servers.s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: servers.s3.accessKeyId, secretAccessKey: servers.s3.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts,
  })
}

describe('pass-through', () => {
  it('streams a large GET byte for byte with its headers, and records it', async () => {
    const direct = await exchange(objectUrl('big.bin'))
    await withProxy([], async (proxy) => {
      const through = await exchange(proxy.via(objectUrl('big.bin')))
      expect(through.status).toBe(200)
      expect(through.body.equals(big)).toBe(true)
      for (const name of ['etag', 'content-length', 'content-type', 'x-timestamp', 'last-modified']) {
        expect(through.headers[name], name).toBe(direct.headers[name])
      }
      expect(proxy.seen).toEqual([`GET /v1/AUTH_test/${container}/big.bin`])
      expect(proxy.requests).toMatchObject([
        { index: 0, method: 'GET', status: 200, bytesIn: 0, bytesOut: big.length, outcome: 'forwarded' },
      ])
    })
  })

  it('streams a chunked PUT up, then HEAD and GET it back', async () => {
    const parts = [randomBytes(70_000), randomBytes(1), randomBytes(200_000), randomBytes(33_333)]
    const whole = Buffer.concat(parts)
    await withProxy([], async (proxy) => {
      const put = await exchange(proxy.via(objectUrl('chunked.bin')), {
        method: 'PUT',
        headers: { etag: md5(whole) },
        body: parts,
      })
      expect(put.status).toBe(201)
      expect(put.headers.etag).toBe(md5(whole))
      const head = await exchange(proxy.via(objectUrl('chunked.bin')), { method: 'HEAD' })
      expect(head).toMatchObject({ status: 200, body: Buffer.alloc(0) })
      expect(head.headers['content-length']).toBe(String(whole.length))
      const get = await exchange(proxy.via(objectUrl('chunked.bin')))
      expect(get.body.equals(whole)).toBe(true)
      expect(proxy.requests).toMatchObject([
        { method: 'PUT', headers: { 'transfer-encoding': 'chunked' }, status: 201, bytesIn: whole.length },
        { method: 'HEAD', status: 200, bytesOut: 0, outcome: 'forwarded' },
        { method: 'GET', status: 200, bytesOut: whole.length },
      ])
    })
  })

  it('relays Expect: 100-continue: the body goes only once Swift asks, and an early refusal comes first', async () => {
    await withProxy([], async (proxy) => {
      const put = await exchange(proxy.via(objectUrl('expect.txt')), {
        method: 'PUT',
        body: small,
        expectContinue: true,
      })
      expect(put).toMatchObject({ status: 201, continued: true })
      // tempauth refuses a bad token without reading the body, so Swift never sends 100 Continue.
      const refused = await exchange(proxy.via(objectUrl('expect-refused.txt')), {
        method: 'PUT',
        headers: { 'x-auth-token': 'AUTH_tk-not-a-valid-token' },
        body: small,
        expectContinue: true,
      })
      expect(refused).toMatchObject({ status: 401, continued: false })
      expect(proxy.requests.map((r) => r.bytesIn)).toEqual([small.length, 0])
    })
    expect((await swift('GET', `${container}/expect.txt`)).body.equals(small)).toBe(true)
  })
})

describe('flipped bytes', () => {
  it('a flipped upload byte makes Swift refuse the PUT against its ETag (422); only `times` PUTs are hit', async () => {
    const flip = faults.flipRequestByte({ match: (r) => r.method === 'PUT', offset: 12_345, times: 1 })
    await withProxy([flip], async (proxy) => {
      const body = randomBytes(100_000)
      const url = proxy.via(objectUrl('flipped-upload.bin'))
      const bad = await exchange(url, { method: 'PUT', headers: { etag: md5(body) }, body })
      expect(bad.status).toBe(422)
      expect((await swift('HEAD', `${container}/flipped-upload.bin`)).status).toBe(404)
      const good = await exchange(url, { method: 'PUT', headers: { etag: md5(body) }, body })
      expect(good.status).toBe(201)
      expect(flip.hits).toBe(1)
    })
  })

  it('a flipped download byte keeps the length and changes exactly that byte, so only the MD5 tells', async () => {
    const offset = 2_000_001
    await withProxy([faults.flipResponseByte({ offset })], async (proxy) => {
      const got = await exchange(proxy.via(objectUrl('big.bin')))
      expect(got.status).toBe(200)
      expect(got.body.length).toBe(big.length)
      expect(got.headers.etag).toBe(md5(big))
      expect(md5(got.body)).not.toBe(md5(big))
      const differing = [...got.body.keys()].filter((i) => got.body[i] !== big[i])
      expect(differing).toEqual([offset])
      expect(got.body[offset]).toBe(big[offset]! ^ 0xff)
    })
  })

  it('a flipped PutObject byte to s3api with Content-MD5 is a BadDigest', async () => {
    const body = randomBytes(50_000)
    const flip = faults.flipRequestByte({ match: (r) => r.method === 'PUT', offset: 0 })
    await withProxy([flip], async (proxy) => {
      const s3 = s3Via(proxy, 1)
      try {
        const contentMd5 = createHash('md5').update(body).digest('base64')
        const error = await s3
          .send(
            new PutObjectCommand({
              Bucket: container,
              Key: 's3-flipped',
              Body: body,
              ContentMD5: contentMd5,
            }),
          )
          .catch((e: unknown) => e)
        expect(error).toBeInstanceOf(S3ServiceException)
        expect(error).toMatchObject({ name: 'BadDigest', $metadata: { httpStatusCode: 400 } })
        expect(flip.hits).toBe(1)
      } finally {
        s3.destroy()
      }
    })
    expect((await swift('HEAD', `${container}/s3-flipped`)).status).toBe(404)
  })
})

describe('canned answers', () => {
  it('a burst of two SlowDown, then the real answer', async () => {
    const slowDown = faults.slowDown({ match: (r) => r.path.endsWith('/small.txt'), times: 2 })
    await withProxy([slowDown], async (proxy) => {
      const url = proxy.via(objectUrl('small.txt'))
      for (let i = 0; i < 2; i++) {
        const busy = await exchange(url)
        expect(busy.status).toBe(503)
        expect(busy.headers['content-type']).toBe('application/xml')
        const requestId = String(busy.headers['x-amz-request-id'])
        expect(busy.body.toString()).toBe(
          '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code>' +
            `<Message>Please reduce your request rate.</Message><RequestId>${requestId}</RequestId></Error>`,
        )
      }
      const ok = await exchange(url)
      expect(ok.status).toBe(200)
      expect(ok.body.equals(small)).toBe(true)
      expect(slowDown.hits).toBe(2)
      expect(proxy.requests.map((r) => [r.status, r.outcome])).toEqual([
        [503, 'answered'],
        [503, 'answered'],
        [200, 'forwarded'],
      ])
    })
  })

  it('the AWS SDK reads the canned XML as the named error, and retries a SlowDown burst through', async () => {
    const listing = (r: { method: string; path: string }) =>
      r.method === 'GET' && r.path.includes('list-type=2')
    await withProxy(
      [faults.awsError({ status: 500, code: 'InternalError', match: listing, times: 1 })],
      async (proxy) => {
        const s3 = s3Via(proxy, 1)
        try {
          const error = await s3
            .send(new ListObjectsV2Command({ Bucket: container }))
            .catch((e: unknown) => e)
          expect(error).toBeInstanceOf(S3ServiceException)
          expect(error).toMatchObject({
            name: 'InternalError',
            message: 'InternalError injected by the test fault proxy.',
            $metadata: { httpStatusCode: 500, requestId: expect.stringMatching(/^[0-9A-F]{16}$/) },
          })
        } finally {
          s3.destroy()
        }
      },
    )
    const slowDown = faults.slowDown({ match: (r) => r.method === 'GET', times: 2 })
    await withProxy([slowDown], async (proxy) => {
      const s3 = s3Via(proxy, 3)
      try {
        const got = await s3.send(new GetObjectCommand({ Bucket: container, Key: 'small.txt' }))
        expect(await got.Body?.transformToString()).toBe(small.toString())
        expect(got.$metadata.attempts).toBe(3)
        expect(proxy.requests.map((r) => r.status)).toEqual([503, 503, 200])
      } finally {
        s3.destroy()
      }
    })
  })

  it('any raw status, headers and body; HEAD gets the headers only', async () => {
    const body = Buffer.from([0, 1, 2, 255])
    const teapot = faults.respond({
      status: 418,
      headers: { 'x-why': 'because', 'content-type': 'x/raw' },
      body,
    })
    await withProxy([teapot], async (proxy) => {
      const got = await exchange(proxy.via(objectUrl('small.txt')))
      expect(got).toMatchObject({ status: 418, headers: { 'x-why': 'because', 'content-length': '4' } })
      expect(got.body.equals(body)).toBe(true)
      const head = await exchange(proxy.via(objectUrl('small.txt')), { method: 'HEAD' })
      expect(head).toMatchObject({ status: 418, body: Buffer.alloc(0) })
      expect(proxy.requests.map((r) => r.bytesOut)).toEqual([4, 0])
    })
  })

  it('a canned refusal of an Expect: 100-continue upload comes before the body is sent', async () => {
    await withProxy([faults.slowDown()], async (proxy) => {
      const put = await exchange(proxy.via(objectUrl('never.txt')), {
        method: 'PUT',
        body: small,
        expectContinue: true,
      })
      expect(put).toMatchObject({ status: 503, continued: false })
      expect(proxy.requests[0]?.bytesIn).toBe(0)
    })
    expect((await swift('HEAD', `${container}/never.txt`)).status).toBe(404)
  })
})

describe('cut connections', () => {
  it('a reset after K response bytes is a real TCP RST after exactly K bytes', async () => {
    await withProxy([faults.resetAfter({ bytes: 100_000 })], async (proxy) => {
      const got = await rawGet(proxy.via(objectUrl('big.bin')))
      expect(got.head).toMatch(/^HTTP\/1\.1 200 /)
      expect(got.ended).toBe('ECONNRESET')
      expect(got.body.equals(big.subarray(0, 100_000))).toBe(true)
      expect(proxy.requests).toMatchObject([{ status: 200, bytesOut: 100_000, outcome: 'reset' }])
    })
  })

  it('a close after K response bytes is a FIN, not a reset', async () => {
    await withProxy([faults.closeAfter({ bytes: 100_000 })], async (proxy) => {
      const got = await rawGet(proxy.via(objectUrl('big.bin')))
      expect(got.ended).toBe('fin')
      expect(got.body.equals(big.subarray(0, 100_000))).toBe(true)
      expect(proxy.requests).toMatchObject([{ outcome: 'closed' }])
    })
  })

  it('HTTP clients see the reset as ECONNRESET, and the clean close as a short body', async () => {
    await withProxy([faults.resetAfter({ bytes: 1000, times: 1 })], async (proxy) => {
      const got = await exchange(proxy.via(objectUrl('big.bin')))
      expect(got).toMatchObject({ status: 200, error: 'ECONNRESET' })
      expect(got.body.length).toBeLessThanOrEqual(1000)
      // times: 1, so the next request passes.
      const again = await request(proxy.via(objectUrl('big.bin')), { headers: { 'x-auth-token': token } })
      expect(md5(Buffer.from(await again.body.arrayBuffer()))).toBe(md5(big))
    })
    await withProxy([faults.resetAfter({ bytes: 0 })], async (proxy) => {
      const error = await request(proxy.via(objectUrl('big.bin')), { headers: { 'x-auth-token': token } })
        .then((r) => r.body.arrayBuffer())
        .catch((e: unknown) => e)
      expect(error).toMatchObject({ code: 'ECONNRESET' })
    })
    await withProxy([faults.closeAfter({ bytes: 1000 })], async (proxy) => {
      const error = await request(proxy.via(objectUrl('big.bin')), { headers: { 'x-auth-token': token } })
        .then((r) => r.body.arrayBuffer())
        .catch((e: unknown) => e)
      expect(error).toMatchObject({ code: 'UND_ERR_SOCKET', message: 'other side closed' })
    })
  })

  it('a reset mid-upload reaches the client as ECONNRESET and Swift stores nothing', async () => {
    const body = randomBytes(2_000_000)
    await withProxy([faults.resetAfter({ body: 'request', bytes: 65_536 })], async (proxy) => {
      const put = await exchange(proxy.via(objectUrl('cut-upload.bin')), { method: 'PUT', body })
      expect(put).toMatchObject({ status: undefined, error: 'ECONNRESET' })
      expect(proxy.requests).toMatchObject([{ method: 'PUT', bytesIn: 65_536, outcome: 'reset' }])
    })
    expect((await swift('HEAD', `${container}/cut-upload.bin`)).status).toBe(404)
  })

  it('a clean close mid-upload breaks the PUT and Swift stores nothing', async () => {
    const body = randomBytes(2_000_000)
    await withProxy([faults.closeAfter({ body: 'request', bytes: 65_536 })], async (proxy) => {
      const put = await exchange(proxy.via(objectUrl('closed-upload.bin')), { method: 'PUT', body })
      expect(put.status).toBeUndefined()
      expect(put.error).toBeDefined()
      expect(proxy.requests).toMatchObject([{ bytesIn: 65_536, outcome: 'closed' }])
    })
    expect((await swift('HEAD', `${container}/closed-upload.bin`)).status).toBe(404)
  })

  it('an unreachable upstream drops the client connection and records a failure', async () => {
    const proxy = await startFaultProxy('http://127.0.0.1:9')
    try {
      const got = await exchange(`${proxy.url}/v1/AUTH_test/${container}/small.txt`)
      expect(got).toMatchObject({ status: undefined, error: 'ECONNRESET' })
      expect(proxy.requests).toMatchObject([{ outcome: 'failed' }])
    } finally {
      await proxy.close()
    }
  })
})

describe('latency', () => {
  it('delays the headers; Swift has already acted when a client gives up waiting', async () => {
    await withProxy([faults.delay({ ms: 400 })], async (proxy) => {
      const got = await exchange(proxy.via(objectUrl('small.txt')))
      expect(got.status).toBe(200)
      expect(got.headersAfterMs).toBeGreaterThanOrEqual(390)
      expect(got.body.equals(small)).toBe(true)
      const put = await exchange(proxy.via(objectUrl('slow-put.txt')), {
        method: 'PUT',
        body: small,
        timeoutMs: 200,
      })
      expect(put).toMatchObject({ status: undefined, error: 'ABORT_ERR' })
    })
    expect((await swift('GET', `${container}/slow-put.txt`)).body.equals(small)).toBe(true)
  })

  it('throttles a download and an upload to a piece per interval, bytes intact', async () => {
    const download = faults.throttle({ bytes: 64 * 1024, everyMs: 40, match: (r) => r.method === 'GET' })
    const upload = faults.throttle({ body: 'request', bytes: 64 * 1024, everyMs: 40 })
    await withProxy([download, upload], async (proxy) => {
      const slice = 512 * 1024
      let started = performance.now()
      const got = await exchange(proxy.via(objectUrl('big.bin')), {
        headers: { range: `bytes=0-${slice - 1}` },
      })
      expect(got.body.equals(big.subarray(0, slice))).toBe(true)
      // 8 pieces, 7 waits.
      expect(performance.now() - started).toBeGreaterThanOrEqual(7 * 40 - 10)
      const body = randomBytes(256 * 1024)
      started = performance.now()
      const put = await exchange(proxy.via(objectUrl('throttled-up.bin')), {
        method: 'PUT',
        headers: { etag: md5(body) },
        body,
      })
      expect(put.status).toBe(201)
      expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 40 - 10)
    })
  })
})

describe('stalls', () => {
  it('never answers: the client times out, nothing reaches Swift', async () => {
    await withProxy([faults.stall({ match: (r) => r.method === 'PUT' })], async (proxy) => {
      const put = await exchange(proxy.via(objectUrl('stalled.txt')), {
        method: 'PUT',
        body: small,
        timeoutMs: 300,
      })
      expect(put).toMatchObject({ status: undefined, error: 'ABORT_ERR' })
      expect(proxy.requests).toMatchObject([{ status: undefined, bytesOut: 0, outcome: 'stalled' }])
    })
    expect((await swift('HEAD', `${container}/stalled.txt`)).status).toBe(404)
  })

  it('stops reading an upload after K bytes: the PUT hangs and Swift stores nothing', async () => {
    await withProxy([faults.stall({ body: 'request', afterBytes: 1000 })], async (proxy) => {
      const put = await exchange(proxy.via(objectUrl('stalled-upload.bin')), {
        method: 'PUT',
        body: randomBytes(100_000),
        timeoutMs: 300,
      })
      expect(put).toMatchObject({ status: undefined, error: 'ABORT_ERR' })
      expect(proxy.requests).toMatchObject([{ bytesIn: 1000, outcome: 'stalled' }])
    })
    expect((await swift('HEAD', `${container}/stalled-upload.bin`)).status).toBe(404)
  })

  it('goes silent after K response bytes with the connection left open', async () => {
    await withProxy([faults.stall({ afterBytes: 10_000 })], async (proxy) => {
      const got = await exchange(proxy.via(objectUrl('big.bin')), { timeoutMs: 500 })
      expect(got).toMatchObject({ status: 200, error: 'ABORT_ERR' })
      expect(got.body.equals(big.subarray(0, 10_000))).toBe(true)
      expect(proxy.requests).toMatchObject([{ bytesOut: 10_000, outcome: 'stalled' }])
    })
  })
})

describe('decisions', () => {
  it('rules combine per request, and a stateful decide sees method, path, headers and index', async () => {
    const asked: string[] = []
    const log: Decide = ({ method, path, headers, index }) => {
      asked.push(`${index} ${method} ${path.split('/').pop()} ${headers['x-test'] ?? '-'}`)
      return undefined
    }
    const rules = [
      log,
      faults.delay({ ms: 150, match: (r) => r.index === 1 }),
      faults.flipResponseByte({ offset: 0, match: (r) => r.index === 1 }),
      faults.rewritePath({ to: (path) => path.replace('alias.txt', 'small.txt') }),
    ]
    await withProxy(rules, async (proxy) => {
      const first = await exchange(proxy.via(objectUrl('alias.txt')), { headers: { 'x-test': 'one' } })
      expect(first.body.equals(small)).toBe(true)
      const second = await exchange(proxy.via(objectUrl('alias.txt')))
      expect(second.headersAfterMs).toBeGreaterThanOrEqual(140)
      expect(second.body[0]).toBe(small[0]! ^ 0xff)
      expect(second.body.subarray(1).equals(small.subarray(1))).toBe(true)
      expect(asked).toEqual(['0 GET alias.txt one', '1 GET alias.txt -'])
      expect(proxy.requests[1]?.decision).toMatchObject({ delayMs: 150, response: { flipByteAt: 0 } })
    })
  })
})
