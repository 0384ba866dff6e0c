import { mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { CONTENT_SECURITY_POLICY } from '../common/csp'
import { stubHandlers } from '../ipc/handlers/test-support'
import { createRouter } from '../ipc/router'
import { startWebServer, type WebServer } from './server'
import { testAppInfo } from '../../test/fixtures/app-info'

const info = testAppInfo('browser')
const TOKEN = 'test-token-0123456789'

let server: WebServer

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'web-'))
  writeFileSync(join(dir, 'index.html'), '<html>app</html>')
  server = await startWebServer({
    router: createRouter(stubHandlers({ 'app.info': () => info })),
    rendererDir: dir,
    token: TOKEN,
  })
})
afterAll(() => server.close())

/** Opens a socket and resolves with the first message, or rejects with the handshake status. */
function connect(options: { token?: string; origin?: string; host?: string }): Promise<WebSocket> {
  const origin = options.origin ?? `http://127.0.0.1:${server.port}`
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${options.token ?? TOKEN}`, {
    origin,
    headers: options.host ? { host: options.host } : {},
  })
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

function get(
  path: string,
  host?: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, headers: host ? { host } : {} },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

describe('browser mode server', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`)
  })

  it('serves the renderer with the CSP header', async () => {
    const response = await get('/')
    expect(response.status).toBe(200)
    expect(response.body).toContain('app')
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
  })

  it('refuses a request naming another host (DNS rebinding)', async () => {
    expect((await get('/', 'evil.example:80')).status).toBe(421)
  })

  it('carries the IPC contract over the socket', async () => {
    const ws = await connect({})
    const reply = new Promise<unknown>((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse(String(data)))),
    )
    ws.send(JSON.stringify({ type: 'call', id: 7, channel: 'app.info' }))
    expect(await reply).toEqual({ type: 'reply', id: 7, result: { ok: true, value: info } })
    ws.close()
  })

  it('answers an invalid input with VALIDATION', async () => {
    const ws = await connect({})
    const reply = new Promise<unknown>((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse(String(data)))),
    )
    ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'app.info', input: { x: 1 } }))
    expect(await reply).toMatchObject({ id: 1, result: { ok: false, error: { code: 'VALIDATION' } } })
    ws.close()
  })

  it('refuses a wrong token', async () => {
    await expect(connect({ token: 'wrong' })).rejects.toThrow('HTTP 403')
    await expect(connect({ token: '' })).rejects.toThrow('HTTP 403')
  })

  it('refuses a foreign Origin even with the right token', async () => {
    await expect(connect({ origin: 'https://evil.example' })).rejects.toThrow('HTTP 403')
    await expect(connect({ origin: `http://127.0.0.1:${server.port + 1}` })).rejects.toThrow('HTTP 403')
  })

  it('refuses a socket whose Host is not this server', async () => {
    await expect(connect({ host: 'evil.example' })).rejects.toThrow('HTTP 403')
  })

  it('pushes events to connected pages', async () => {
    const ws = await connect({})
    const pushed = new Promise<unknown>((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse(String(data)))),
    )
    server.broadcast('job.state', { id: 'j1' })
    expect(await pushed).toEqual({ type: 'event', event: 'job.state', payload: { id: 'j1' } })
    ws.close()
  })
})
