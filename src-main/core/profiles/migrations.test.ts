import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrateDocument } from './migrations'
import { ProfileStore } from './profile-store'

const ID = '11111111-1111-4111-8111-111111111111'
const AT = '2029-05-06T07:08:09.000Z'

/** A document as version 1 stored it: auth fields flat on the profile, kind in `authType`. */
const V1_DOCUMENT = {
  schemaVersion: 1,
  swiftProfiles: [
    {
      id: ID,
      name: 'Legacy Keystone',
      authType: 'password',
      authUrl: 'https://keystone.example.com/v3',
      username: 'alice',
      userDomainName: 'Default',
      projectName: 'media',
      projectDomainName: 'Default',
      password: { secretRef: `profile:${ID}:password` },
      region: 'RegionOne',
      insecure: true,
      createdAt: AT,
      updatedAt: AT,
    },
    {
      id: '22222222-2222-4222-8222-222222222222',
      name: 'Legacy tempauth',
      authType: 'tempauth',
      authUrl: 'https://swift.example.com/auth/v1.0',
      user: 'test:tester',
      key: { secretRef: 'profile:22222222-2222-4222-8222-222222222222:key' },
      createdAt: AT,
      updatedAt: AT,
    },
  ],
  s3Profiles: [],
  jobDefinitions: [],
}

const S3_ID = '33333333-3333-4333-8333-333333333333'

/** A document as version 2 stored it: nested auth, no `lastTest` on any profile. */
const V2_DOCUMENT = {
  schemaVersion: 2,
  swiftProfiles: [
    {
      id: ID,
      name: 'Keystone',
      auth: {
        type: 'v3applicationcredential',
        authUrl: 'https://keystone.example.com/v3',
        applicationCredentialId: 'abc',
        applicationCredentialSecret: { secretRef: `profile:${ID}:applicationCredentialSecret` },
        region: 'RegionOne',
      },
      createdAt: AT,
      updatedAt: AT,
    },
  ],
  s3Profiles: [
    {
      id: S3_ID,
      name: 'Archive',
      provider: 's3-compatible',
      endpoint: 'https://s3.example.com',
      credentials: {
        type: 'keys',
        accessKeyId: 'AKIAEXAMPLE',
        secretAccessKey: { secretRef: `profile:${S3_ID}:secretAccessKey` },
      },
      createdAt: AT,
      updatedAt: AT,
    },
  ],
  jobDefinitions: [],
}

const JOB_ID = '44444444-4444-4444-8444-444444444444'

