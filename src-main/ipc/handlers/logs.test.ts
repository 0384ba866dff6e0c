import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dialog, shell } from 'electron'
import { afterEach, beforeEach, describe, expect, it, type Mock } from 'vitest'
import type { InvokeChannel, InvokeOutput } from '../../../src-preload/contract/channels'
import type { Result } from '../../../src-preload/contract/result'
import { electronFileOffer } from '../../adapters/file-offer'
import { AppError } from '../../core/errors'
import { LogService, type LogJob, type LogJobs } from '../../core/logs'
import { createRouter } from '../router'
import { logHandlers } from './logs'
import { stubHandlers, valueOf } from './test-support'

// `electron` is the shell project's mock here.
const showSaveDialog = dialog.showSaveDialog as unknown as Mock
const openPath = shell.openPath as unknown as Mock

let dir: string
let logPath: string
let jobs: Map<string, LogJob>

const LINES = [
  '2030-01-02 03:04:05,000 - swift2s3 - INFO - Starting the copy of photos',
  '2030-01-02 03:04:06,000 - swift2s3 - ERROR - Failed photos/a.jpg reason="Connection reset"',
  '2030-01-02 03:04:07,000 - swift2s3 - INFO - Done',
]

const history: LogJobs = {
  list: () => [...jobs.values()],
  get: (id) => {
    const job = jobs.get(id)
    if (!job) throw new AppError('NOT_FOUND', `There is no job ${id}.`)
    return job
  },
}

function router() {
  const service = new LogService({ jobs: () => history })
  const files = electronFileOffer(() => null)
  const dispatch = createRouter(stubHandlers(logHandlers({ service, files })))
  return <C extends InvokeChannel>(channel: C, input?: unknown) =>
    dispatch.dispatch(channel, input) as Promise<Result<InvokeOutput<C>>>
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ipc-logs-'))
  logPath = join(dir, '2030-01-02-_03-04-05_photos_to_archive.log')
  writeFileSync(logPath, LINES.join('\n') + '\n')
  writeFileSync(join(dir, 'report.html'), '<!doctype html><title>Summary</title>')
  jobs = new Map([
    [
      'job-1',
      {
        id: 'job-1',
        name: 'Photos',
        state: 'done',
        createdAt: '2030-01-02T02:04:05.000Z',
        startedAt: '2030-01-02T02:04:05.000Z',
        finishedAt: '2030-01-02T02:05:05.000Z',
        logFile: logPath,
        reports: {
          json: join(dir, 'report.json'),
          csv: join(dir, 'report.csv'),
          html: join(dir, 'report.html'),
        },
      } as LogJob,
    ],
  ])
  showSaveDialog.mockReset()
  openPath.mockReset()
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('logs.* channels', () => {
  it('list runs by job id with file names only, never a folder', async () => {
    const call = router()
    const runs = valueOf(await call('logs.list'))
    expect(runs).toEqual([
      expect.objectContaining({
        jobId: 'job-1',
        fileName: '2030-01-02-_03-04-05_photos_to_archive.log',
        bytes: readFileSync(logPath).length,
        reports: true,
      }),
    ])
    expect(JSON.stringify(runs)).not.toContain(dir)
  })

  it('read a filtered page and find the next error', async () => {
    const call = router()
    const page = valueOf(await call('logs.read', { jobId: 'job-1', from: 0, count: 10, levels: ['error'] }))
    expect(page).toMatchObject({ total: 3, rows: 1, lines: [{ n: 1, level: 'error', text: LINES[1] }] })
    const found = valueOf(
      await call('logs.find', { jobId: 'job-1', from: -1, direction: 'next', target: 'error' }),
    )
    expect(found).toEqual({ row: 1, n: 1, match: null })
  })

  it('refuse a path, an oversized page or a bad level, naming the field', async () => {
    const call = router()
    const withPath = await call('logs.read', { jobId: 'job-1', from: 0, count: 10, path: '/etc/passwd' })
    expect(withPath).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'path' } })
    const big = await call('logs.read', { jobId: 'job-1', from: 0, count: 5000 })
    expect(big).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'count' } })
    const level = await call('logs.read', { jobId: 'job-1', from: 0, count: 5, levels: ['fatal'] })
    expect(level).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'levels.0' } })
    const exportPath = await call('logs.export', { jobId: 'job-1', what: 'log', to: '/tmp/x.log' })
    expect(exportPath).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'to' } })
  })

  it('an unknown run is NOT_FOUND', async () => {
    const call = router()
    expect(await call('logs.read', { jobId: 'nope', from: 0, count: 1 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})

describe('logs.export in the desktop app', () => {
  it("copies the log where the user chose in main's save dialog and answers with the file name only", async () => {
    mkdirSync(join(dir, 'exported'))
    const target = join(dir, 'exported', 'my-copy.log')
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: target })

    const result = valueOf(await router()('logs.export', { jobId: 'job-1', what: 'log' }))
    expect(result).toEqual({ saved: 'my-copy.log' })
    expect(readFileSync(target)).toEqual(readFileSync(logPath))
    const options = showSaveDialog.mock.calls[0]?.[0] as { defaultPath: string; filters: { name: string }[] }
    expect(options.defaultPath).toMatch(/2030-01-02-_03-04-05_photos_to_archive\.log$/)
    expect(options.filters[0]?.name).toBe('Log files')
  })

  it('says cancelled when the dialog is dismissed, and writes nothing', async () => {
    showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' })
    expect(valueOf(await router()('logs.export', { jobId: 'job-1', what: 'log' }))).toEqual({
      cancelled: true,
    })
  })

  it('does not copy a file onto itself', async () => {
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: logPath })
    const before = readFileSync(logPath)
    expect(valueOf(await router()('logs.export', { jobId: 'job-1', what: 'log' }))).toEqual({
      saved: '2030-01-02-_03-04-05_photos_to_archive.log',
    })
    expect(readFileSync(logPath)).toEqual(before)
  })

  it('refuses a report the run does not have, before any dialog opens', async () => {
    const result = await router()('logs.export', { jobId: 'job-1', what: 'csv' })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: /report\.csv/ } })
    expect(showSaveDialog).not.toHaveBeenCalled()
  })

  it('opens the HTML summary in the system browser, and reports a failure to', async () => {
    openPath.mockResolvedValue('')
    expect(valueOf(await router()('logs.openReport', { jobId: 'job-1' }))).toEqual({ opened: true })
    expect(openPath).toHaveBeenCalledWith(realpathSync(join(dir, 'report.html')))
    openPath.mockResolvedValue('No application knows this file type')
    expect(await router()('logs.openReport', { jobId: 'job-1' })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringContaining('No application') },
    })
  })

  it('opens nothing but an HTML file, whatever an edited history names as the report', async () => {
    writeFileSync(join(dir, 'evil.sh'), '#!/bin/sh\necho pwned\n')
    symlinkSync(join(dir, 'evil.sh'), join(dir, 'linked.html'))
    mkdirSync(join(dir, 'folder.html'))
    const report = (html: string) => ({ ...jobs.get('job-1')!, reports: { json: '', csv: '', html } })
    for (const html of [join(dir, 'evil.sh'), join(dir, 'linked.html')]) {
      jobs.set('job-1', report(html) as LogJob)
      expect(await router()('logs.openReport', { jobId: 'job-1' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('is not an HTML report') },
      })
    }
    jobs.set('job-1', report(join(dir, 'folder.html')) as LogJob)
    expect(await router()('logs.openReport', { jobId: 'job-1' })).toMatchObject({ ok: false })
    expect(openPath).not.toHaveBeenCalled()
  })
})
