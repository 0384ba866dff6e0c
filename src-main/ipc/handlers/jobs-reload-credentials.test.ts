import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { JobManager } from '../../core/jobs/job-manager'
import { FakeManagerClock, fakeOutcome, fakeRunners } from '../../core/jobs/job-manager-fakes'
import { profileSecretRef } from '../../core/profiles'
import { jobInput, s3Input, SWIFT_AUTHS, swiftInput } from '../../core/profiles/test-fixtures'
import { ipcHarness, valueOf } from './test-support'

/**
 * jobs.reloadCredentials: a run whose keys expired takes the keys the S3 profile it started with
 * gives now (the vault, or ~/.aws), and no reply carries a secret.
 */

const SWIFT_KEY = 'swift-key-Zx9q'
const OLD_SECRET = 's3-secret-Qw7e'
const NEW_SECRET = 'replaced-secret-Hj2k'
const AWS_SECRET = 'aws-file-secret-Rt5y'
const AWS_TOKEN = 'aws-file-token-Lm3n'
const SECRETS = [SWIFT_KEY, OLD_SECRET, NEW_SECRET, AWS_SECRET, AWS_TOKEN]

let dir: string
let manager: JobManager
let runners: ReturnType<typeof fakeRunners>['runners']
let ipc: ReturnType<typeof ipcHarness>

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ipc-reload-'))
  const fakes = fakeRunners()
  runners = fakes.runners
  manager = await JobManager.open({
    historyDir: join(dir, 'history'),
    tool: { name: 'swift2s3', version: 'test' },
    startedBy: 'tester@host',
    runJob: fakes.factory,
    clock: new FakeManagerClock(),
  })
  ipc = ipcHarness({ jobs: { manager: () => manager, logDir: join(dir, 'logs') } })
})

afterEach(async () => {
  vi.unstubAllEnvs()
  for (const reply of ipc.replies) for (const secret of SECRETS) expect(reply).not.toContain(secret)
  expect(ipc.internalErrors).toEqual([])
  await manager.close()
  ipc.cleanup()
  rmSync(dir, { recursive: true, force: true })
})

/** Profiles and a saved migration; the S3 profile uses keys unless `s3Credentials` says otherwise. */
async function saveProfiles(s3Credentials?: object) {
  const swift = valueOf(
    await ipc.call('profiles.save', {
      kind: 'swift',
      record: swiftInput('Loopback', SWIFT_AUTHS.v1),
      secrets: { key: SWIFT_KEY },
    }),
  )
  const s3 = valueOf(
    await ipc.call('profiles.save', {
      kind: 's3',
      record: s3Input('Archive', s3Credentials ? { credentials: s3Credentials } : {}),
      secrets: s3Credentials ? {} : { secretAccessKey: OLD_SECRET },
    }),
  )
  const swiftId = swift.entry.record.id
  const s3Id = s3.entry.record.id
  const job = valueOf(await ipc.call('profiles.save', { kind: 'job', record: jobInput(swiftId, s3Id) }))
  return { swiftId, s3Id, definitionId: job.entry.record.id }
}

/** A run that hit expired keys and waits, as the engine reports it. */
async function waitingRun(definitionId: string): Promise<string> {
  const id = valueOf(await ipc.call('jobs.start', { definitionId })).id
  runners[0]?.emit({ type: 'state', state: 'waiting-for-credentials', message: 'ExpiredToken' })
  expect(valueOf(await ipc.call('jobs.get', { id })).state).toBe('waiting-for-credentials')
  return id
}

