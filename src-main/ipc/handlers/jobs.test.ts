import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { JobManager } from '../../core/jobs/job-manager'
import { FakeManagerClock, fakeOutcome, fakeRunners } from '../../core/jobs/job-manager-fakes'
import { profileSecretRef } from '../../core/profiles'
import { jobInput } from '../../core/profiles/test-fixtures'
import { ipcHarness, saveTwoProfiles, valueOf } from './test-support'

const SWIFT_KEY = 'swift-key-Zx9q'
const S3_SECRET = 's3-secret-Qw7e'
const NEW_SECRET = 'fresh-secret-Hj2k'
const NEW_TOKEN = 'fresh-session-Pp4t'
const SECRETS = [SWIFT_KEY, S3_SECRET, NEW_SECRET, NEW_TOKEN]

let dir: string
let manager: JobManager
let runners: ReturnType<typeof fakeRunners>['runners']
let ipc: ReturnType<typeof ipcHarness>
/** Settings' default worker count, as the shells hand it to the handlers. */
let defaultWorkers = 16

async function openManager(): Promise<JobManager> {
  const fakes = fakeRunners()
  runners = fakes.runners
  return JobManager.open({
    historyDir: join(dir, 'history'),
    tool: { name: 'swift2s3', version: 'test' },
    startedBy: 'tester@host',
    runJob: fakes.factory,
    clock: new FakeManagerClock(),
  })
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ipc-jobs-'))
  manager = await openManager()
  defaultWorkers = 16
  ipc = ipcHarness({
    jobs: {
      manager: () => manager,
      logDir: join(dir, 'logs'),
      runDefaults: () => ({ maxWorkers: defaultWorkers }),
    },
  })
})

afterEach(async () => {
  // Whatever a test did, no reply may have carried a secret back to the renderer.
  for (const reply of ipc.replies) for (const secret of SECRETS) expect(reply).not.toContain(secret)
  expect(ipc.internalErrors).toEqual([])
  await manager.close()
  ipc.cleanup()
  rmSync(dir, { recursive: true, force: true })
})

/** A saved migration over a Swift and an S3 profile; the Swift key is left out of the vault if asked. */
async function saveDefinition(options: { swiftKey?: boolean } = {}) {
  const { swiftId, s3Id } = await saveTwoProfiles(ipc, { swiftKey: SWIFT_KEY, s3Secret: S3_SECRET }, options)
  const job = valueOf(
    await ipc.call('profiles.save', {
      kind: 'job',
      record: jobInput(swiftId, s3Id),
    }),
  )
  return { swiftId, definitionId: job.entry.record.id }
}

async function startJob(): Promise<string> {
  const { definitionId } = await saveDefinition()
  return valueOf(await ipc.call('jobs.start', { definitionId })).id
}

