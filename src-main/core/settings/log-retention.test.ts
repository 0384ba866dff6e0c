import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { pruneRunFiles, startLogRetention, type RetentionRun, type RetentionTimers } from './log-retention'

const NOW = Date.parse('2030-06-30T12:00:00Z')
const DAY = 24 * 60 * 60 * 1000

let root: string
let logs: string

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'log-retention-'))
  logs = join(root, 'logs')
  mkdirSync(logs)
})

afterEach(() => rmSync(root, { recursive: true, force: true }))

/** A run with its log and three reports on disk, finished `daysAgo` days before NOW. */
function run(stem: string, daysAgo: number, state = 'done', dir = logs): RetentionRun {
  const at = new Date(NOW - daysAgo * DAY).toISOString()
  const path = (ext: string): string => join(dir, `${stem}.${ext}`)
  mkdirSync(dir, { recursive: true })
  for (const ext of ['log', 'json', 'csv', 'html']) writeFileSync(path(ext), ext)
  return {
    state,
    createdAt: at,
    startedAt: at,
    finishedAt: state === 'running' ? null : at,
    logFile: path('log'),
    reports: { json: path('json'), csv: path('csv'), html: path('html') },
  }
}

function filesLeft(stem: string, dir = logs): string[] {
  return ['log', 'json', 'csv', 'html'].filter((ext) => existsSync(join(dir, `${stem}.${ext}`)))
}

describe('pruneRunFiles', () => {
  it('deletes the log and reports of finished runs older than the limit, and nothing newer', async () => {
    const old = run('2030-05-01-_02-00-00_photos_to_archive', 60)
    const recent = run('2030-06-25-_02-00-00_photos_to_archive', 5)
    const result = await pruneRunFiles({ runs: [old, recent], dirs: [logs], olderThanDays: 30, now: NOW })

    expect(filesLeft('2030-05-01-_02-00-00_photos_to_archive')).toEqual([])
    expect(filesLeft('2030-06-25-_02-00-00_photos_to_archive')).toEqual(['log', 'json', 'csv', 'html'])
    expect(result.removed).toHaveLength(4)
    expect(result.failed).toEqual([])
  })

  it('takes companions named after the log, but not the next run that shares its stem', async () => {
    const old = run('2030-01-01-_00-00-00_a_to_b', 90)
    writeFileSync(join(logs, '2030-01-01-_00-00-00_a_to_b.log.idx'), 'index')
    // `-2` is the copy number of another run started the same second; it is not this run's.
    writeFileSync(join(logs, '2030-01-01-_00-00-00_a_to_b-2.log'), 'another run')
    await pruneRunFiles({ runs: [old], dirs: [logs], olderThanDays: 30, now: NOW })
    expect(existsSync(join(logs, '2030-01-01-_00-00-00_a_to_b.log.idx'))).toBe(false)
    expect(existsSync(join(logs, '2030-01-01-_00-00-00_a_to_b-2.log'))).toBe(true)
  })

  it('leaves runs that are still under way, whatever their age', async () => {
    const running = run('2030-01-01-_00-00-00_live_to_b', 90, 'running')
    const paused = run('2030-01-01-_00-00-00_paused_to_b', 90, 'paused')
    await pruneRunFiles({ runs: [running, paused], dirs: [logs], olderThanDays: 1, now: NOW })
    expect(filesLeft('2030-01-01-_00-00-00_live_to_b')).toHaveLength(4)
    expect(filesLeft('2030-01-01-_00-00-00_paused_to_b')).toHaveLength(4)
  })

  it('prunes every finished state, interrupted runs included', async () => {
    const runs = ['failed', 'cancelled', 'interrupted', 'needs-credentials'].map((state) =>
      run(`2030-01-01-_00-00-00_${state}_to_b`, 40, state),
    )
    await pruneRunFiles({ runs, dirs: [logs], olderThanDays: 30, now: NOW })
    for (const state of ['failed', 'cancelled', 'interrupted', 'needs-credentials']) {
      expect(filesLeft(`2030-01-01-_00-00-00_${state}_to_b`)).toEqual([])
    }
  })

  it('never deletes a file outside the log folders, even when history names it', async () => {
    const elsewhere = join(root, 'documents')
    const foreign = run('2030-01-01-_00-00-00_x_to_y', 90, 'done', elsewhere)
    // A hand-edited history pointing its report at a file beside the log folder.
    const sneaky = run('2030-01-02-_00-00-00_x_to_y', 90)
    const outside = join(root, 'precious.html')
    writeFileSync(outside, 'keep me')
    sneaky.reports = { ...sneaky.reports!, html: join(logs, '..', 'precious.html') }

    await pruneRunFiles({ runs: [foreign, sneaky], dirs: [logs], olderThanDays: 30, now: NOW })
    expect(filesLeft('2030-01-01-_00-00-00_x_to_y', elsewhere)).toHaveLength(4)
    expect(existsSync(outside)).toBe(true)
    expect(filesLeft('2030-01-02-_00-00-00_x_to_y')).toEqual([])
  })

  it('does not count a file that is already gone as a failure', async () => {
    const old = run('2030-01-01-_00-00-00_gone_to_b', 90)
    rmSync(old.reports!.csv)
    const result = await pruneRunFiles({ runs: [old], dirs: [logs], olderThanDays: 30, now: NOW })
    expect(result.failed).toEqual([])
    expect(result.removed).toHaveLength(3)
  })
})

describe('startLogRetention', () => {
  function fakeTimers(): RetentionTimers & { tick: () => void; now: () => number; time: number } {
    const callbacks: (() => void)[] = []
    const timers = {
      time: NOW,
      now: () => timers.time,
      every: vi.fn((_ms: number, callback: () => void) => {
        callbacks.push(callback)
        return () => callbacks.splice(callbacks.indexOf(callback), 1)
      }),
      tick: () => callbacks.forEach((callback) => callback()),
    }
    return timers
  }

  it('prunes at start, then once a day with the limit then in force', async () => {
    const timers = fakeTimers()
    const runs = [run('a', 10), run('b', 40)]
    let days: number | null = 30
    const report = vi.fn()
    const retention = startLogRetention({
      days: () => days,
      dirs: () => [logs],
      runs: () => runs,
      timers,
      report,
    })
    expect(timers.every).toHaveBeenCalledWith(DAY, expect.any(Function))
    await retention.runNow()
    expect(filesLeft('b')).toEqual([])
    expect(filesLeft('a')).toHaveLength(4)
    expect(report).toHaveBeenCalledTimes(1)

    // A day later and with a shorter limit, the next pass takes the other run too.
    days = 7
    timers.time += DAY
    timers.tick()
    await retention.runNow()
    expect(filesLeft('a')).toEqual([])
    retention.stop()
  })

  it('keeps everything while retention is off', async () => {
    const runs = [run('old', 400)]
    const retention = startLogRetention({
      days: () => null,
      dirs: () => [logs],
      runs: () => runs,
      timers: fakeTimers(),
    })
    expect(await retention.runNow()).toEqual({ removed: [], failed: [] })
    expect(filesLeft('old')).toHaveLength(4)
  })

  it('reports a pass that failed as a whole instead of crashing', async () => {
    const onError = vi.fn()
    const retention = startLogRetention({
      days: () => 1,
      dirs: () => [logs],
      runs: () => {
        throw new Error('history unreadable')
      },
      timers: fakeTimers(),
      onError,
    })
    await expect(retention.runNow()).rejects.toThrow('history unreadable')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'history unreadable' }))
  })
})
