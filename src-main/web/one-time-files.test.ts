import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { AppError } from '../core/errors'
import { LogService, type LogJob, type LogJobs } from '../core/logs'
import { logHandlers } from '../ipc/handlers/logs'
import { stubHandlers } from '../ipc/handlers/test-support'
import { createRouter } from '../ipc/router'
import { contentDisposition, OneTimeFiles, webFileOffer } from './one-time-files'
import { startWebServer, type WebServer } from './server'

const TOKEN = 'downloads-token-0123456789'
let server: WebServer
let dir: string
let logPath: string
let clock = 0
const files = new OneTimeFiles({ now: () => clock })

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'web-files-'))
  logPath = join(dir, '2030-01-02-_03-04-05_photos_to_archive.log')
  writeFileSync(logPath, '2030-01-02 03:04:05,000 - swift2s3 - INFO - ünïcode ✓ done\n'.repeat(500))
  writeFileSync(join(dir, 'summary.html'), '<!doctype html><title>Summary</title><p>ok</p>')
  const job = {
    id: 'job-1',
    name: 'Photos',
    state: 'done',
    createdAt: '2030-01-02T02:04:05.000Z',
    startedAt: null,
    finishedAt: null,
    logFile: logPath,
    reports: { json: join(dir, 'r.json'), csv: join(dir, 'r.csv'), html: join(dir, 'summary.html') },
  } as LogJob
  const jobs: LogJobs = {
    list: () => [job],
    get: (id) => {
      if (id !== 'job-1') throw new AppError('NOT_FOUND', 'no such job')
      return job
    },
  }
  const handlers = stubHandlers(
    logHandlers({ service: new LogService({ jobs: () => jobs }), files: webFileOffer(files) }),
  )
  const rendererDir = mkdtempSync(join(tmpdir(), 'web-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<html>app</html>')
  server = await startWebServer({ router: createRouter(handlers), rendererDir, token: TOKEN, files })
})

afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

/** One call over the page's socket, as the renderer makes it. */
async function call(
  channel: string,
  input: unknown,
): Promise<{ ok: boolean; value?: Record<string, string> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${TOKEN}`, {
    origin: `http://127.0.0.1:${server.port}`,
  })
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  const reply = new Promise<string>((resolve) => ws.once('message', (data) => resolve(String(data))))
  ws.send(JSON.stringify({ type: 'call', id: 1, channel, input }))
  const { result } = JSON.parse(await reply) as { result: { ok: boolean; value?: Record<string, string> } }
  ws.close()
  return result
}

interface Response {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method,
        headers: { host: `127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        )
      },
    )
    req.on('error', reject)
    req.end()
  })
}

async function exportUrl(what = 'log'): Promise<string> {
  const result = await call('logs.export', { jobId: 'job-1', what })
  expect(result.ok).toBe(true)
  return result.value!['downloadUrl']!
}

describe('browser-mode downloads', () => {
  it('export answers with a one-time URL that serves the exact file as an attachment, once', async () => {
    const result = await call('logs.export', { jobId: 'job-1', what: 'log' })
    expect(result).toMatchObject({
      ok: true,
      value: { fileName: '2030-01-02-_03-04-05_photos_to_archive.log' },
    })
    const url = result.value!['downloadUrl']!
    expect(url).toMatch(/^\/files\/[\w-]+\?key=[\w-]{43}$/)
    expect(url).not.toContain(dir)

    const first = await get(url)
    expect(first.status).toBe(200)
    expect(first.body).toEqual(readFileSync(logPath))
    expect(first.headers['content-disposition']).toBe(
      'attachment; filename="2030-01-02-_03-04-05_photos_to_archive.log"; filename*=UTF-8\'\'2030-01-02-_03-04-05_photos_to_archive.log',
    )
    expect(first.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(first.headers['content-security-policy']).toContain('sandbox')
    expect(first.headers['cache-control']).toBe('no-store')

    const second = await get(url)
    expect(second.status).toBe(404)
    expect(second.body.toString()).toContain('used or has expired')
  })

  it('refuses a missing or wrong key, a foreign Host, a cross-site request and a late one', async () => {
    const url = await exportUrl()
    const [path] = url.split('?')
    expect((await get(path!)).status).toBe(404)
    expect((await get(`${path}?key=${'A'.repeat(43)}`)).status).toBe(404)
    expect((await get(url, { host: `evil.example:${server.port}` })).status).toBe(421)
    expect((await get(url, { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    // None of those used it up.
    expect((await get(url)).status).toBe(200)

    const late = await exportUrl()
    clock += 3 * 60 * 1000
    expect((await get(late)).status).toBe(404)
  })

  it('serves the HTML summary inline, sandboxed under the summary CSP', async () => {
    const result = await call('logs.openReport', { jobId: 'job-1' })
    const response = await get(result.value!['url']!)
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['content-disposition']).toMatch(/^inline; filename="summary.html"/)
    expect(response.headers['content-security-policy']).toMatch(
      /^default-src 'none'; style-src 'unsafe-inline'.*; sandbox$/,
    )
    expect(response.body.toString()).toContain('<title>Summary</title>')
  })

  it('gives non-ASCII file names an ASCII fallback and the exact name', () => {
    expect(contentDisposition('attachment', 'résumé "1".log')).toBe(
      'attachment; filename="r_sum_ _1_.log"; filename*=UTF-8\'\'r%C3%A9sum%C3%A9%20%221%22.log',
    )
  })
})
