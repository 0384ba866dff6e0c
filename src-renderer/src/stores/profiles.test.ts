import { beforeEach, describe, expect, it } from 'vitest'
import {
  FakeFailure,
  fakeBackend,
  s3Profile,
  swiftProfile,
  TESTED_AT,
} from '../features/profiles/test/fake-backend'
import { setApi } from '../ipc/bridge'
import {
  clearSecret,
  deleteProfile,
  loadProfiles,
  resetProfiles,
  saveProfile,
  testProfile,
  useProfiles,
} from './profiles'

describe('profiles store', () => {
  beforeEach(() => resetProfiles())

  it('replaces its copy with what main lists, and says why when it cannot', async () => {
    const backend = fakeBackend({ swift: [swiftProfile()], s3: [s3Profile()] })
    setApi(backend.api)
    await loadProfiles()
    expect(useProfiles.getState().status).toBe('ready')
    expect(useProfiles.getState().swift.map((e) => e.record.name)).toEqual(['Production OpenStack'])
    expect(useProfiles.getState().s3.map((e) => e.record.name)).toEqual(['Archive'])

    backend.answer('profiles.list', () => {
      throw new FakeFailure('INTERNAL', 'The profile file is damaged')
    })
    await loadProfiles()
    expect(useProfiles.getState()).toMatchObject({ status: 'error', error: 'The profile file is damaged' })
  })

  it('puts a saved profile in the list by name, with main’s word on whether its last test stands', async () => {
    const backend = fakeBackend({ swift: [swiftProfile({ name: 'Zulu' })] })
    setApi(backend.api)
    await loadProfiles()
    await testProfile('swift', 'swift-1')
    expect(useProfiles.getState().swift[0]?.lastTest?.ok).toBe(true)

    await saveProfile({
      kind: 'swift',
      record: {
        name: 'Alpha',
        auth: { type: 'v1', authUrl: 'https://swift.example.com/auth/v1.0', user: 'a:b' },
      },
    })
    // A rename leaves the test standing (main said so in its answer) …
    await saveProfile({ kind: 'swift', record: { ...swiftProfile({ name: 'Zulu 2' }) } })
    expect(useProfiles.getState().swift.find((e) => e.record.id === 'swift-1')?.lastTest?.ok).toBe(true)
    // … a new secret does not.
    await saveProfile({
      kind: 'swift',
      record: { ...swiftProfile({ name: 'Zulu 2' }) },
      secrets: { applicationCredentialSecret: 'new' },
    })
    const state = useProfiles.getState()
    expect(state.swift.map((e) => e.record.name)).toEqual(['Alpha', 'Zulu 2'])
    expect(state.swift.find((e) => e.record.id === 'swift-1')).not.toHaveProperty('lastTest')
    expect(state.lastSave).toMatchObject({ id: 'swift-1', name: 'Zulu 2', created: false })
  })

  it('leaves the list alone when main refuses a save', async () => {
    const backend = fakeBackend()
    setApi(backend.api)
    await loadProfiles()
    backend.answer('profiles.save', () => {
      throw new FakeFailure('VALIDATION', 'Swift profile: name must not be empty', 'record.name')
    })
    await expect(
      saveProfile({
        kind: 'swift',
        record: { name: ' ', auth: { type: 'preauth', storageUrl: 'https://x' } },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', field: 'record.name' })
    expect(useProfiles.getState().swift).toEqual([])
    expect(useProfiles.getState().lastSave).toBeNull()
  })

  it('marks a test as running, then takes main’s profile with its last test, or says why it could not run', async () => {
    const backend = fakeBackend({ swift: [swiftProfile()] })
    setApi(backend.api)
    await loadProfiles()
    let finish: () => void = () => {}
    backend.scriptTest(
      () =>
        new Promise((resolve) => {
          finish = () =>
            resolve({
              ok: false,
              checks: [
                {
                  step: 'authenticate',
                  status: 'failed',
                  error: { code: 'AUTH', message: 'Keystone said 401' },
                },
              ],
            })
        }),
    )
    const running = testProfile('swift', 'swift-1')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(useProfiles.getState().testCalls['swift-1']).toEqual({ running: true })
    finish()
    const result = await running
    expect(result?.ok).toBe(false)
    expect(useProfiles.getState().testCalls).toEqual({})
    // The result lives on the entry, as main keeps it: a reload shows the same.
    expect(useProfiles.getState().swift[0]?.lastTest).toEqual({
      at: TESTED_AT,
      ok: false,
      checks: [
        { step: 'authenticate', status: 'failed', error: { code: 'AUTH', message: 'Keystone said 401' } },
      ],
    })
    resetProfiles()
    await loadProfiles()
    expect(useProfiles.getState().swift[0]?.lastTest?.ok).toBe(false)

    backend.answer('profiles.test', () => {
      throw new FakeFailure('NOT_FOUND', 'No Swift profile with id gone', 'id')
    })
    expect(await testProfile('swift', 'gone')).toBeUndefined()
    expect(useProfiles.getState().testCalls['gone']).toEqual({
      running: false,
      error: 'No Swift profile with id gone',
    })
  })

  it('removes a deleted profile and updates a cleared secret’s status, forgetting its last test', async () => {
    const backend = fakeBackend({
      swift: [swiftProfile()],
      s3: [s3Profile()],
      secrets: ['s3-1:secretAccessKey'],
    })
    setApi(backend.api)
    await loadProfiles()
    expect(useProfiles.getState().s3[0]?.secrets[0]?.status).toBe('set')
    await testProfile('s3', 's3-1')
    expect(useProfiles.getState().s3[0]?.lastTest).toBeDefined()
    await clearSecret('s3', 's3-1', 'secretAccessKey')
    expect(useProfiles.getState().s3[0]?.secrets[0]?.status).toBe('unset')
    // Main forgot the test of the cleared secret; the list does too.
    expect(useProfiles.getState().s3[0]).not.toHaveProperty('lastTest')
    expect(backend.callsOf('secrets.clear')).toEqual([{ profileId: 's3-1', field: 'secretAccessKey' }])

    await deleteProfile('swift', 'swift-1')
    expect(useProfiles.getState().swift).toEqual([])
    expect(backend.swift).toEqual([])
  })
})
