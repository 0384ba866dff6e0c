import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HISTORY_FILE } from './history'
import { JobManager, type JobManagerOptions } from './job-manager'
import { fakeOutcome, fakeRunners, fakeSnapshot, fakeSpec, FakeManagerClock } from './job-manager-fakes'
import type { JobManagerEvent, JobState } from './job-manager-types'

async function setup(options: Partial<JobManagerOptions> = {}, historyDir?: string) {
  const dir = historyDir ?? (await mkdtemp(join(tmpdir(), 'job-manager-')))
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
    ...options,
  })
  const events: JobManagerEvent[] = []
  manager.on((e) => events.push(e))
  const states = (id: string): JobState[] =>
    events.flatMap((e) => (e.type === 'job-state' && e.job.id === id ? [e.job.state] : []))
  const of = <T extends JobManagerEvent['type']>(type: T, id?: string) =>
    events.filter(
      (e): e is Extract<JobManagerEvent, { type: T }> =>
        e.type === type && (id === undefined || ('id' in e ? e.id : e.job.id) === id),
    )
  return { dir, clock, runners, manager, events, states, of }
}

/** Lets a finished run's promise reach the manager. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('JobManager: a job from start to proof', () => {
  it('returns at once, then follows the engine: planning, running, verifying, done', async () => {
    const { manager, runners, states, clock } = await setup()
    const job = manager.start({ spec: fakeSpec(), name: 'Photos', definitionId: 'def-1' })
    expect(job).toMatchObject({
      id: 'job-1',
      name: 'Photos',
      definitionId: 'def-1',
      state: 'planning',
      workers: 8,
    })
    const runner = runners[0]!
    expect(runner.calls).toEqual(['run'])
    runner.emit({ type: 'state', state: 'checking' })
    runner.emit({ type: 'state', state: 'planning' })
    runner.emit({ type: 'state', state: 'running' })
    runner.current = fakeSnapshot(3, 3)
    runner.emit({ type: 'object-copied', key: 'a', bytes: 100, multipart: false, attempts: 1 })
    runner.emit({ type: 'state', state: 'completed' })
    clock.advance(1000)
    runner.finish(fakeOutcome(0, 'completed'))
    const done = await manager.settled(job.id)
    expect(states(job.id)).toEqual(['queued', 'planning', 'running', 'verifying', 'done'])
    expect(done).toMatchObject({ state: 'done', outcome: 'completed', exitCode: 0, logFile: '/logs/run.log' })
    expect(done.totals).toMatchObject({ objects: 3, objectsDone: 3, copied: 3, bytesDone: 300 })
    expect(done.verification).toEqual({
      'verified-md5': 3,
      'verified-recorded': 0,
      mismatched: 0,
      missing: 0,
      extras: 0,
    })
    expect((await manager.report(job.id)).report?.outcome).toBe('completed')
    const detail = manager.get(job.id)
    expect(detail.progress?.objects.done).toBe(3)
    expect(detail.events.map((e) => e.event.type)).toContain('object-copied')
  })

  it('hands the runner what it needs: the shared budget and limit, the tool, who started it', async () => {
    const { manager, runners } = await setup()
    manager.start({ spec: fakeSpec(), name: 'a', startedBy: 'nightly' })
    manager.start({ spec: fakeSpec(), name: 'b' })
    const [a, b] = runners
    expect(a!.context.shared).toBeDefined()
    expect(a!.context.shared).toBe(b!.context.shared)
    expect(a!.context.startedBy).toBe('nightly')
    expect(b!.context.startedBy).toBe('tester@host')
    expect(a!.context.tool).toEqual({ name: 'swift2s3', version: 'test' })
  })

  it('starts a verify-only run in verifying, and a dry run ends without a verification summary', async () => {
    const { manager, runners } = await setup()
    const verify = manager.start({ spec: fakeSpec({ verifyOnly: true }), name: 'v' })
    expect(verify.state).toBe('verifying')
    expect(verify.mode).toBe('verify-only')
    const dry = manager.start({ spec: fakeSpec({ dryRun: true }), name: 'd' })
    const outcome = fakeOutcome(0, 'completed')
    outcome.report.mode = 'dry-run'
    runners[1]!.finish(outcome)
    expect((await manager.settled(dry.id)).verification).toBeNull()
  })

  it('ends failed, with the message, when the runner itself throws', async () => {
    const { manager, runners } = await setup()
    const job = manager.start({ spec: fakeSpec(), name: 'x' })
    runners[0]!.crash(new Error('boom'))
    expect(await manager.settled(job.id)).toMatchObject({ state: 'failed', error: 'boom' })
  })

  it('maps the run outcome: failures, stopped runs, expired credentials', async () => {
    const { manager, runners } = await setup()
    const cases = [
      [fakeOutcome(1, 'completed-with-failures', { failed: 1 }), 'done', 'completed-with-failures'],
      [fakeOutcome(2, 'failed'), 'failed', null],
      [fakeOutcome(3, 'failed'), 'needs-credentials', null],
    ] as const
    for (const [outcome, state, result] of cases) {
      const job = manager.start({ spec: fakeSpec(), name: state })
      runners.at(-1)!.finish(outcome)
      expect(await manager.settled(job.id)).toMatchObject({ state, outcome: result })
    }
  })

  it('rejects a job it could not run', async () => {
    const { manager } = await setup()
    expect(() => manager.start({ spec: fakeSpec({ maxWorkers: 0 }), name: 'x' })).toThrow(/maxWorkers/)
    expect(() => manager.start({ spec: fakeSpec(), name: ' ' })).toThrow(/name/)
    expect(() => manager.get('nope')).toThrow(/no job/)
  })
})

describe('JobManager: controls while a job runs', () => {
  it('pauses and resumes, holding the pause over engine events that say running', async () => {
    const { manager, runners, states } = await setup()
    const { id } = manager.start({ spec: fakeSpec(), name: 'p' })
    const runner = runners[0]!
    runner.emit({ type: 'state', state: 'running' })
    manager.pause(id)
    manager.pause(id)
    expect(runner.calls).toEqual(['run', 'pause'])
    // A new container's copy starts paused and still reports its phases.
    runner.emit({ type: 'state', state: 'checking' })
    runner.emit({ type: 'state', state: 'running' })
    expect(manager.get(id).state).toBe('paused')
    manager.resume(id)
    expect(runner.calls).toEqual(['run', 'pause', 'resume'])
    expect(states(id)).toEqual(['queued', 'planning', 'running', 'paused', 'running'])
  })

  it('asks for credentials, shows waiting above a pause, and continues with the new ones', async () => {
    const { manager, runners, states, of } = await setup()
    const { id } = manager.start({ spec: fakeSpec(), name: 'c' })
    const runner = runners[0]!
    runner.emit({ type: 'state', state: 'running' })
    runner.emit({ type: 'state', state: 'waiting-for-credentials', message: 'ExpiredToken' })
    runner.emit({ type: 'credentials-required', reason: 'ExpiredToken', key: 'k' })
    expect(of('credentials-required', id)).toEqual([
      { type: 'credentials-required', id, reason: 'ExpiredToken' },
    ])
    manager.pause(id)
    expect(manager.get(id).state).toBe('waiting-for-credentials')
    const keys = { accessKeyId: 'AKIANEW', secretAccessKey: 'new-secret' }
    manager.provideCredentials(id, keys)
    expect(runner.credentials).toEqual(keys)
    expect(manager.get(id).state).toBe('paused')
    manager.resume(id)
    expect(states(id)).toEqual([
      'queued',
      'planning',
      'running',
      'waiting-for-credentials',
      'paused',
      'running',
    ])
    expect(() => manager.provideCredentials(id, { accessKeyId: '', secretAccessKey: 'x' })).toThrow(
      /accessKeyId/,
    )
  })

  it('cancels a running job: the run stops and writes its report', async () => {
    const { manager, runners } = await setup()
    const { id } = manager.start({ spec: fakeSpec(), name: 'c' })
    manager.cancel(id)
    expect(runners[0]!.calls).toContain('cancel')
    expect(manager.get(id)).toMatchObject({ state: 'planning', cancelRequested: true })
    runners[0]!.finish(fakeOutcome(130, 'cancelled'))
    expect(await manager.settled(id)).toMatchObject({
      state: 'cancelled',
      reports: { json: '/logs/run.json' },
    })
    manager.cancel(id)
    expect(() => manager.pause(id)).toThrow(/not running/)
  })

  it('changes a job limit and the global limit while it runs', async () => {
    const { manager, runners } = await setup()
    const { id } = manager.start({ spec: fakeSpec(), name: 'b' })
    manager.setBandwidth(id, 5)
    expect(runners[0]!.bandwidth).toBe(5)
    // Later containers read the spec the runner holds.
    expect(runners[0]!.spec.options.bandwidthLimitMb).toBe(5)
    expect(manager.get(id).bandwidthLimitMb).toBe(5)
    manager.setGlobalBandwidth(20)
    expect(runners[0]!.context.shared?.globalBandwidth.bytesPerSecond).toBe(20_000_000)
    expect(manager.settings().globalBandwidthMb).toBe(20)
    expect(() => manager.setBandwidth(id, -1)).toThrow(/bandwidthLimitMb/)
  })

  it('keeps going when a listener throws', async () => {
    const { manager, runners, states } = await setup()
    manager.on(() => {
      throw new Error('window gone')
    })
    const { id } = manager.start({ spec: fakeSpec(), name: 'x' })
    runners[0]!.finish(fakeOutcome(0, 'completed'))
    await manager.settled(id)
    expect(states(id).at(-1)).toBe('done')
  })
})

describe('JobManager: the global worker cap', () => {
  it('clamps a job to the workers left and queues the rest first in, first out', async () => {
    const { manager, runners, states } = await setup({ workerCap: 10 })
    const a = manager.start({ spec: fakeSpec({ maxWorkers: 8 }), name: 'a' })
    const b = manager.start({ spec: fakeSpec({ maxWorkers: 8 }), name: 'b' })
    const c = manager.start({ spec: fakeSpec({ maxWorkers: 6 }), name: 'c' })
    const d = manager.start({ spec: fakeSpec({ maxWorkers: 1 }), name: 'd' })
    expect([a.workers, b.workers]).toEqual([8, 2])
    expect(runners[1]!.spec.options.maxWorkers).toBe(2)
    expect(b.requestedWorkers).toBe(8)
    expect([c.state, c.queuePosition, d.queuePosition]).toEqual(['queued', 1, 2])
    expect(runners).toHaveLength(2)
    expect(manager.settings()).toMatchObject({ workerCap: 10, workersInUse: 10 })
    runners[0]!.finish(fakeOutcome(0, 'completed'))
    await manager.settled(a.id)
    expect(runners).toHaveLength(4)
    expect(manager.get(c.id)).toMatchObject({ state: 'planning', workers: 6, queuePosition: null })
    expect(manager.get(d.id).workers).toBe(1)
    expect(states(c.id)).toEqual(['queued', 'planning'])
  })

  it('takes a cancelled job out of the queue without running it, and starts more when the cap rises', async () => {
    const { manager, runners } = await setup({ workerCap: 2 })
    manager.start({ spec: fakeSpec({ maxWorkers: 2 }), name: 'a' })
    const b = manager.start({ spec: fakeSpec({ maxWorkers: 2 }), name: 'b' })
    const c = manager.start({ spec: fakeSpec({ maxWorkers: 2 }), name: 'c' })
    manager.cancel(b.id)
    expect(await manager.settled(b.id)).toMatchObject({ state: 'cancelled' })
    expect(() => manager.pause(c.id)).toThrow(/queued/)
    manager.setWorkerCap(4)
    expect(runners).toHaveLength(2)
    expect(manager.get(c.id).state).toBe('planning')
  })
})

describe('JobManager: events for the UI', () => {
  it('sends progress at most four times a second per job, with absolute totals', async () => {
    const { manager, runners, clock, of } = await setup()
    const a = manager.start({ spec: fakeSpec(), name: 'a' })
    const b = manager.start({ spec: fakeSpec(), name: 'b' })
    const at: Record<string, number[]> = { [a.id]: [], [b.id]: [] }
    manager.on((e) => (e.type === 'job-progress' ? at[e.id]!.push(clock.now()) : undefined))
    for (const r of runners) r.emit({ type: 'state', state: 'checking' })
    for (let i = 1; i <= 300; i++) {
      for (const r of runners) {
        r.current = fakeSnapshot(i, 300)
        r.emit({ type: 'object-copied', key: `k${i}`, bytes: 100, multipart: false, attempts: 1 })
      }
      clock.advance(10)
    }
    clock.advance(1000)
    for (const times of Object.values(at)) {
      expect(times.length).toBeGreaterThan(8)
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(250)
    }
    const last = of('job-progress', a.id).at(-1)!
    expect(last.progress.objects).toMatchObject({ done: 300, total: 300 })
  })

  it('keeps progress flowing while bytes move with no event, and stops ticking when idle', async () => {
    const { manager, runners, clock, of } = await setup()
    const { id } = manager.start({ spec: fakeSpec(), name: 'big' })
    const r = runners[0]!
    r.emit({ type: 'state', state: 'checking' })
    r.current = fakeSnapshot(0, 1, 1000)
    for (let ms = 0; ms < 2000; ms += 250) {
      r.current = { ...r.current, bytes: { total: 1000, done: ms / 2 } }
      clock.advance(250)
    }
    const bytes = of('job-progress', id).map((e) => e.progress.bytes.done)
    expect(bytes.length).toBeGreaterThanOrEqual(6)
    expect(bytes).toEqual([...bytes].sort((x, y) => x - y))
    r.finish(fakeOutcome(0, 'completed'))
    await manager.settled(id)
    clock.advance(1000)
    const count = of('job-progress', id).length
    clock.advance(5000)
    expect(of('job-progress', id)).toHaveLength(count)
  })

  it("sends an estimate of the job from the containers' stats at once, before the listing starts", async () => {
    const { manager, runners, clock, of } = await setup()
    const spec = fakeSpec()
    spec.source.containers = ['photos', 'videos']
    const { id } = manager.start({ spec, name: 'two' })
    const r = runners[0]!
    r.sourceStats([
      { name: 'photos', objectCount: 3, bytesUsed: 300 },
      { name: 'videos', objectCount: 7, bytesUsed: 700 },
    ])
    clock.advance(250)
    expect(of('job-progress', id).at(-1)?.progress).toMatchObject({
      objects: { total: 0, done: 0 },
      planned: false,
      estimate: { objects: 10, bytes: 1000 },
    })
    expect(manager.get(id).progress?.estimate).toMatchObject({ objects: 10, bytes: 1000 })
    r.emit({ type: 'state', state: 'checking' }, 'photos')
    r.current = fakeSnapshot(3, 3)
    r.emit({ type: 'state', state: 'completed' }, 'photos')
    r.emit({ type: 'state', state: 'checking' }, 'videos')
    r.current = { ...fakeSnapshot(2, 4), planned: false }
    clock.advance(250)
    expect(of('job-progress', id).at(-1)?.progress).toMatchObject({
      objects: { total: 7, done: 5 },
      planned: false,
      estimate: { objects: 10, bytes: 1000 },
    })
    r.current = fakeSnapshot(7, 7)
    clock.advance(250)
    expect(of('job-progress', id).at(-1)?.progress).toMatchObject({
      objects: { total: 10, done: 10 },
      planned: true,
      estimate: null,
    })
  })

  it('sends no estimate for a run that copies part of each container', async () => {
    const { manager, runners, clock, of } = await setup()
    const spec = fakeSpec()
    spec.source.prefix = '2024/'
    const { id } = manager.start({ spec, name: 'part' })
    runners[0]!.sourceStats([{ name: 'photos', objectCount: 3, bytesUsed: 300 }])
    clock.advance(250)
    expect(of('job-progress', id).at(-1)?.progress).toMatchObject({ planned: false, estimate: null })
  })

  it('tells when the log grew, coalesced, with its path', async () => {
    const { manager, runners, clock, of } = await setup()
    const { id } = manager.start({ spec: fakeSpec(), name: 'l' })
    const r = runners[0]!
    r.logLine()
    expect(of('log-appended', id)).toEqual([])
    r.logPath = '/logs/2025-01-01-_09-00-00_photos_to_dest.log'
    for (let i = 0; i < 50; i++) {
      r.logLine()
      clock.advance(20)
    }
    const seen = of('log-appended', id)
    expect(seen.length).toBeGreaterThanOrEqual(1)
    expect(seen.length).toBeLessThanOrEqual(3)
    expect(seen[0]!.path).toBe(r.logPath)
    expect(manager.get(id).logFile).toBe(r.logPath)
  })
})

describe('JobManager: history, retries and restarts', () => {
  it('keeps history without a single secret', async () => {
    const { manager, runners, dir } = await setup()
    const { id } = manager.start({ spec: fakeSpec(), name: 'h' })
    runners[0]!.finish(fakeOutcome(0, 'completed'))
    await manager.settled(id)
    await manager.flush()
    const text = await readFile(join(dir, HISTORY_FILE), 'utf8')
    expect(text).toContain('"state": "done"')
    for (const secret of ['swift-secret', 's3-secret', 's3-session']) expect(text).not.toContain(secret)
    expect(manager.get(id).spec.target.credentials).toEqual({ accessKeyId: 'AKIATEST' })
  })

  it('retries a finished job as a new run linked to it, once at a time', async () => {
    const { manager, runners } = await setup()
    const first = manager.start({ spec: fakeSpec(), name: 'r', definitionId: 'def-9' })
    await expect(manager.retryFailed(first.id)).rejects.toThrow(/under way/)
    runners[0]!.finish(fakeOutcome(1, 'completed-with-failures', { failed: 2 }))
    await manager.settled(first.id)
    const retry = await manager.retryFailed(first.id)
    expect(retry).toMatchObject({ retryOf: first.id, name: 'r', definitionId: 'def-9', state: 'planning' })
    // The spec with its secrets came from memory.
    expect(runners[1]!.spec.target.credentials?.secretAccessKey).toBe('s3-secret')
    expect(manager.get(first.id).rerunBy).toBe(retry.id)
    expect((await manager.retryFailed(first.id)).id).toBe(retry.id)
    expect(runners).toHaveLength(2)
    expect(manager.list().map((j) => j.id)).toEqual([retry.id, first.id])
  })

  it('shows runs under way when the app stopped as interrupted, and resumes one as a new linked run', async () => {
    const before = await setup()
    const running = before.manager.start({ spec: fakeSpec(), name: 'long' })
    before.runners[0]!.emit({ type: 'state', state: 'running' })
    const finished = before.manager.start({ spec: fakeSpec(), name: 'short' })
    before.runners[1]!.finish(fakeOutcome(0, 'completed'))
    await before.manager.settled(finished.id)
    await before.manager.flush()

    const after = await setup({}, before.dir)
    expect(after.manager.interrupted).toEqual([running.id])
    expect(after.manager.get(running.id)).toMatchObject({ state: 'interrupted', name: 'long' })
    expect(after.manager.get(finished.id).state).toBe('done')
    expect(() => after.manager.resume(running.id)).toThrow(/interrupted/)
    await expect(after.manager.retryFailed(running.id)).rejects.toThrow(/secrets/)
    expect(() => after.manager.resumeInterrupted(finished.id, fakeSpec())).toThrow(/not interrupted/)
    const resumed = after.manager.resumeInterrupted(running.id, fakeSpec())
    expect(resumed).toMatchObject({ retryOf: running.id, state: 'planning' })
    expect(after.manager.resumeInterrupted(running.id, fakeSpec()).id).toBe(resumed.id)
    after.runners[0]!.finish(fakeOutcome(0, 'completed'))
    expect(await after.manager.settled(resumed.id)).toMatchObject({ state: 'done' })
    expect(after.manager.get(running.id)).toMatchObject({ state: 'interrupted', rerunBy: resumed.id })
    expect((await after.manager.report(finished.id)).reports?.json).toBe('/logs/run.json')
  })

  it('forgets the oldest finished runs beyond its limit', async () => {
    const { manager, runners } = await setup({ historyLimit: 2 })
    for (let i = 0; i < 3; i++) {
      const { id } = manager.start({ spec: fakeSpec(), name: `n${i}` })
      runners[i]!.finish(fakeOutcome(0, 'completed'))
      await manager.settled(id)
    }
    await settle()
    expect(manager.list().map((j) => j.name)).toEqual(['n2', 'n1'])
    expect(() => manager.get('job-1')).toThrow(/no job/)
  })
})
