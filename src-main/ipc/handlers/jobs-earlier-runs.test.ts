import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { JobManager } from '../../core/jobs/job-manager'
import { FakeManagerClock, fakeOutcome, fakeRunners } from '../../core/jobs/job-manager-fakes'
import { profileSecretRef, type JobDefinition } from '../../core/profiles'
import { jobInput } from '../../core/profiles/test-fixtures'
import { ipcHarness, saveTwoProfiles, valueOf } from './test-support'

/**
 * Resume and retry of a run from an earlier session: the app kept no secrets, so the run is rebuilt
 * from its own recorded spec (not from its saved migration as it is now) with the vault's secrets.
 */

const SWIFT_KEY = 'swift-key-Zx9q'
const S3_SECRET = 's3-secret-Qw7e'
const SECRETS = [SWIFT_KEY, S3_SECRET]

let dir: string
let manager: JobManager
let runners: ReturnType<typeof fakeRunners>['runners']
let ipc: ReturnType<typeof ipcHarness>

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

/** The app stops and starts again: history is reloaded, in-memory secrets are gone. */
async function restart(): Promise<void> {
  await manager.close()
  manager = await openManager()
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ipc-earlier-runs-'))
  manager = await openManager()
  ipc = ipcHarness({ jobs: { manager: () => manager, logDir: join(dir, 'logs') } })
})

afterEach(async () => {
  for (const reply of ipc.replies) for (const secret of SECRETS) expect(reply).not.toContain(secret)
  expect(ipc.internalErrors).toEqual([])
  await manager.close()
  ipc.cleanup()
  rmSync(dir, { recursive: true, force: true })
})

async function saveProfiles(options: { swiftKey?: boolean } = {}) {
  return saveTwoProfiles(ipc, { swiftKey: SWIFT_KEY, s3Secret: S3_SECRET }, options)
}

async function saveDefinition() {
  const { swiftId, s3Id } = await saveProfiles()
  const saved = valueOf(await ipc.call('profiles.save', { kind: 'job', record: jobInput(swiftId, s3Id) }))
  return { swiftId, s3Id, definition: saved.entry.record as JobDefinition }
}

/** A run under way when the app stopped: interrupted once history is reloaded. */
async function interruptedRun(start: Parameters<typeof ipc.call<'jobs.start'>>[1]): Promise<string> {
  const id = valueOf(await ipc.call('jobs.start', start)).id
  runners[0]?.emit({ type: 'state', state: 'running' })
  await restart()
  expect(valueOf(await ipc.call('jobs.get', { id })).state).toBe('interrupted')
  return id
}

describe('resuming an interrupted run', () => {
  it('runs what that run ran, though its saved migration was edited since', async () => {
    const { definition } = await saveDefinition()
    const id = await interruptedRun({ definitionId: definition.id })
    valueOf(
      await ipc.call('profiles.save', {
        kind: 'job',
        record: {
          ...definition,
          source: { ...definition.source, containers: ['other'] },
          target: { ...definition.target, bucket: 'another-bucket' },
        },
      }),
    )

    const resumed = valueOf(await ipc.call('jobs.resume', { id }))

    expect(resumed).toMatchObject({ retryOf: id, definitionId: definition.id })
    const spec = runners[0]?.spec
    expect(spec?.source.containers).toEqual(['media', 'docs'])
    expect(spec?.target.bucket).toBe('acme-archive')
    expect(spec?.source.auth).toMatchObject({ type: 'v1', key: SWIFT_KEY })
    expect(spec?.target.credentials).toEqual({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: S3_SECRET })
    expect(spec?.output.logDir).toBe(join(dir, 'logs'))
  })

  it('still resumes once its saved migration is deleted', async () => {
    const { definition } = await saveDefinition()
    const id = await interruptedRun({ definitionId: definition.id })
    valueOf(await ipc.call('profiles.delete', { kind: 'job', id: definition.id }))

    expect(valueOf(await ipc.call('jobs.resume', { id }))).toMatchObject({ retryOf: id })
    expect(runners[0]?.spec.target.bucket).toBe('acme-archive')
  })

  it('resumes a run started without saving, asking for the secret the vault lacks', async () => {
    const { swiftId, s3Id } = await saveProfiles({ swiftKey: false })
    const ref = profileSecretRef(swiftId, 'key')
    const id = await interruptedRun({ definition: jobInput(swiftId, s3Id), secrets: { [ref]: SWIFT_KEY } })

    // As jobs.start does: AUTH naming the missing secret by its reference, so the page asks for it.
    const missing = await ipc.call('jobs.resume', { id })
    expect(missing).toMatchObject({ ok: false, error: { code: 'AUTH', field: ref } })
    expect(!missing.ok && missing.error.message).toContain('"Loopback" needs its key')

    const resumed = valueOf(await ipc.call('jobs.resume', { id, secrets: { [ref]: SWIFT_KEY } }))
    expect(resumed).toMatchObject({ retryOf: id, definitionId: null })
    expect(runners[0]?.spec.source.auth).toMatchObject({ key: SWIFT_KEY })
    expect(runners[0]?.spec.target.credentials).toMatchObject({ secretAccessKey: S3_SECRET })
  })

  it('pairs a rotated S3 key with the access key id its profile has now', async () => {
    const { definition, s3Id } = await saveDefinition()
    const id = await interruptedRun({ definitionId: definition.id })
    const s3 = valueOf(await ipc.call('profiles.get', { kind: 's3', id: s3Id }))
    valueOf(
      await ipc.call('profiles.save', {
        kind: 's3',
        record: { ...s3.record, credentials: { type: 'keys', accessKeyId: 'AKIAROTATED' } },
        secrets: { secretAccessKey: S3_SECRET },
      }),
    )

    valueOf(await ipc.call('jobs.resume', { id }))

    expect(runners[0]?.spec.target.credentials).toEqual({
      accessKeyId: 'AKIAROTATED',
      secretAccessKey: S3_SECRET,
    })
  })
})

describe('retrying a run of an earlier session', () => {
  it('retries what that run ran, though its saved migration was edited since', async () => {
    const { definition } = await saveDefinition()
    const id = valueOf(await ipc.call('jobs.start', { definitionId: definition.id })).id
    runners[0]?.finish(fakeOutcome(1, 'completed-with-failures', { failed: 1 }))
    await manager.settled(id)
    await restart()
    valueOf(
      await ipc.call('profiles.save', {
        kind: 'job',
        record: { ...definition, target: { ...definition.target, bucket: 'another-bucket' } },
      }),
    )

    expect(valueOf(await ipc.call('jobs.retryFailed', { id }))).toMatchObject({ retryOf: id })
    expect(runners[0]?.spec.target.bucket).toBe('acme-archive')
    expect(runners[0]?.spec.source.auth).toMatchObject({ key: SWIFT_KEY })
  })
})
