import { mkdtempSync, rmSync } from 'node:fs'
import { appendFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EventChannel, EventPayload } from '../../src-preload/contract/channels'
import { JobManager } from '../core/jobs/job-manager'
import { FakeManagerClock, fakeOutcome, fakeRunners, fakeSpec } from '../core/jobs/job-manager-fakes'
import { LogService } from '../core/logs'
import { forwardLogEvents } from './log-events'

let dir: string
let manager: JobManager
let clock: FakeManagerClock
let fakes: ReturnType<typeof fakeRunners>
let sent: { event: EventChannel; payload: EventPayload<EventChannel> }[]
let stop: () => void

const line = (i: number, level = 'INFO') => `2030-01-02 03:04:05,000 - swift2s3 - ${level} - line ${i}\n`

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'log-events-'))
  clock = new FakeManagerClock()
  fakes = fakeRunners()
  manager = await JobManager.open({
    historyDir: dir,
    tool: { name: 'swift2s3', version: 'test' },
    startedBy: 'tester@host',
    runJob: fakes.factory,
    clock,
  })
  sent = []
  const logs = new LogService({ jobs: () => manager })
  stop = forwardLogEvents(manager, logs, (event, payload) => sent.push({ event, payload }), { delayMs: 20 })
})

afterEach(async () => {
  stop()
  await manager.close()
  rmSync(dir, { recursive: true, force: true })
})

const appended = () => sent.filter((s) => s.event === 'log.appended').map((s) => s.payload)

describe('log.appended', () => {
  it('tells the pages how many lines a running job has written, bursts coalesced, repeats dropped', async () => {
    const path = join(dir, 'run.log')
    await writeFile(path, line(0))
    const { id } = manager.start({ spec: fakeSpec(), name: 'Nightly' })
    const runner = fakes.runners[0]!
    runner.logPath = path

    runner.logLine()
    await vi.waitFor(() => expect(appended()).toEqual([{ jobId: id, lines: 1, bytes: line(0).length }]))

    // Many lines in a burst: one event with the total once they are on disk.
    for (let i = 1; i <= 5; i++) {
      await appendFile(path, line(i))
      runner.logLine()
      clock.advance(600)
    }
    await vi.waitFor(() => expect(appended().at(-1)).toMatchObject({ jobId: id, lines: 6 }))
    const count = appended().length
    expect(count).toBeLessThanOrEqual(3)

    // Told again with nothing new on disk: nothing is sent.
    clock.advance(600)
    runner.logLine()
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(appended()).toHaveLength(count)
  })

  it('sends the final count when the run ends, its last line counted even without a newline', async () => {
    const path = join(dir, 'run.log')
    await writeFile(path, line(0))
    const { id } = manager.start({ spec: fakeSpec(), name: 'Nightly' })
    const runner = fakes.runners[0]!
    runner.logPath = path
    runner.logLine()
    await vi.waitFor(() => expect(appended()).toHaveLength(1))

    await appendFile(path, line(1, 'ERROR').trimEnd())
    runner.finish({ ...fakeOutcome(1, 'failed'), logFile: path })
    await manager.settled(id)
    await vi.waitFor(() =>
      expect(appended().at(-1)).toEqual({
        jobId: id,
        lines: 2,
        bytes: (line(0) + line(1, 'ERROR')).length - 1,
      }),
    )
  })

  it('stays quiet for runs it never saw writing, and stops when unsubscribed', async () => {
    const { id } = manager.start({ spec: fakeSpec(), name: 'Quiet' })
    manager.cancel(id)
    fakes.runners[0]!.finish({ ...fakeOutcome(130, 'cancelled'), logFile: join(dir, 'none.log') })
    await manager.settled(id)
    stop()
    const path = join(dir, 'late.log')
    await writeFile(path, line(0))
    const second = manager.start({ spec: fakeSpec(), name: 'Later' })
    fakes.runners[1]!.logPath = path
    fakes.runners[1]!.logLine()
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(appended()).toEqual([])
    expect(second.id).not.toBe(id)
  })
})
