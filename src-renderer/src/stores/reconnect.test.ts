import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { JobSummary } from '../../../src-preload/contract/jobs'
import type { LogPage, LogRun } from '../../../src-preload/contract/logs'
import type { Schedule } from '../../../src-preload/contract/schedules'
import { fakeWebSocketServer } from '../../test/fake-web-socket'
import { detail, progress, summary } from '../features/job/test-support'
import { setApi } from '../ipc/bridge'
import { createWebSocketApi } from '../ipc/web-socket-api'
import { loadJobDetail, loadJobs, resetJobsStore, useJobsStore } from './jobs'
import { followLogEvents, loadRuns, openRun, useLogs } from './logs'
import { loadSchedules, resetSchedules, useSchedules } from './schedules'

/** What main holds; the test changes it while the page is cut off, as main would go on working. */
const main = {
  jobs: [] as JobSummary[],
  schedules: [] as Schedule[],
  logLines: 3,
}

const schedule = (name: string) => ({ id: `s-${name}`, name }) as unknown as Schedule

function logPage(from: number): LogPage {
  const lines = Array.from({ length: Math.max(0, main.logLines - from) }, (_, i) => ({
    n: from + i,
    text: `line ${from + i}`,
    level: 'info',
  }))
  return {
    jobId: 'j1',
    from,
    lines,
    total: main.logLines,
    rows: main.logLines,
    matched: null,
    fileName: 'run.log',
    bytes: main.logLines * 10,
  } as unknown as LogPage
}

const run = { jobId: 'j1', name: 'Photos', state: 'running', fileName: 'run.log', bytes: 30 } as LogRun

function setup() {
  main.jobs = [summary({ id: 'j1', state: 'running' }), summary({ id: 'j0', state: 'done' })]
  main.schedules = [schedule('Nightly')]
  main.logLines = 3
  const server = fakeWebSocketServer({
    'jobs.list': () => main.jobs,
    'jobs.get': ({ id }) => ({ ...detail(), ...main.jobs.find((j) => j.id === id)! }),
    'schedules.list': () => main.schedules,
    'schedules.windows.get': () => ({ timeZone: 'UTC', windows: [] }),
    'logs.list': () => [run],
    'logs.read': ({ from }) => logPage(from ?? 0),
  })
  vi.stubGlobal('WebSocket', server.WebSocket)
  setApi(createWebSocketApi('ws://127.0.0.1/ws?token=t'))
  server.latest().accept()
  /** The connection drops; `meanwhile` changes main while the page hears nothing; then it comes back. */
  const cutOff = async (meanwhile: () => void) => {
    server.latest().drop()
    meanwhile()
    vi.advanceTimersByTime(250)
    server.latest().accept()
  }
  return { server, cutOff }
}

/** Lets the replies (a microtask each) and what the stores do with them run. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }))
afterEach(() => {
  resetJobsStore()
  resetSchedules()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('after browser mode loses its connection and gets it back', () => {
  it('the jobs store lists the runs again, and reloads the detail of the runs it follows', async () => {
    const { server, cutOff } = setup()
    await loadJobs()
    await loadJobDetail('j1')
    expect(useJobsStore.getState().list.find((j) => j.id === 'j1')?.state).toBe('running')
    server.calls.length = 0

    // The run ended while the page was cut off: its job.state push never came.
    await cutOff(() => {
      main.jobs = [
        summary({ id: 'j1', state: 'done', outcome: 'completed' }),
        summary({ id: 'j0', state: 'done' }),
      ]
    })
    await settle()
    expect(useJobsStore.getState().list.find((j) => j.id === 'j1')).toMatchObject({
      state: 'done',
      outcome: 'completed',
    })
    expect(useJobsStore.getState().status).toBe('ready')
    // Only the run followed and under way is asked for again; a finished one cannot have changed.
    expect(server.calls).toEqual([
      { channel: 'jobs.list', input: undefined },
      { channel: 'jobs.get', input: { id: 'j1' } },
    ])
  })

  it('the jobs store recovers from a first load that failed because the server was not there', async () => {
    const server = fakeWebSocketServer({ 'jobs.list': () => [summary({ id: 'j1' })] })
    vi.stubGlobal('WebSocket', server.WebSocket)
    setApi(createWebSocketApi('ws://127.0.0.1/ws?token=t'))
    const loading = loadJobs()
    server.latest().drop()
    await loading
    expect(useJobsStore.getState().status).toBe('error')
    vi.advanceTimersByTime(250)
    server.latest().accept()
    await settle()
    expect(useJobsStore.getState()).toMatchObject({ status: 'ready', error: null })
    expect(useJobsStore.getState().list.map((j) => j.id)).toEqual(['j1'])
  })

  it('keeps the progress pushes flowing into the same store after the reconnect', async () => {
    const { server, cutOff } = setup()
    await loadJobs()
    await cutOff(() => undefined)
    await settle()
    server.push('job.progress', { id: 'j1', progress: progress({ rate: 42 }) })
    expect(useJobsStore.getState().progress['j1']?.rate).toBe(42)
  })

  it('the schedules store lists the schedules again, keeping the list on screen meanwhile', async () => {
    const { server, cutOff } = setup()
    await loadSchedules()
    expect(useSchedules.getState().list.map((s) => s.name)).toEqual(['Nightly'])
    server.calls.length = 0
    const statuses: string[] = []
    const off = useSchedules.subscribe((state) => statuses.push(state.status))
    await cutOff(() => {
      main.schedules = [schedule('Nightly'), schedule('Weekly')]
    })
    await settle()
    off()
    expect(useSchedules.getState().list.map((s) => s.name)).toEqual(['Nightly', 'Weekly'])
    expect(statuses).not.toContain('loading')
    expect(server.channels()).toContain('schedules.list')
  })

  it('the Logs screen lists the runs again and reads the end of the open log, grown meanwhile', async () => {
    const { server, cutOff } = setup()
    const stop = followLogEvents()
    await loadRuns()
    openRun('j1')
    await settle()
    expect(useLogs.getState().info?.rows).toBe(3)
    server.calls.length = 0
    await cutOff(() => {
      main.logLines = 5
    })
    await settle()
    expect(server.channels()).toEqual(expect.arrayContaining(['logs.list', 'logs.read']))
    expect(useLogs.getState().info?.rows).toBe(5)

    // Once the screen is left it no longer follows.
    stop()
    server.calls.length = 0
    await cutOff(() => undefined)
    await settle()
    expect(server.channels()).not.toContain('logs.list')
    openRun(null)
  })
})
