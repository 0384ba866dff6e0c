import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MemoryLogger } from '../log/logger'
import { HISTORY_FILE, INTERRUPTED_MESSAGE, JobHistory } from './history'
import { redactSpec } from './history-redact'
import { zeroTotals } from './job-manager-job'
import { fakeSpec } from './job-manager-fakes'
import type { JobId, JobRecord, JobState } from './job-manager-types'

const now = () => Date.UTC(2025, 0, 1)

function record(id: string, state: JobState): JobRecord {
  return {
    id: id as JobId,
    name: `job ${id}`,
    definitionId: null,
    profiles: null,
    trigger: 'manual',
    scheduleId: null,
    retryOf: null,
    rerunBy: null,
    state,
    outcome: state === 'done' ? 'completed' : null,
    startedBy: 'tester',
    createdAt: '2025-01-01T09:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    requestedWorkers: 8,
    workers: 8,
    bandwidthLimitMb: null,
    totals: zeroTotals(),
    verification: null,
    error: null,
    exitCode: null,
    logFile: '/logs/a.log',
    reports: null,
    spec: redactSpec(fakeSpec()),
  }
}

async function dir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'history-'))
}

describe('JobHistory', () => {
  it('starts empty without a file, and writes a versioned one that reads back the same', async () => {
    const d = await dir()
    const h = await JobHistory.open({ dir: d, now })
    expect(h.records()).toEqual([])
    h.put(record('a', 'done'))
    h.put(record('b', 'failed'))
    await h.flush()
    const file = JSON.parse(await readFile(join(d, HISTORY_FILE), 'utf8')) as { version: number }
    expect(file.version).toBe(1)
    const again = await JobHistory.open({ dir: d, now })
    expect(again.records()).toEqual([record('a', 'done'), record('b', 'failed')])
    expect(again.interrupted).toEqual([])
    // Atomic replacement leaves no temporary files behind.
    expect(await readdir(d)).toEqual([HISTORY_FILE])
  })

  it('marks runs that were under way when the app stopped as interrupted, and saves that', async () => {
    const d = await dir()
    const h = await JobHistory.open({ dir: d, now })
    const states: JobState[] = [
      'queued',
      'planning',
      'running',
      'paused',
      'waiting-for-credentials',
      'verifying',
      'done',
    ]
    states.forEach((s, i) => h.put(record(String(i), s)))
    await h.flush()
    const again = await JobHistory.open({ dir: d, now })
    expect(again.interrupted).toEqual(['0', '1', '2', '3', '4', '5'])
    expect(again.records().map((r) => r.state)).toEqual([...Array(6).fill('interrupted'), 'done'])
    expect(again.get('2')?.error).toBe(INTERRUPTED_MESSAGE)
    const third = await JobHistory.open({ dir: d, now })
    expect(third.interrupted).toEqual([])
    expect(third.get('2')?.state).toBe('interrupted')
  })

  it('keeps the last runs only, never dropping one under way', async () => {
    const h = await JobHistory.open({ dir: await dir(), now, limit: 3 })
    h.put(record('running-old', 'running'))
    h.put(record('a', 'done'))
    h.put(record('b', 'done'))
    expect(h.put(record('c', 'done'))).toEqual(['a'])
    expect(h.records().map((r) => r.id)).toEqual(['running-old', 'b', 'c'])
    await h.flush()
  })

  it('replaces a record by id', async () => {
    const h = await JobHistory.open({ dir: await dir(), now })
    const r = record('a', 'running')
    h.put(r)
    h.put({ ...r, state: 'done' })
    expect(h.records()).toHaveLength(1)
    expect(h.get('a')?.state).toBe('done')
    await h.flush()
  })

  it('moves a damaged file aside instead of refusing to start or overwriting it', async () => {
    const d = await dir()
    await writeFile(join(d, HISTORY_FILE), '{ not json')
    const logger = new MemoryLogger()
    const h = await JobHistory.open({ dir: d, now, logger })
    expect(h.records()).toEqual([])
    expect((await readdir(d)).sort()).toEqual([`${HISTORY_FILE}.damaged-${now()}`])
    expect(logger.text()).toMatch(/moved to/)
  })

  it('moves aside a file from a newer version rather than overwrite what it cannot read', async () => {
    const d = await dir()
    await writeFile(join(d, HISTORY_FILE), JSON.stringify({ version: 2, runs: [] }))
    await JobHistory.open({ dir: d, now })
    expect(await readdir(d)).toEqual([`${HISTORY_FILE}.v2-${now()}`])
  })

  it('drops single unreadable runs and keeps the rest', async () => {
    const d = await dir()
    await writeFile(
      join(d, HISTORY_FILE),
      JSON.stringify({ version: 1, runs: [{ id: 'x' }, record('ok', 'done')] }),
    )
    const h = await JobHistory.open({ dir: d, now })
    expect(h.records().map((r) => r.id)).toEqual(['ok'])
  })
})