describe('jobs.reloadCredentials', () => {
  it('hands the run the secret just replaced on the Profiles screen, and the run goes on', async () => {
    const { s3Id, definitionId } = await saveProfiles()
    const id = await waitingRun(definitionId)
    valueOf(await ipc.call('secrets.set', { profileId: s3Id, field: 'secretAccessKey', value: NEW_SECRET }))

    const job = valueOf(await ipc.call('jobs.reloadCredentials', { id }))

    expect(job).toMatchObject({ id, state: 'running' })
    expect(runners[0]?.credentials).toEqual({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: NEW_SECRET })
  })

  it('answers AUTH naming the secret when the profile has none, and leaves the run waiting', async () => {
    const { s3Id, definitionId } = await saveProfiles()
    const id = await waitingRun(definitionId)
    valueOf(await ipc.call('secrets.clear', { profileId: s3Id, field: 'secretAccessKey' }))

    const result = await ipc.call('jobs.reloadCredentials', { id })

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'AUTH', field: profileSecretRef(s3Id, 'secretAccessKey') },
    })
    expect(!result.ok && result.error.message).toContain('"Archive" has no secret access key saved')
    expect(runners[0]?.calls).not.toContain('provideCredentials')
    expect(valueOf(await ipc.call('jobs.get', { id })).state).toBe('waiting-for-credentials')
  })

  it('reads an AWS profile afresh from the AWS files', async () => {
    const aws = join(dir, 'aws')
    mkdirSync(aws)
    writeFileSync(join(aws, 'config'), '[profile archive]\nregion = eu-west-1\n')
    writeFileSync(
      join(aws, 'credentials'),
      `[archive]\naws_access_key_id = ASIAFRESH\naws_secret_access_key = ${AWS_SECRET}\naws_session_token = ${AWS_TOKEN}\n`,
    )
    vi.stubEnv('AWS_CONFIG_FILE', join(aws, 'config'))
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(aws, 'credentials'))
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true')
    const { definitionId } = await saveProfiles({ type: 'aws-profile', profile: 'archive' })
    const id = await waitingRun(definitionId)

    valueOf(await ipc.call('jobs.reloadCredentials', { id }))

    expect(runners[0]?.credentials).toEqual({
      accessKeyId: 'ASIAFRESH',
      secretAccessKey: AWS_SECRET,
      sessionToken: AWS_TOKEN,
    })
  })

  it('re-reads the S3 profile of a run started without saving its migration', async () => {
    const { swiftId, s3Id } = await saveProfiles()
    const id = valueOf(await ipc.call('jobs.start', { definition: jobInput(swiftId, s3Id) })).id
    runners[0]?.emit({ type: 'state', state: 'waiting-for-credentials', message: 'ExpiredToken' })
    valueOf(await ipc.call('secrets.set', { profileId: s3Id, field: 'secretAccessKey', value: NEW_SECRET }))

    expect(valueOf(await ipc.call('jobs.reloadCredentials', { id }))).toMatchObject({ id, state: 'running' })
    expect(runners[0]?.credentials).toEqual({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: NEW_SECRET })
  })

  it('reads the profile the run started with, though its saved migration now names another', async () => {
    const { swiftId, s3Id, definitionId } = await saveProfiles()
    const id = await waitingRun(definitionId)
    const other = valueOf(
      await ipc.call('profiles.save', {
        kind: 's3',
        record: s3Input('Other'),
        secrets: { secretAccessKey: 'x' },
      }),
    )
    valueOf(
      await ipc.call('profiles.save', {
        kind: 'job',
        record: { ...jobInput(swiftId, other.entry.record.id), id: definitionId },
      }),
    )
    valueOf(await ipc.call('secrets.set', { profileId: s3Id, field: 'secretAccessKey', value: NEW_SECRET }))

    valueOf(await ipc.call('jobs.reloadCredentials', { id }))

    expect(runners[0]?.credentials).toEqual({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: NEW_SECRET })
  })

  it('refuses when the S3 profile of the run was deleted: the keys must be typed in', async () => {
    const { swiftId, s3Id, definitionId } = await saveProfiles()
    const id = valueOf(await ipc.call('jobs.start', { definition: jobInput(swiftId, s3Id) })).id
    valueOf(await ipc.call('profiles.delete', { kind: 'job', id: definitionId }))
    valueOf(await ipc.call('profiles.delete', { kind: 's3', id: s3Id }))

    const result = await ipc.call('jobs.reloadCredentials', { id })

    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(!result.ok && result.error.message).toContain('enter the keys here instead')
    expect(runners[0]?.calls).not.toContain('provideCredentials')
  })

  it('refuses a run that has finished', async () => {
    const { definitionId } = await saveProfiles()
    const id = valueOf(await ipc.call('jobs.start', { definitionId })).id
    runners[0]?.finish(fakeOutcome(0, 'completed'))
    await manager.settled(id)

    expect(await ipc.call('jobs.reloadCredentials', { id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('is not running') },
    })
  })

  it('answers NOT_FOUND for an unknown run and VALIDATION for a missing id', async () => {
    expect(await ipc.call('jobs.reloadCredentials', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await ipc.call('jobs.reloadCredentials', {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'id' },
    })
  })
})
