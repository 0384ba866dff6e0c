import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { MemoryVault } from '../core/secrets'
import { createHandlers, lazyProfileStore } from '../ipc/handlers'
import { noJobs, tempSettings } from '../ipc/handlers/test-support'
import { createRouter } from '../ipc/router'
import { startWebServer, type WebServer } from './server'
import { testAppInfo } from '../../test/fixtures/app-info'

const TOKEN = 'profiles-token-0123456789'
const SECRET = 'tempauth-key-Vb5n'

let server: WebServer
const vault = new MemoryVault()

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'web-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<html>app</html>')
  const dataDir = mkdtempSync(join(tmpdir(), 'web-data-'))
  const handlers = createHandlers({
    info: testAppInfo('browser'),
    profiles: lazyProfileStore(dataDir),
    vault,
    jobs: noJobs,
    settings: tempSettings(dataDir),
  })
  server = await startWebServer({ router: createRouter(handlers), rendererDir, token: TOKEN })
})
afterAll(() => server.close())

/** A page's socket, with calls answered in order of their ids. */
async function page(): Promise<{
  call: (channel: string, input?: unknown) => Promise<string>
  close: () => void
}> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${TOKEN}`, {
    origin: `http://127.0.0.1:${server.port}`,
  })
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  let nextId = 1
  const waiting = new Map<number, (raw: string) => void>()
  ws.on('message', (data) => {
    const raw = String(data)
    const { id } = JSON.parse(raw) as { id: number }
    waiting.get(id)?.(raw)
  })
  return {
    call: (channel, input) =>
      new Promise((resolve) => {
        const id = nextId++
        waiting.set(id, resolve)
        ws.send(JSON.stringify({ type: 'call', id, channel, input }))
      }),
    close: () => ws.close(),
  }
}

describe('profiles over the browser-mode socket', () => {
  it('saves a profile with its secret and lists it, the secret never coming back over the wire', async () => {
    const { call, close } = await page()
    const saved = await call('profiles.save', {
      kind: 'swift',
      record: {
        name: 'Loopback',
        auth: { type: 'v1', authUrl: 'http://127.0.0.1:8080/auth/v1.0', user: 'test:tester' },
      },
      secrets: { key: SECRET },
    })
    const listed = await call('profiles.list')
    close()

    for (const frame of [saved, listed]) expect(frame).not.toContain(SECRET)
    const reply = JSON.parse(saved) as {
      result: { ok: boolean; value: { entry: { record: { id: string } } } }
    }
    expect(reply).toMatchObject({ type: 'reply', id: 1, result: { ok: true } })
    expect(await vault.get(`profile:${reply.result.value.entry.record.id}:key`)).toBe(SECRET)
    expect(JSON.parse(listed)).toMatchObject({
      type: 'reply',
      id: 2,
      result: {
        ok: true,
        value: {
          swift: [
            {
              kind: 'swift',
              record: { name: 'Loopback', auth: { type: 'v1', user: 'test:tester' } },
              secrets: [{ field: 'key', status: 'session' }],
            },
          ],
          s3: [],
          jobs: [],
        },
      },
    })
  })
})
