import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HISTORY_FILE, JobHistory } from './history'
import { redactSpec } from './history-redact'
import { JobManager } from './job-manager'
import { fakeRunners, fakeSpec, FakeManagerClock } from './job-manager-fakes'
import { zeroTotals } from './job-manager-job'
import type { JobManagerEvent } from './job-manager-types'

/** What the scheduler needs from the job manager: scheduled runs marked, runs that never started kept. */

async function setup(credentialWaitMs?: number) {
  const dir = await mkdtemp(join(tmpdir(), 'job-manager-schedule-'))
  const clock = new FakeManagerClock()
  const { factory, runners } = fakeRunners()
  let n = 0
  const manager = await JobManager.open({
    historyDir: dir,
    tool: { name: 'swift2s3', version: 'test' },
    startedBy: 'tester@host',
    clock,
    runJob: factory,
    newId: () => `job-${++n}`,
    ...(credentialWaitMs !== undefined && { credentialWaitMs }),
  })
  const events: JobManagerEvent[] = []
  manager.on((e) => events.push(e))
  return { dir, clock, runners, manager, events }
}

describe('JobManager and schedules', () => {
  it('marks a run a schedule started, and a hand-started one as manual', async () => {
    const { manager } = await setup()
    const scheduled = manager.start({
      spec: fakeSpec(),
      name: 'Nightly',
      definitionId: 'def-1',
      trigger: 'schedule',
      scheduleId: 'sched-1',
      startedBy: 'schedule "Nightly"',
    })
    const manual = manager.start({ spec: fakeSpec(), name: 'By hand' })
    expect(scheduled).toMatchObject({
      trigger: 'schedule',
      scheduleId: 'sched-1',
      startedBy: 'schedule "Nightly"',
    })
    expect(manual).toMatchObject({ trigger: 'manual', scheduleId: null, startedBy: 'tester@host' })
    await manager.flush()
  })

  it("gives a run its own wait for credentials, over the manager's default", async () => {
    const { manager, runners } = await setup(60_000)
    manager.start({ spec: fakeSpec(), name: 'scheduled', credentialWaitMs: 15 * 60_000 })
    manager.start({ spec: fakeSpec(), name: 'manual' })
    expect(runners[0]!.context.credentialWaitMs).toBe(15 * 60_000)
    expect(runners[1]!.context.credentialWaitMs).toBe(60_000)
    expect(() => manager.start({ spec: fakeSpec(), name: 'x', credentialWaitMs: -1 })).toThrow(
      /credentialWaitMs must be zero or more/,
    )
  })

  it('records a run that never started as finished, without secrets, and tells the shells', async () => {
    const { manager, events, dir, runners, clock } = await setup()
    clock.advance(5000)
    const skipped = manager.recordNotRun({
      spec: fakeSpec(),
      name: 'Nightly',
      definitionId: 'def-1',
      trigger: 'schedule',
      scheduleId: 'sched-1',
      state: 'skipped',
      reason: 'The previous run of this schedule was still under way.',
    })
    expect(runners).toHaveLength(0)
    expect(skipped).toMatchObject({
      state: 'skipped',
      trigger: 'schedule',
      scheduleId: 'sched-1',
      startedAt: null,
      error: 'The previous run of this schedule was still under way.',
    })
    expect(skipped.finishedAt).toBe(skipped.createdAt)
    expect(events).toContainEqual({ type: 'job-state', job: skipped })
    expect(manager.list()[0]?.id).toBe(skipped.id)
    // Settled at once: nothing is running.
    await expect(manager.settled(skipped.id)).resolves.toMatchObject({ state: 'skipped' })
    await manager.flush()
    const text = await readFile(join(dir, HISTORY_FILE), 'utf8')
    expect(text).toContain('"skipped"')
    expect(text).not.toContain('swift-secret')
    expect(text).not.toContain('s3-secret')
  })

  it('rewrites the reason of a run that never started, and refuses to touch a real run', async () => {
    const { manager, events, dir } = await setup()
    const skipped = manager.recordNotRun({
      spec: fakeSpec(),
      name: 'Nightly',
      state: 'skipped',
      reason: 'The previous run of this schedule was still under way.',
    })
    const amended = manager.amendNotRun(skipped.id, 'Skipped 3 due times.')
    expect(amended).toMatchObject({ id: skipped.id, state: 'skipped', error: 'Skipped 3 due times.' })
    expect(events.at(-1)).toEqual({ type: 'job-state', job: amended })
    expect(manager.list()).toHaveLength(1)
    const run = manager.start({ spec: fakeSpec(), name: 'Real' })
    expect(() => manager.amendNotRun(run.id, 'no')).toThrow(/only a run that never started/)
    await manager.flush()
    expect(await readFile(join(dir, HISTORY_FILE), 'utf8')).toContain('Skipped 3 due times.')
  })

  it('reads history from before schedules as hand-started runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'job-history-old-'))
    const old = {
      id: 'old-1',
      name: 'Earlier',
      definitionId: null,
      retryOf: null,
      rerunBy: null,
      state: 'done',
      outcome: 'completed',
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
      exitCode: 0,
      logFile: null,
      reports: null,
      spec: redactSpec(fakeSpec()),
    }
    await writeFile(join(dir, HISTORY_FILE), JSON.stringify({ version: 1, runs: [old] }))
    const history = await JobHistory.open({ dir, now: () => 0 })
    expect(history.get('old-1')).toMatchObject({ trigger: 'manual', scheduleId: null, state: 'done' })
  })
})
