import { beforeEach, describe, expect, it } from 'vitest'
import { FakeFailure, fakeBackend, s3Profile, swiftProfile } from '../features/profiles/test/fake-backend'
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

  it('puts a saved profile in the list by name and forgets its last test', async () => {
    const backend = fakeBackend({ swift: [swiftProfile({ name: 'Zulu' })] })
    setApi(backend.api)
    await loadProfiles()
    await testProfile('swift', 'swift-1')
    expect(useProfiles.getState().tests['swift-1']?.result?.ok).toBe(true)

    await saveProfile({
      kind: 'swift',
      record: {
        name: 'Alpha',
        auth: { type: 'v1', authUrl: 'https://swift.example.com/auth/v1.0', user: 'a:b' },
      },
    })
    await saveProfile({ kind: 'swift', record: { ...swiftProfile({ name: 'Zulu 2' }) } })
    const state = useProfiles.getState()
    expect(state.swift.map((e) => e.record.name)).toEqual(['Alpha', 'Zulu 2'])
    expect(state.tests['swift-1']).toBeUndefined()
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

  it('keeps each profile’s last test: running, then the result, or why it could not run', async () => {
    const backend = fakeBackend({ swift: [swiftProfile()] })
    setApi(backend.api)
    let finish: () => void = () => {}
    backend.answer(
      'profiles.test',
      ({ kind, id }) =>
        new Promise((resolve) => {
          finish = () =>
            resolve({
              kind,
              id,
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
    await Promise.resolve()
    expect(useProfiles.getState().tests['swift-1']?.running).toBe(true)
    finish()
    const result = await running
    expect(result?.ok).toBe(false)
    expect(useProfiles.getState().tests['swift-1']).toMatchObject({ running: false, result: { ok: false } })

    backend.answer('profiles.test', () => {
      throw new FakeFailure('NOT_FOUND', 'No Swift profile with id gone', 'id')
    })
    expect(await testProfile('swift', 'gone')).toBeUndefined()
    expect(useProfiles.getState().tests['gone']).toMatchObject({
      running: false,
      error: 'No Swift profile with id gone',
    })
  })

  it('removes a deleted profile and updates a cleared secret’s status', async () => {
    const backend = fakeBackend({
      swift: [swiftProfile()],
      s3: [s3Profile()],
      secrets: ['s3-1:secretAccessKey'],
    })
    setApi(backend.api)
    await loadProfiles()
    expect(useProfiles.getState().s3[0]?.secrets[0]?.status).toBe('set')
    await clearSecret('s3', 's3-1', 'secretAccessKey')
    expect(useProfiles.getState().s3[0]?.secrets[0]?.status).toBe('unset')
    expect(backend.callsOf('secrets.clear')).toEqual([{ profileId: 's3-1', field: 'secretAccessKey' }])

    await deleteProfile('swift', 'swift-1')
    expect(useProfiles.getState().swift).toEqual([])
    expect(backend.swift).toEqual([])
  })
})
