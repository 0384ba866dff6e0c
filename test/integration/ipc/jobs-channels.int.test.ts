import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HISTORY_FILE } from '../../../src-main/core/jobs/history'
import { JobManager } from '../../../src-main/core/jobs/job-manager'
import { ipcHarness, tempSettings, valueOf } from '../../../src-main/ipc/handlers/test-support'
import { createHandlers, type JobsDeps } from '../../../src-main/ipc/handlers'
import { createRouter } from '../../../src-main/ipc/router'
import { testAppInfo } from '../../fixtures/app-info'
import { createBucket, rawClient, removeBucket } from '../s3/s3-support'
import { client, servers, tempauth, unique } from '../support/swift-clients'
import { saveLoopbackProfiles } from './loopback-profiles'

/**
 * The jobs channels the New Migration form and the Migrations list use, against the real servers: a dry
 * run of an unsaved migration and its plan, "copy as CLI command", and Resume of an interrupted run.
 */

const swift = client({ auth: tempauth() })
const container = unique('ipc-jobs')
const bucket = unique('ipc-jobs')
const s3 = rawClient()
const objects = Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.bin`, data: randomBytes(10_000 + i) }))
const managers: JobManager[] = []

let dataDir: string
let ipc: ReturnType<typeof ipcHarness>
let swiftId: string
let s3Id: string

async function openHost(): Promise<JobsDeps> {
  const manager = await JobManager.open({
    historyDir: join(dataDir, 'history'),
    tool: { name: 'swift2s3', version: 'test' },
    startedBy: 'test',
  })
  managers.push(manager)
  return { manager: () => manager, logDir: join(dataDir, 'logs') }
}

async function harness(jobs: JobsDeps) {
  const h = ipcHarness({ jobs })
  ;({ swiftId, s3Id } = await saveLoopbackProfiles(h))
  return h
}

function draft() {
  return {
    name: 'Unsaved',
    source: { profileId: swiftId, containers: [container] },
    target: { profileId: s3Id, bucket },
    options: { maxWorkers: 2 },
  }
}

async function settled(id: string) {
  const manager = managers.at(-1)!
  return manager.settled(id)
}

beforeAll(async () => {
  await swift.putContainer(container)
  for (const o of objects) await swift.putObject(container, o.name, o.data)
  await createBucket(s3, bucket)
  dataDir = mkdtempSync(join(tmpdir(), 'ipc-jobs-'))
  ipc = await harness(await openHost())
}, 60_000)

afterAll(async () => {
  for (const m of managers) await m.close()
  ipc.cleanup()
  for (const o of objects) await swift.deleteObject(container, o.name)
  await swift.deleteContainer(container)
  await swift.close()
  await removeBucket(s3, bucket)
  s3.destroy()
}, 60_000)

describe('jobs.start with an unsaved migration', () => {
  it('dry-runs it and reports the plan: objects and bytes to copy, already there, only in the bucket', async () => {
    // One object already copied (same bytes, so the same MD5 ETag) and one the bucket alone has.
    const [there] = objects
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: there!.name, Body: there!.data }))
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'only-in-bucket.bin', Body: randomBytes(1234) }),
    )
    const started = valueOf(await ipc.call('jobs.start', { definition: draft(), options: { dryRun: true } }))
    expect(started).toMatchObject({ definitionId: null, mode: 'dry-run' })
    expect((await settled(started.id)).state).toBe('done')
    const { summary } = valueOf(await ipc.call('jobs.report', { id: started.id }))
    const bytes = objects.reduce((sum, o) => sum + o.data.length, 0)
    expect(summary?.plan).toEqual({
      copy: objects.length - 1,
      copyBytes: bytes - there!.data.length,
      skip: 1,
      skipBytes: there!.data.length,
      extras: 1,
      extrasBytes: 1234,
      delete: 0,
      deleteBytes: 0,
    })
  })

  it('names the field of a bad migration and starts nothing', async () => {
    const before = valueOf(await ipc.call('jobs.list')).length
    const result = await ipc.call('jobs.start', {
      definition: { ...draft(), target: { profileId: s3Id, bucket: 'a-{container}' } },
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'target.bucket' } })
    expect(valueOf(await ipc.call('jobs.list'))).toHaveLength(before)
  })
})

describe('jobs.cliCommand', () => {
  it('gives the command line of a saved migration, with secrets left to env vars', async () => {
    const saved = valueOf(await ipc.call('profiles.save', { kind: 'job', record: draft() }))
    const { command, secretEnv } = valueOf(
      await ipc.call('jobs.cliCommand', { definitionId: saved.entry.record.id }),
    )
    expect(command).toContain(`--openStackContainer ${container}`)
    expect(command).toContain(`ST_AUTH=${servers.tempauth.authUrl}`)
    expect(secretEnv).toEqual(['ST_KEY', 'AWS_SECRET_ACCESS_KEY'])
    expect(command).not.toContain(servers.s3.secretAccessKey)
    expect(command).not.toContain('testing')
  })
})

describe('jobs.resume of an interrupted run', () => {
  it('resolves the saved migration again and copies only what is missing', async () => {
    const saved = valueOf(
      await ipc.call('profiles.save', { kind: 'job', record: { ...draft(), name: 'Saved' } }),
    )
    const first = valueOf(await ipc.call('jobs.start', { definitionId: saved.entry.record.id }))
    expect((await settled(first.id)).state).toBe('done')

    // As if the app had stopped mid-run: the history on disk shows the run still under way.
    await managers.at(-1)!.close()
    const historyFile = join(dataDir, 'history', HISTORY_FILE)
    const history = JSON.parse(readFileSync(historyFile, 'utf8')) as { runs: { id: string; state: string }[] }
    history.runs.find((run) => run.id === first.id)!.state = 'running'
    writeFileSync(historyFile, JSON.stringify(history))

    const reopened = await openHost()
    expect(reopened.manager().get(first.id).state).toBe('interrupted')
    // The same profiles and vault, as after a restart of the app.
    const router = createRouter(
      createHandlers({
        info: testAppInfo('browser'),
        profiles: () => ipc.store,
        vault: ipc.vault,
        jobs: reopened,
        settings: tempSettings(dataDir),
      }),
    )
    const resumed = await router.dispatch('jobs.resume', { id: first.id })
    if (!resumed.ok) throw new Error(resumed.error.message)
    const rerun = reopened
      .manager()
      .list()
      .find((job) => job.retryOf === first.id)
    expect(rerun).toBeDefined()
    const done = await reopened.manager().settled(rerun!.id)
    expect(done).toMatchObject({ state: 'done', totals: { copied: 0, skipped: objects.length } })
  })
})
