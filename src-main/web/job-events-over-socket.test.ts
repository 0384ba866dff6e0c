import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { JobManager } from '../core/jobs/job-manager'
import { FakeManagerClock, fakeRunners, fakeSpec } from '../core/jobs/job-manager-fakes'
import { stubHandlers } from '../ipc/handlers/test-support'
import { forwardJobEvents } from '../ipc/job-events'
import { createRouter } from '../ipc/router'
import { startWebServer, type WebServer } from './server'

const TOKEN = 'job-events-token-0123456789abcdef'

let server: WebServer
let manager: JobManager
let dir: string
const fakes = fakeRunners()

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'web-jobs-'))
  writeFileSync(join(dir, 'index.html'), '<html>app</html>')
  manager = await JobManager.open({
    historyDir: join(dir, 'history'),
    tool: { name: 'swift2s3', version: 'test' },
    startedBy: 'tester@host',
    runJob: fakes.factory,
    clock: new FakeManagerClock(),
  })
  server = await startWebServer({ router: createRouter(stubHandlers({})), rendererDir: dir, token: TOKEN })
  forwardJobEvents(manager, (event, payload) => server.broadcast(event, payload))
})

afterAll(async () => {
  await Promise.all([server.close(), manager.close()])
  rmSync(dir, { recursive: true, force: true })
})

describe('job events over the browser-mode socket', () => {
  it('reach a connected page, without secrets', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${TOKEN}`, {
      origin: `http://127.0.0.1:${server.port}`,
    })
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    const frames: string[] = []
    const credentialsAsked = new Promise<void>((resolve) => {
      ws.on('message', (data) => {
        frames.push(String(data))
        if (String(data).includes('job.credentialsRequired')) resolve()
      })
    })

    const { id } = manager.start({ spec: fakeSpec(), name: 'Nightly' })
    fakes.runners[0]?.emit({ type: 'credentials-required', reason: 'The S3 keys expired.', key: 'a.jpg' })
    await credentialsAsked
    ws.close()

    const events = frames.map(
      (frame) => JSON.parse(frame) as { type: string; event: string; payload: unknown },
    )
    expect(events[0]).toMatchObject({ type: 'event', event: 'job.state', payload: { id, name: 'Nightly' } })
    expect(events.find((e) => e.event === 'job.credentialsRequired')).toEqual({
      type: 'event',
      event: 'job.credentialsRequired',
      payload: { id, reason: 'The S3 keys expired.' },
    })
    for (const secret of ['swift-secret', 's3-secret', 's3-session']) {
      expect(frames.join('\n')).not.toContain(secret)
    }
  })
})
