import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProfileStore } from './profile-store'
import { jobInput, s3Input, SWIFT_AUTHS, swiftInput, tempStore } from './test-fixtures'

let env: ReturnType<typeof tempStore>
let store: ProfileStore

beforeEach(() => {
  env = tempStore()
  store = env.store
})

afterEach(() => env.cleanup())

describe('ProfileStore: Swift and S3 profiles', () => {
  it('saves a profile with an id, timestamps and references to its own secrets', () => {
    const profile = store.swift.save(swiftInput())
    expect(profile).toMatchObject({
      id: '00000000-0000-4000-8000-000000000001',
      name: 'Prod Swift',
      createdAt: '2030-01-02T03:04:05.000Z',
      updatedAt: '2030-01-02T03:04:05.000Z',
      auth: {
        applicationCredentialSecret: { secretRef: `profile:${profile.id}:applicationCredentialSecret` },
      },
    })
    expect(store.swift.get(profile.id)).toEqual(profile)
  })

  it('points secret references at the profile itself, whatever the input said', () => {
    const input = swiftInput('x', {
      ...SWIFT_AUTHS.password,
      password: { secretRef: 'profile:someone-else:password' },
    })
    const profile = store.swift.save(input)
    expect(profile.auth).toMatchObject({ password: { secretRef: `profile:${profile.id}:password` } })
  })

  it('keeps the data in one versioned document that survives a restart', () => {
    const swift = store.swift.save(swiftInput())
    const s3 = store.s3.save(s3Input())
    const reopened = new ProfileStore({ cwd: env.dir })
    expect(reopened.swift.list()).toEqual([swift])
    expect(reopened.s3.list()).toEqual([s3])
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toMatchObject({ schemaVersion: 3 })
  })

  it('updates in place, keeping createdAt and moving updatedAt', () => {
    const first = store.s3.save(s3Input())
    env.tick()
    const second = store.s3.save({ ...s3Input('Renamed'), id: first.id })
    expect(second).toMatchObject({ id: first.id, name: 'Renamed', createdAt: first.createdAt })
    expect(second.updatedAt).not.toBe(first.updatedAt)
    expect(store.s3.list()).toHaveLength(1)
  })

  it('accepts a record sent back as it was listed, keeping its own timestamps', () => {
    const first = store.swift.save(swiftInput())
    env.tick()
    const echoed = { ...first, createdAt: '1999-01-01T00:00:00.000Z', name: 'Renamed' }
    expect(store.swift.save(echoed)).toMatchObject({ name: 'Renamed', createdAt: first.createdAt })
  })

  it('refuses a second profile of the same kind with the same name, ignoring case', () => {
    store.swift.save(swiftInput('Prod'))
    expect(() => store.swift.save(swiftInput(' prod '))).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        field: 'name',
        message: expect.stringMatching(/named "Prod" already exists/),
      }),
    )
    // Another kind may use the name.
    expect(store.s3.save(s3Input('Prod')).name).toBe('Prod')
  })

  it('refuses to update a profile that does not exist', () => {
    expect(() => store.swift.save({ ...swiftInput(), id: 'nope' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    )
  })

  it('never writes a secret value: the save fails and the file is unchanged', () => {
    store.swift.save(swiftInput('Keep'))
    const before = readFileSync(store.path, 'utf8')
    const input = swiftInput('Leak', { ...SWIFT_AUTHS.password, password: 'hunter2' })
    expect(() => store.swift.save(input)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', field: 'auth.password' }),
    )
    expect(readFileSync(store.path, 'utf8')).toBe(before)
    expect(before).not.toContain('hunter2')
  })

  it('lists by name', () => {
    store.s3.save(s3Input('b'))
    store.s3.save(s3Input('A'))
    store.s3.save(s3Input('c'))
    expect(store.s3.list().map((p) => p.name)).toEqual(['A', 'b', 'c'])
  })

  it('duplicates under a free "(copy)" name with a new id and its own secret references', () => {
    const original = store.swift.save(swiftInput('Prod'))
    const copy = store.swift.duplicate(original.id)
    const again = store.swift.duplicate(original.id)
    expect(copy.name).toBe('Prod (copy)')
    expect(again.name).toBe('Prod (copy 2)')
    expect(copy.id).not.toBe(original.id)
    expect(copy.auth).toMatchObject({
      applicationCredentialSecret: { secretRef: `profile:${copy.id}:applicationCredentialSecret` },
    })
    expect(store.swift.duplicate(original.id, 'Staging').name).toBe('Staging')
  })

  it('deletes and returns the profile, so its secrets can be cleared', () => {
    const profile = store.s3.save(s3Input())
    expect(store.s3.delete(profile.id)).toEqual(profile)
    expect(store.s3.find(profile.id)).toBeUndefined()
    expect(() => store.s3.get(profile.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })
})

describe('ProfileStore: job definitions', () => {
  it('saves a migration between two saved profiles, with defaults filled', () => {
    const swift = store.swift.save(swiftInput())
    const s3 = store.s3.save(s3Input())
    const job = store.jobs.save(jobInput(swift.id, s3.id))
    expect(job).toMatchObject({
      source: { profileId: swift.id, containers: ['media', 'docs'], directoryMarkers: 'keep' },
      target: { profileId: s3.id, bucket: 'acme-archive', bucketMode: 'single' },
      options: { maxWorkers: 8, bandwidthLimitMb: null, mirror: { enabled: true, maxDeletions: 1000 } },
    })
    expect(store.jobs.duplicate(job.id).name).toBe('Nightly media (copy)')
  })

  it('names a profile id that matches nothing', () => {
    const s3 = store.s3.save(s3Input())
    expect(() => store.jobs.save(jobInput('missing', s3.id))).toThrow(
      expect.objectContaining({ code: 'VALIDATION', field: 'source.profileId' }),
    )
  })

  it('checks the bucket with AWS rules only when the target is AWS', () => {
    const swift = store.swift.save(swiftInput())
    const aws = store.s3.save(s3Input())
    const minio = store.s3.save(
      s3Input('minio', { provider: 's3-compatible', endpoint: 'http://127.0.0.1:9000' }),
    )
    const input = (target: string) => ({
      ...jobInput(swift.id, target),
      target: { profileId: target, bucket: 'My_Bucket' },
    })
    expect(() => store.jobs.save(input(aws.id))).toThrow(
      expect.objectContaining({
        field: 'target.bucket',
        message: expect.stringMatching(/"My_Bucket" is not a valid S3 bucket name/),
      }),
    )
    expect(store.jobs.save(input(minio.id)).target.bucket).toBe('My_Bucket')
  })

  it('refuses to delete a profile a saved migration uses, naming the migration', () => {
    const swift = store.swift.save(swiftInput())
    const s3 = store.s3.save(s3Input())
    const job = store.jobs.save(jobInput(swift.id, s3.id))
    expect(() => store.swift.delete(swift.id)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/"Nightly media"/) }),
    )
    store.jobs.delete(job.id)
    expect(store.swift.delete(swift.id).id).toBe(swift.id)
  })
})

