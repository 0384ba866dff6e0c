import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BrowserWindow } from 'electron'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { JobManager } from '../core/jobs/job-manager'
import { FakeManagerClock, fakeRunners, fakeSnapshot, fakeSpec } from '../core/jobs/job-manager-fakes'
import { sendToAllWindows } from './electron-ipc'
import { forwardJobEvents } from './job-events'
import type { BrowserWindow as FakeBrowserWindow } from '../../test/mocks/electron'

// `electron` is the shell project's mock here; its type is Electron's.
const Windows = BrowserWindow as unknown as typeof FakeBrowserWindow

let dir: string
let manager: JobManager
let clock: FakeManagerClock
let fakes: ReturnType<typeof fakeRunners>

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'job-events-'))
  clock = new FakeManagerClock()
  fakes = fakeRunners()
  manager = await JobManager.open({
    historyDir: dir,
    tool: { name: 'swift2s3', version: 'test' },
    startedBy: 'tester@host',
    runJob: fakes.factory,
    clock,
  })
})

afterEach(async () => {
  await manager.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('job events', () => {
  it('reach every open window under the contract names, without secrets', () => {
    Windows.created.length = 0
    const windows = [new Windows({}), new Windows({})]
    const stop = forwardJobEvents(manager, sendToAllWindows)

    const { id } = manager.start({ spec: fakeSpec(), name: 'Nightly' })
    const runner = fakes.runners[0]!
    runner.current = fakeSnapshot(1, 3)
    runner.emit({ type: 'object-copied', key: 'a.jpg', bytes: 100, multipart: false, attempts: 1 })
    runner.emit({ type: 'credentials-required', reason: 'The S3 keys expired.', key: 'b.jpg' })
    clock.advance(5_000)
    stop()

    for (const window of windows) {
      const sent = window.webContents.send.mock.calls as [string, { id?: string }][]
      const names = new Set(sent.map(([name]) => name))
      expect(names).toEqual(new Set(['job.state', 'job.progress', 'job.credentialsRequired']))
      expect(sent.find(([name]) => name === 'job.state')?.[1]).toMatchObject({ id, name: 'Nightly' })
      expect(sent.find(([name]) => name === 'job.credentialsRequired')?.[1]).toEqual({
        id,
        reason: 'The S3 keys expired.',
      })
      const text = JSON.stringify(sent)
      for (const secret of ['swift-secret', 's3-secret', 's3-session']) expect(text).not.toContain(secret)
    }
  })

  it('skip a window that is gone', () => {
    Windows.created.length = 0
    const closed = new Windows({})
    closed.isDestroyed.mockReturnValue(true)
    sendToAllWindows('job.credentialsRequired', { id: 'j', reason: 'expired' })
    expect(closed.webContents.send).not.toHaveBeenCalled()
  })
})