/** A version 1 file as the app wrote it once migrations were saved: S3 profiles and saved migrations too. */
const V1_WITH_JOBS = {
  ...V1_DOCUMENT,
  s3Profiles: [
    {
      id: S3_ID,
      name: 'Archive',
      provider: 'aws',
      region: 'eu-west-1',
      credentials: {
        type: 'keys',
        accessKeyId: 'AKIAEXAMPLE',
        secretAccessKey: { secretRef: `profile:${S3_ID}:secretAccessKey` },
      },
      createdAt: AT,
      updatedAt: AT,
    },
  ],
  jobDefinitions: [
    {
      id: JOB_ID,
      name: 'Nightly media',
      source: { profileId: ID, containers: ['media'], include: ['**/*.jpg'], directoryMarkers: 'keep' },
      target: { profileId: S3_ID, bucket: 'acme-archive', bucketMode: 'single', destPrefix: 'swift/' },
      options: {
        maxWorkers: 16,
        bandwidthLimitMb: 5,
        deep: false,
        mirror: { enabled: true, maxDeletions: 1000 },
      },
      createdAt: AT,
      updatedAt: AT,
    },
  ],
}

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'profile-migrate-'))
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('profile document migrations', () => {
  it('upgrades a version 1 file when the store opens, keeping a backup of the original', () => {
    const path = join(dir, 'profiles.json')
    writeFileSync(path, JSON.stringify(V1_DOCUMENT))
    const store = new ProfileStore({ cwd: dir })

    expect(store.swift.get(ID)).toEqual({
      id: ID,
      name: 'Legacy Keystone',
      auth: {
        type: 'v3password',
        authUrl: 'https://keystone.example.com/v3',
        username: 'alice',
        userDomainName: 'Default',
        projectName: 'media',
        projectDomainName: 'Default',
        password: { secretRef: `profile:${ID}:password` },
        region: 'RegionOne',
      },
      insecure: true,
      createdAt: AT,
      updatedAt: AT,
    })
    expect(store.swift.findByName('Legacy tempauth')?.auth).toMatchObject({ type: 'v1', user: 'test:tester' })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ schemaVersion: 3 })
    const backup = join(dir, 'profiles.v1.backup.json')
    expect(existsSync(backup)).toBe(true)
    expect(JSON.parse(readFileSync(backup, 'utf8'))).toEqual(V1_DOCUMENT)
  })

  it('treats a document without schemaVersion as version 1', () => {
    const { schemaVersion: _, ...unversioned } = V1_DOCUMENT
    const migrated = migrateDocument(unversioned) as {
      schemaVersion: number
      swiftProfiles: { auth: { type: string } }[]
    }
    expect(migrated.schemaVersion).toBe(3)
    expect(migrated.swiftProfiles.map((p) => p.auth.type)).toEqual(['v3password', 'v1'])
  })

  it('stops on an auth type it cannot map, naming the profile', () => {
    const document = {
      ...V1_DOCUMENT,
      swiftProfiles: [{ ...V1_DOCUMENT.swiftProfiles[0], authType: 'kerberos' }],
    }
    expect(() => migrateDocument(document)).toThrow(
      expect.objectContaining({
        field: 'swiftProfiles.0.authType',
        message: expect.stringMatching(/Legacy Keystone/),
      }),
    )
  })

  it('upgrades a version 1 file with S3 profiles and saved migrations, keeping them as they were', () => {
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify(V1_WITH_JOBS))
    const store = new ProfileStore({ cwd: dir })

    expect(store.jobs.get(JOB_ID)).toMatchObject(V1_WITH_JOBS.jobDefinitions[0]!)
    expect(store.s3.get(S3_ID)).toEqual(V1_WITH_JOBS.s3Profiles[0])
    // The migration still points at its profiles, the Swift one now in the nested v2 shape.
    const job = store.jobs.get(JOB_ID)
    expect(store.swift.get(job.source.profileId).auth.type).toBe('v3password')
    expect(store.s3.get(job.target.profileId).name).toBe('Archive')
    expect(JSON.parse(readFileSync(join(dir, 'profiles.json'), 'utf8'))).toMatchObject({
      schemaVersion: 3,
      jobDefinitions: V1_WITH_JOBS.jobDefinitions,
    })
  })

  it('opens a version 2 file (before profiles kept their last test) unchanged but for the version', () => {
    const path = join(dir, 'profiles.json')
    writeFileSync(path, JSON.stringify(V2_DOCUMENT))
    const store = new ProfileStore({ cwd: dir })
    expect(store.swift.get(ID)).toEqual(V2_DOCUMENT.swiftProfiles[0])
    expect(store.s3.get(S3_ID)).toEqual(V2_DOCUMENT.s3Profiles[0])
    expect(store.swift.get(ID)).not.toHaveProperty('lastTest')
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ ...V2_DOCUMENT, schemaVersion: 3 })
    expect(JSON.parse(readFileSync(join(dir, 'profiles.v2.backup.json'), 'utf8'))).toEqual(V2_DOCUMENT)
  })

  it('loads a saved migration written before the metadata option with its defaults, file untouched', () => {
    const path = join(dir, 'profiles.json')
    const document = {
      schemaVersion: 3,
      swiftProfiles: [],
      s3Profiles: [],
      jobDefinitions: [
        {
          id: '33333333-3333-4333-8333-333333333333',
          name: 'Old nightly',
          source: { profileId: ID, containers: ['media'], directoryMarkers: 'keep' },
          target: { profileId: 's3', bucket: 'archive', bucketMode: 'single' },
          options: {
            maxWorkers: 8,
            bandwidthLimitMb: null,
            deep: false,
            mirror: { enabled: false, maxDeletions: 1000 },
          },
          createdAt: AT,
          updatedAt: AT,
        },
      ],
    }
    writeFileSync(path, JSON.stringify(document))
    const store = new ProfileStore({ cwd: dir })
    expect(store.jobs.findByName('Old nightly')?.options.metadata).toEqual({
      userMetadata: 'copy',
      extra: [],
      oversized: 'fail',
    })
    // Optional with a default: no version step, no backup, nothing rewritten on read.
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(document)
    expect(readdirSync(dir).filter((name) => name.includes('backup'))).toEqual([])
  })

  it('leaves a current document alone', () => {
    const current = { schemaVersion: 3, swiftProfiles: [], s3Profiles: [], jobDefinitions: [] }
    expect(migrateDocument(current)).toBe(current)
  })
})