describe('ProfileStore: the file', () => {
  it('refuses a damaged file rather than wiping it', () => {
    const path = join(env.dir, 'profiles.json')
    writeFileSync(path, '{ "schemaVersion": 2, ')
    expect(() => new ProfileStore({ cwd: env.dir })).toThrow(expect.objectContaining({ code: 'INTERNAL' }))
    expect(readFileSync(path, 'utf8')).toBe('{ "schemaVersion": 2, ')
  })

  it('refuses a file written by a newer version without touching it', () => {
    const path = join(env.dir, 'profiles.json')
    const newer = JSON.stringify({ schemaVersion: 99, swiftProfiles: [] })
    writeFileSync(path, newer)
    expect(() => new ProfileStore({ cwd: env.dir })).toThrow(
      expect.objectContaining({ code: 'UNAVAILABLE', message: expect.stringMatching(/newer version/) }),
    )
    expect(readFileSync(path, 'utf8')).toBe(newer)
  })

  it('names the field of a hand-edited document that no longer validates', () => {
    store.swift.save(swiftInput())
    const document = JSON.parse(readFileSync(store.path, 'utf8')) as { swiftProfiles: { name: unknown }[] }
    document.swiftProfiles[0]!.name = 42
    writeFileSync(store.path, JSON.stringify(document))
    expect(() => store.swift.list()).toThrow(
      expect.objectContaining({ code: 'INTERNAL', message: expect.stringMatching(/swiftProfiles\.0\.name/) }),
    )
  })
})