describe('jobs.start', () => {
  it('resolves the saved migration with the vault and hands it to the job manager', async () => {
    const { definitionId } = await saveDefinition()
    const job = valueOf(
      await ipc.call('jobs.start', { definitionId, options: { dryRun: true, maxWorkers: 4 } }),
    )
    expect(job).toMatchObject({ name: 'Nightly media', definitionId, mode: 'dry-run', requestedWorkers: 4 })
    const spec = runners[0]?.spec
    expect(spec?.source.auth).toMatchObject({ type: 'v1', key: SWIFT_KEY })
    expect(spec?.target.credentials).toMatchObject({ secretAccessKey: S3_SECRET })
    expect(spec?.output.logDir).toBe(join(dir, 'logs'))
    expect(spec?.options.dryRun).toBe(true)
  })

  it('answers AUTH naming the secret the vault lacks, and runs with it when it is given', async () => {
    const { swiftId, definitionId } = await saveDefinition({ swiftKey: false })
    const ref = profileSecretRef(swiftId, 'key')
    const missing = await ipc.call('jobs.start', { definitionId })
    expect(missing).toMatchObject({ ok: false, error: { code: 'AUTH', field: ref } })
    expect(!missing.ok && missing.error.message).toContain('Loopback')

    valueOf(await ipc.call('jobs.start', { definitionId, secrets: { [ref]: SWIFT_KEY } }))
    expect(runners[0]?.spec.source.auth).toMatchObject({ key: SWIFT_KEY })
    // Typed in for this run only.
    expect(await ipc.vault.get(ref)).toBeUndefined()
  })

  it("runs a migration saved without a worker count with Settings' default, read at each start", async () => {
    const { swiftId } = await saveDefinition()
    const s3Id = valueOf(await ipc.call('profiles.list')).s3[0]!.record.id
    const { options: _options, ...record } = jobInput(swiftId, s3Id, 'No count')
    const saved = valueOf(await ipc.call('profiles.save', { kind: 'job', record }))
    const definitionId = saved.entry.record.id

    // Previews, so the three may run side by side (a second real run would be refused).
    const preview = { dryRun: true }
    defaultWorkers = 5
    expect(valueOf(await ipc.call('jobs.start', { definitionId, options: preview })).requestedWorkers).toBe(5)
    defaultWorkers = 7
    expect(valueOf(await ipc.call('jobs.start', { definitionId, options: preview })).requestedWorkers).toBe(7)
    // A count the migration or the run names wins.
    const own = valueOf(
      await ipc.call('jobs.start', { definitionId, options: { ...preview, maxWorkers: 3 } }),
    )
    expect(own.requestedWorkers).toBe(3)
  })

  it('answers NOT_FOUND for a saved migration that does not exist', async () => {
    expect(await ipc.call('jobs.start', { definitionId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})

describe('jobs.list, jobs.get and the controls', () => {
  it('lists and shows a job with its spec redacted', async () => {
    const id = await startJob()
    expect(valueOf(await ipc.call('jobs.list')).map((j) => j.id)).toEqual([id])
    const detail = valueOf(await ipc.call('jobs.get', { id }))
    expect(detail).toMatchObject({ id, spec: { target: { bucket: 'acme-archive' } }, events: [] })
    expect(detail.spec.target.credentials).toEqual({ accessKeyId: 'AKIAEXAMPLE' })
  })

  it('pauses, resumes, limits bandwidth and cancels the run', async () => {
    const id = await startJob()
    expect(valueOf(await ipc.call('jobs.pause', { id })).state).toBe('paused')
    expect(valueOf(await ipc.call('jobs.resume', { id })).state).not.toBe('paused')
    expect(valueOf(await ipc.call('jobs.setBandwidth', { id, mb: 5 })).bandwidthLimitMb).toBe(5)
    expect(valueOf(await ipc.call('jobs.setBandwidth', { id, mb: null })).bandwidthLimitMb).toBeNull()
    expect(valueOf(await ipc.call('jobs.cancel', { id })).cancelRequested).toBe(true)
    expect(runners[0]?.calls).toEqual([
      'run',
      'pause',
      'resume',
      'setBandwidthLimit',
      'setBandwidthLimit',
      'cancel',
    ])
  })

  it('hands new S3 keys to the run without returning them', async () => {
    const id = await startJob()
    const job = valueOf(
      await ipc.call('jobs.provideCredentials', {
        id,
        accessKeyId: 'AKIANEW',
        secretAccessKey: NEW_SECRET,
        sessionToken: NEW_TOKEN,
      }),
    )
    expect(job.id).toBe(id)
    expect(runners[0]?.credentials).toEqual({
      accessKeyId: 'AKIANEW',
      secretAccessKey: NEW_SECRET,
      sessionToken: NEW_TOKEN,
    })
  })

  it('answers NOT_FOUND for an unknown job', async () => {
    expect(await ipc.call('jobs.get', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})

describe('one run of a saved migration at a time', () => {
  it('refuses a second run while the first goes on, allows a preview beside it, and a run once it ended', async () => {
    const { definitionId } = await saveDefinition()
    const first = valueOf(await ipc.call('jobs.start', { definitionId }))
    const second = await ipc.call('jobs.start', { definitionId })
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(!second.ok && second.error.message).toMatch(
      /"Nightly media" is already running \(started by hand\)/,
    )
    valueOf(await ipc.call('jobs.start', { definitionId, options: { dryRun: true } }))

    runners[0]?.finish(fakeOutcome(1, 'completed'))
    await manager.settled(first.id)
    expect(valueOf(await ipc.call('jobs.start', { definitionId })).id).not.toBe(first.id)
  })
})

describe('finished jobs', () => {
  it('reports a finished run by file name', async () => {
    const id = await startJob()
    runners[0]?.finish(fakeOutcome(1, 'completed-with-failures', { failed: 1 }))
    await manager.settled(id)
    expect(valueOf(await ipc.call('jobs.report', { id }))).toMatchObject({
      id,
      files: { log: 'run.log', json: 'run.json', csv: 'run.csv', html: 'run.html' },
      summary: { outcome: 'completed-with-failures', totals: { failed: 1 } },
    })
  })

  it('retries failed objects with the spec of this session', async () => {
    const id = await startJob()
    runners[0]?.finish(fakeOutcome(1, 'completed-with-failures', { failed: 1 }))
    await manager.settled(id)
    const retry = valueOf(await ipc.call('jobs.retryFailed', { id }))
    expect(retry).toMatchObject({ retryOf: id, name: 'Nightly media' })
    expect(runners[1]?.spec.source.auth).toMatchObject({ key: SWIFT_KEY })
  })

  it('retries a run of an earlier session by resolving its saved migration again', async () => {
    const id = await startJob()
    runners[0]?.finish(fakeOutcome(1, 'completed-with-failures', { failed: 1 }))
    await manager.settled(id)
    await manager.close()
    manager = await openManager()
    expect(valueOf(await ipc.call('jobs.retryFailed', { id }))).toMatchObject({ retryOf: id })
    expect(runners[0]?.spec.target.credentials).toMatchObject({ secretAccessKey: S3_SECRET })
  })
})

describe('input validation', () => {
  it.each([
    ['jobs.start', { definitionId: '' }, 'definitionId'],
    ['jobs.start', { definitionId: 'd', options: { maxWorkers: 0 } }, 'options.maxWorkers'],
    ['jobs.start', { definitionId: 'd', options: { mirror: true } }, 'options.mirror'],
    ['jobs.start', { definitionId: 'd', secrets: { ref: '' } }, 'secrets.ref'],
    ['jobs.get', {}, 'id'],
    ['jobs.pause', { id: 7 }, 'id'],
    ['jobs.resume', { id: '' }, 'id'],
    ['jobs.cancel', { id: 'j', force: true }, 'force'],
    ['jobs.retryFailed', { id: 'j', secrets: { ref: 1 } }, 'secrets.ref'],
    ['jobs.setBandwidth', { id: 'j', mb: -1 }, 'mb'],
    ['jobs.setBandwidth', { id: 'j' }, 'mb'],
    ['jobs.provideCredentials', { id: 'j', accessKeyId: 'AKIA' }, 'secretAccessKey'],
    ['jobs.provideCredentials', { id: 'j', accessKeyId: ' ', secretAccessKey: 's' }, 'accessKeyId'],
    ['jobs.report', { id: null }, 'id'],
  ] as const)('%s refuses %j naming %s', async (channel, input, field) => {
    const result = await ipc.call(channel, input)
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field } })
    expect(runners).toEqual([])
  })

  it('jobs.list takes no input', async () => {
    expect(await ipc.call('jobs.list', { all: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })
})
