import { unlink, writeFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import type { JobState } from '../jobs/job-manager-types'
import { LogService } from './log-service'
import {
  appendText,
  logLine,
  noPause,
  sampleLevel,
  sampleLines,
  tempLogDir,
  writeLines,
} from './test-support'
import type { LogJob, LogJobs } from './types'

let temp: ReturnType<typeof tempLogDir>
let jobs: Map<string, LogJob>
let service: LogService

function job(id: string, state: JobState, logFile: string | null, reports = false): LogJob {
  const dir = temp.dir
  return {
    id,
    name: `Run ${id}`,
    state,
    outcome: state === 'done' ? 'completed' : null,
    createdAt: '2030-01-02T03:04:05.000Z',
    startedAt: '2030-01-02T03:04:06.000Z',
    finishedAt: state === 'running' ? null : '2030-01-02T03:05:00.000Z',
    logFile,
    reports: reports ? { json: `${dir}/r.json`, csv: `${dir}/r.csv`, html: `${dir}/r.html` } : null,
  } as LogJob
}

const history: LogJobs = {
  list: () => [...jobs.values()].reverse(),
  get: (id) => {
    const found = jobs.get(id)
    if (!found) throw new AppError('NOT_FOUND', `There is no job ${id}.`)
    return found
  },
}

beforeEach(() => {
  temp = tempLogDir()
  jobs = new Map()
  service = new LogService({ jobs: () => history, pause: noPause })
})
afterEach(() => temp.cleanup())

const N = 1000
const errorLines = Array.from({ length: N }, (_, i) => i).filter((i) => sampleLevel(i) === 'error')

async function finishedRun(id = 'a', count = N): Promise<string> {
  const path = temp.file(`${id}.log`)
  await writeLines(path, sampleLines(count))
  jobs.set(id, job(id, 'done', path))
  return path
}

describe('LogService.list', () => {
  it('lists runs newest first with the log file name and size, never its folder', async () => {
    const path = await finishedRun('old', 3)
    jobs.set('new', job('new', 'queued', null))
    jobs.set('gone', job('gone', 'failed', temp.file('gone.log')))
    const runs = await service.list()
    expect(runs.map((r) => [r.jobId, r.fileName, r.bytes])).toEqual([
      ['gone', 'gone.log', null],
      ['new', null, null],
      ['old', 'old.log', Buffer.byteLength(sampleLines(3).join('\n') + '\n')],
    ])
    expect(JSON.stringify(runs)).not.toContain(temp.dir)
    expect(path).toContain(temp.dir)
  })
})

describe('LogService.read', () => {
  it('pages the whole log by line number', async () => {
    await finishedRun()
    const page = await service.read({ jobId: 'a', from: 990, count: 50 })
    expect(page).toMatchObject({ from: 990, total: N, rows: N, matched: null, fileName: 'a.log' })
    expect(page.lines).toHaveLength(10)
    expect(page.lines[0]).toEqual({
      n: 990,
      text: sampleLines(1, 990)[0],
      level: sampleLevel(990),
      at: expect.stringMatching(/^2030-01-02 \d\d:\d\d:\d\d,000$/),
    })
  })

  it('filters by level and counts what the search finds among them', async () => {
    await finishedRun()
    const page = await service.read({
      jobId: 'a',
      from: 0,
      count: 5,
      levels: ['error'],
      search: 'PHOTOS/00001',
    })
    expect(page.rows).toBe(errorLines.length)
    expect(page.lines.map((l) => l.n)).toEqual(errorLines.slice(0, 5))
    expect(page.lines.every((l) => l.level === 'error')).toBe(true)
    // Errors among lines 100–199 (the search is case-insensitive).
    expect(page.matched).toBe(errorLines.filter((n) => n >= 100 && n < 200).length)
  })

  it('shows only the matching lines when asked, in file order', async () => {
    await finishedRun()
    const page = await service.read({ jobId: 'a', from: 2, count: 3, search: '0000042', onlyMatches: true })
    expect(page.rows).toBe(1)
    expect(page.matched).toBe(1)
    expect(page.lines).toEqual([])
    const first = await service.read({ jobId: 'a', from: 0, count: 3, search: '/000004', onlyMatches: true })
    expect(first.lines.map((l) => l.n)).toEqual([40, 41, 42])
    expect(first.rows).toBe(10)
  })

  it('refuses to page a run without a log, or an unknown run', async () => {
    jobs.set('q', job('q', 'queued', null))
    await expect(service.read({ jobId: 'q', from: 0, count: 10 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(service.read({ jobId: 'zz', from: 0, count: 10 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('follows a running job: appended lines show up, filters and searches extend', async () => {
    const path = temp.file('live.log')
    await writeLines(path, sampleLines(100))
    jobs.set('live', job('live', 'running', path))
    const before = await service.read({
      jobId: 'live',
      from: 0,
      count: 1,
      levels: ['error'],
      search: 'photos',
    })
    expect([before.total, before.rows, before.matched]).toEqual([100, 4, 4])

    await appendText(path, sampleLines(100, 100).join('\n') + '\n' + logLine(200, 'error', 'half'))
    const stats = await service.refresh('live')
    expect(stats).toMatchObject({ lines: 201, changed: true })
    const after = await service.read({
      jobId: 'live',
      from: 0,
      count: 1,
      levels: ['error'],
      search: 'photos',
    })
    // The half-written last line is shown unfiltered, and joins filters once complete.
    expect([after.total, after.rows, after.matched]).toEqual([201, 8, 8])

    jobs.set('live', job('live', 'failed', path))
    const final = await service.read({ jobId: 'live', from: 0, count: 10, levels: ['error'] })
    expect([final.total, final.rows]).toEqual([201, 9])
  })
})

describe('LogService.find', () => {
  it('jumps from error to error, both ways, and says when there is none', async () => {
    await finishedRun()
    const next = await service.find({ jobId: 'a', from: 24, direction: 'next', target: 'error' })
    expect(next).toEqual({ row: 49, n: 49, match: null })
    const previous = await service.find({ jobId: 'a', from: 49, direction: 'previous', target: 'error' })
    expect(previous.row).toBe(24)
    const first = await service.find({ jobId: 'a', from: -1, direction: 'next', target: 'error' })
    expect(first.row).toBe(24)
    const none = await service.find({
      jobId: 'a',
      from: errorLines.at(-1)!,
      direction: 'next',
      target: 'error',
    })
    expect(none).toEqual({ row: null, n: null, match: null })
  })

  it('finds errors by row inside a filtered view, and none when errors are filtered out', async () => {
    await finishedRun()
    const view = { levels: ['warn', 'error'] as ('warn' | 'error')[] }
    const found = await service.find({ jobId: 'a', ...view, from: -1, direction: 'next', target: 'error' })
    const page = await service.read({ jobId: 'a', ...view, from: found.row!, count: 1 })
    expect(page.lines[0]?.n).toBe(24)
    expect(
      await service.find({ jobId: 'a', levels: ['info'], from: -1, direction: 'next', target: 'error' }),
    ).toEqual({ row: null, n: null, match: null })
  })

  it('steps through the matches of a search and maps them to rows of the view', async () => {
    await finishedRun()
    const search = { search: 'photos/00001', levels: ['info', 'error'] as ('info' | 'error')[] }
    const first = await service.find({ jobId: 'a', ...search, from: -1, direction: 'next', target: 'match' })
    const page = await service.read({ jobId: 'a', ...search, from: first.row!, count: 1 })
    expect(page.lines[0]?.n).toBe(first.n)
    expect(first.n).toBe(100)
    expect(first.match).toBe(0)
    const second = await service.find({
      jobId: 'a',
      ...search,
      from: first.row!,
      direction: 'next',
      target: 'match',
    })
    // 101 is a DEBUG line, outside the view.
    expect([second.n, second.match]).toEqual([102, 1])
    const last = await service.find({
      jobId: 'a',
      ...search,
      from: 10_000,
      direction: 'previous',
      target: 'match',
    })
    expect(last.n).toBe(199)
    expect(last.match).toBe(page.matched! - 1)
  })

  it('asks for search text before looking for a match', async () => {
    await finishedRun()
    await expect(
      service.find({ jobId: 'a', from: 0, direction: 'next', target: 'match' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', field: 'search' })
  })
})

describe('LogService.file', () => {
  it('resolves a run to its log or report file by job id, NOT_FOUND when there is none', async () => {
    const path = await finishedRun()
    await expect(service.file('a', 'log')).resolves.toEqual({
      path,
      fileName: 'a.log',
      contentType: 'text/plain; charset=utf-8',
    })
    await expect(service.file('a', 'html')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: /HTML summary/,
    })
    jobs.set('r', job('r', 'done', path, true))
    await writeFile(temp.file('r.csv'), 'key\n')
    await expect(service.file('r', 'csv')).resolves.toMatchObject({ fileName: 'r.csv' })
    await expect(service.file('r', 'json')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: /no longer on disk/,
    })
    await unlink(path)
    await expect(service.file('a', 'log')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
