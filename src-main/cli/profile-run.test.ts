import { afterEach, describe, expect, it } from 'vitest'
import { jobInput, s3Input, SWIFT_AUTHS, swiftInput, tempStore } from '../core/profiles/test-fixtures'
import { specFromProfile } from './profile-run'
import { profileRun } from './test-support'

/** `--profile NAME` with metadata flags: each flag replaces its own part of the saved choice. */

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

const SAVED = {
  userMetadata: 'skip',
  extra: [{ key: 'migrated-from', value: 'swift-prod' }],
  oversized: 'drop',
} as const

function savedMigration(): Record<string, string> {
  const { store, dir, cleanup } = tempStore()
  cleanups.push(cleanup)
  const swift = store.swift.save(swiftInput('Prod Swift', SWIFT_AUTHS.v1))
  const s3 = store.s3.save(s3Input())
  const job = jobInput(swift.id, s3.id)
  store.jobs.save({ ...job, options: { ...(job['options'] as object), metadata: SAVED } })
  return { SWIFT2S3_CONFIG_DIR: dir, ST_KEY: 'swift-key', AWS_SECRET_ACCESS_KEY: 'aws-secret' }
}

describe('--profile with metadata flags', () => {
  it('keeps the saved metadata choices when no metadata flag is given', async () => {
    const env = savedMigration()
    const spec = await specFromProfile(profileRun(['--profile', 'Nightly media'], env), env, undefined)
    expect(spec.options.metadata).toEqual(SAVED)
  })

  it('replaces only the parts a flag names', async () => {
    const env = savedMigration()
    const pairs = profileRun(['--profile', 'Nightly media', '--setMetadata', 'site=zurich'], env)
    expect((await specFromProfile(pairs, env, undefined)).options.metadata).toEqual({
      ...SAVED,
      extra: [{ key: 'site', value: 'zurich' }],
    })
    const fail = profileRun(['--profile', 'Nightly media', '--oversizedMetadata', 'fail'], env)
    expect((await specFromProfile(fail, env, undefined)).options.metadata).toEqual({
      ...SAVED,
      oversized: 'fail',
    })
    const copy = profileRun(['--profile', 'Nightly media', '--noUserMetadata=false'], env)
    expect((await specFromProfile(copy, env, undefined)).options.metadata).toEqual({
      ...SAVED,
      userMetadata: 'copy',
    })
  })
})
