import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeReports } from '../reports'
import { sampleReport, sampleRow } from '../reports/sample-report'
import { JobManager, RETRY_LIST_LIMIT } from './job-manager'
import { fakeOutcome, fakeRunners, fakeSpec, FakeManagerClock } from './job-manager-fakes'
import type { JobOutcome } from './run-job'
import { failedObjectNames } from './retry-spec'
import { filterFor } from './run-steps'

/** "Retry failed" copies what failed and nothing else, and never deletes. */

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'job-retry-'))
})

afterEach(() => rm(dir, { recursive: true, force: true }))

/** A report on disk with these rows, as a run writes it. */
async function reportWith(rows: ReturnType<typeof sampleRow>[]) {
  return writeReports({ dir, baseName: `run-${rows.length}`, report: sampleReport(), rows })
}

const ROWS = [
  sampleRow(1),
  sampleRow(2, { status: 'failed', verification: 'missing', reason: 'HTTP 500' }),
  sampleRow(3, { status: 'skipped' }),
  sampleRow(4, { status: 'skipped', verification: 'mismatched' }),
  sampleRow(5, { status: 'failed', verification: 'missing' }),
]
const FAILED = [ROWS[1]!.name, ROWS[3]!.name, ROWS[4]!.name]

describe('failedObjectNames', () => {
  it('lists every object a run failed to copy or verify, from the rows of its JSON report', async () => {
    const paths = await reportWith(ROWS)
    expect(await failedObjectNames(paths.json, 10)).toEqual(FAILED)
  })

  it('gives up beyond the limit, or when there is no report to read', async () => {
    const paths = await reportWith(ROWS)
    expect(await failedObjectNames(paths.json, 2)).toBeUndefined()
    expect(await failedObjectNames(join(dir, 'gone.json'), 10)).toBeUndefined()
    expect(await failedObjectNames(paths.csv, 10)).toBeUndefined()
    expect(await failedObjectNames((await reportWith([])).json, 10)).toEqual([])
  })
})

describe('filterFor with a retry list', () => {
  it('keeps only the listed names, and the include rules still apply', () => {
    const spec = fakeSpec()
    spec.source.only = ['a.jpg', 'b.txt']
    spec.source.include = ['*.jpg']
    const keep = filterFor(spec)
    const entry = (name: string) => ({ name, bytes: 1, contentType: 'image/jpeg' })
    expect(['a.jpg', 'b.txt', 'c.jpg'].filter((name) => keep(entry(name)))).toEqual(['a.jpg'])
  })
})

describe('JobManager.retryFailed', () => {
  async function finishedRun(outcome: JobOutcome) {
    const { factory, runners } = fakeRunners()
    const manager = await JobManager.open({
      historyDir: join(dir, 'history'),
      tool: { name: 'swift2s3', version: 'test' },
      startedBy: 'tester@host',
      clock: new FakeManagerClock(),
      runJob: factory,
    })
    const spec = fakeSpec({ mirror: { enabled: true, maxDeletions: 100 } })
    const first = manager.start({ spec, name: 'mirror', profiles: { swift: 'sw-1', s3: 's3-1' } })
    runners[0]!.finish(outcome)
    await manager.settled(first.id)
    return { manager, runners, first }
  }

  function withReports(outcome: JobOutcome, reports: JobOutcome['reports']): JobOutcome {
    return { ...outcome, reports }
  }

  it('copies only the objects the run failed, with mirror off, keeping the run profiles', async () => {
    const paths = await reportWith(ROWS)
    const outcome = withReports(fakeOutcome(1, 'completed-with-failures', { failed: 2 }), paths)
    const { manager, runners, first } = await finishedRun(outcome)

    const retry = await manager.retryFailed(first.id)

    const spec = runners[1]!.spec
    expect(spec.source.only).toEqual(FAILED)
    expect(spec.options.mirror).toEqual({ enabled: false, maxDeletions: 100 })
    expect(retry).toMatchObject({ retryOf: first.id, profiles: { swift: 'sw-1', s3: 's3-1' } })
    // History keeps the list, so a retry interrupted by a restart resumes the same objects.
    expect(manager.get(retry.id).spec.source.only).toEqual(FAILED)
    // The first run is left as it was: a later retry of it is the same.
    expect(manager.get(first.id).spec.options.mirror.enabled).toBe(true)
    await manager.close()
  })

  it('runs a run that stopped early again whole, still without deleting', async () => {
    const paths = await reportWith(ROWS)
    const { manager, runners, first } = await finishedRun(withReports(fakeOutcome(130, 'cancelled'), paths))

    await manager.retryFailed(first.id)

    expect(runners[1]!.spec.source.only).toBeUndefined()
    expect(runners[1]!.spec.options.mirror.enabled).toBe(false)
    await manager.close()
  })

  it('runs whole when the failures are too many to list', async () => {
    const rows = Array.from({ length: RETRY_LIST_LIMIT + 1 }, (_, i) => sampleRow(i, { status: 'failed' }))
    const outcome = withReports(fakeOutcome(1, 'completed-with-failures'), await reportWith(rows))
    const { manager, runners, first } = await finishedRun(outcome)

    await manager.retryFailed(first.id)

    expect(runners[1]!.spec.source.only).toBeUndefined()
    expect(runners[1]!.spec.options.mirror.enabled).toBe(false)
    await manager.close()
  })
})
