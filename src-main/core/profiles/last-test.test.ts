import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConnectionCheck } from '../../../src-preload/contract/connections'
import { ProfileStore } from './profile-store'
import { s3Input, SWIFT_AUTHS, swiftInput, tempStore } from './test-fixtures'

let env: ReturnType<typeof tempStore>
let store: ProfileStore

beforeEach(() => {
  env = tempStore()
  store = env.store
})

afterEach(() => env.cleanup())

const FAILED_AUTH: ConnectionCheck[] = [
  { step: 'secrets', status: 'passed', detail: 'The secrets are in the vault.' },
  {
    step: 'authenticate',
    status: 'failed',
    error: { code: 'AUTH', message: 'Authentication failed at https://k/v3/auth/tokens (HTTP 401).' },
  },
]

describe('a profile’s last connection test', () => {
  it('is kept with the profile, timed by the store’s clock, and survives a restart', () => {
    const profile = store.swift.save(swiftInput())
    env.tick()
    const { test, profile: saved } = store.recordTest(profile, false, FAILED_AUTH)
    expect(test).toEqual({ at: '2030-01-02T03:05:05.000Z', ok: false, checks: FAILED_AUTH })
    expect(saved.lastTest).toEqual(test)
    // A test is not an edit.
    expect(saved.updatedAt).toBe(profile.updatedAt)
    expect(new ProfileStore({ cwd: env.dir }).swift.get(profile.id).lastTest).toEqual(test)
    expect(JSON.parse(readFileSync(store.path, 'utf8')).swiftProfiles[0].lastTest).toEqual(test)
  })

  it('stays through a rename but goes when the endpoint, auth, region or keys change', () => {
    const swift = store.swift.save(swiftInput('Lab', SWIFT_AUTHS.password))
    store.recordTest(swift, true, [])
    const renamed = store.swift.save({ ...swiftInput('Lab renamed', SWIFT_AUTHS.password), id: swift.id })
    expect(renamed.lastTest?.ok).toBe(true)
    const moved = store.swift.save({
      ...swiftInput('Lab renamed', { ...SWIFT_AUTHS.password, region: 'RegionTwo' }),
      id: swift.id,
    })
    expect(moved).not.toHaveProperty('lastTest')

    const s3 = store.s3.save(s3Input())
    for (const change of [
      { region: 'us-west-2' },
      { credentials: { type: 'keys', accessKeyId: 'AKIAOTHER' } },
      { provider: 's3-compatible', endpoint: 'https://s3.example.com' },
      { proxyUrl: 'http://proxy.example.com:3128' },
    ]) {
      store.recordTest(store.s3.get(s3.id), true, [])
      expect(store.s3.save({ ...s3Input(), storageClass: 'GLACIER', id: s3.id }).lastTest?.ok).toBe(true)
      expect(store.s3.save({ ...s3Input(), ...change, id: s3.id })).not.toHaveProperty('lastTest')
      store.s3.save({ ...s3Input(), id: s3.id })
    }
  })

  it('is not kept when the profile’s connection changed while the test ran', () => {
    const tested = store.s3.save(s3Input())
    store.s3.save({ ...s3Input(), region: 'us-west-2', id: tested.id })
    const { profile, test } = store.recordTest(tested, true, [])
    expect(test.ok).toBe(true)
    expect(profile).toMatchObject({ region: 'us-west-2' })
    expect(store.s3.get(tested.id)).not.toHaveProperty('lastTest')
  })

  it('is forgotten on request (a secret changed) and not copied by duplicate', () => {
    const profile = store.swift.save(swiftInput())
    store.recordTest(profile, true, [])
    expect(store.swift.duplicate(profile.id)).not.toHaveProperty('lastTest')
    store.forgetTest('swift', profile.id)
    expect(store.swift.get(profile.id)).not.toHaveProperty('lastTest')
    // Forgetting twice, or a profile never tested, changes nothing.
    expect(() => store.forgetTest('swift', profile.id)).not.toThrow()
  })

  it('cuts a very long server message to a bounded length instead of refusing to store it', () => {
    const profile = store.s3.save(s3Input())
    const long = 'x'.repeat(10_000)
    const { test } = store.recordTest(profile, false, [
      { step: 'bucket', status: 'failed', error: { code: 'UNAVAILABLE', message: long } },
    ])
    const message = test.checks[0]?.error?.message ?? ''
    expect(message.length).toBe(2_000)
    expect(message.endsWith('…')).toBe(true)
  })

  it('never stores a check the schema does not know, naming where it is', () => {
    const profile = store.swift.save(swiftInput())
    expect(() =>
      store.recordTest(profile, false, [{ step: 'teleport' as 'secrets', status: 'failed' }]),
    ).toThrow(/lastTest\.checks\.0\.step/)
  })
})
