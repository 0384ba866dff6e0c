import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MemoryVault } from '../secrets/memory-vault'
import type { ProfileStore } from './profile-store'
import { MissingSecretError, resolveJobSpec } from './resolve-job-spec'
import { jobInput, KEYSTONE, PEM, s3Input, SWIFT_AUTHS, swiftInput, tempStore } from './test-fixtures'

let env: ReturnType<typeof tempStore>
let store: ProfileStore
let vault: MemoryVault

beforeEach(() => {
  env = tempStore()
  store = env.store
  vault = new MemoryVault()
})

afterEach(() => env.cleanup())

const OUTPUT = { logDir: '/var/log/swift2s3' }

function saveAll(
  swiftAuth: object = SWIFT_AUTHS.appCredentialById,
  s3Overrides: Record<string, unknown> = {},
) {
  const swift = store.swift.save({ ...swiftInput('Prod Swift', swiftAuth), insecure: true })
  const s3 = store.s3.save(s3Input('AWS archive', s3Overrides))
  const job = store.jobs.save(jobInput(swift.id, s3.id))
  return { swift, s3, job }
}

describe('resolveJobSpec', () => {
  it('builds the engine job from the saved migration, its profiles and the vault', async () => {
    const { swift, s3, job } = saveAll()
    await vault.set(`profile:${swift.id}:applicationCredentialSecret`, 'app-secret')
    await vault.set(`profile:${s3.id}:secretAccessKey`, 's3-secret')

    const spec = await resolveJobSpec(job, store, vault, { output: OUTPUT })

    expect(spec).toEqual({
      source: {
        auth: {
          type: 'v3applicationcredential',
          authUrl: KEYSTONE,
          applicationCredentialId: 'ac1',
          applicationCredentialSecret: 'app-secret',
        },
        tls: { insecure: true },
        caBundle: PEM,
        proxyUrl: 'http://proxy.example.com:3128',
        containers: ['media', 'docs'],
        include: ['**/*.jpg'],
        directoryMarkers: 'keep',
      },
      target: {
        bucket: 'acme-archive',
        bucketMode: 'single',
        destPrefix: 'swift/',
        region: 'eu-west-1',
        storageClass: 'STANDARD_IA',
        credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 's3-secret' },
      },
      options: {
        maxWorkers: 8,
        bandwidthLimitMb: null,
        dryRun: false,
        verifyOnly: false,
        deep: false,
        mirror: { enabled: true, maxDeletions: 1000 },
        metadata: { userMetadata: 'copy', extra: [], oversized: 'fail' },
      },
      output: OUTPUT,
    })
  })

  it('names every missing secret and its profile so the UI can ask for them', async () => {
    const { swift, s3, job } = saveAll(SWIFT_AUTHS.password)
    const error = await resolveJobSpec(job, store, vault, { output: OUTPUT }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MissingSecretError)
    const missing = error as MissingSecretError
    expect(missing.code).toBe('AUTH')
    expect(missing.field).toBe(`profile:${swift.id}:password`)
    expect(missing.message).toBe(
      'Secrets are missing: the Swift profile "Prod Swift" needs its password; ' +
        'the S3 profile "AWS archive" needs its secret access key. Enter them to continue.',
    )
    expect(missing.missing.map((m) => [m.profileKind, m.field, m.ref])).toEqual([
      ['swift', 'password', `profile:${swift.id}:password`],
      ['s3', 'secretAccessKey', `profile:${s3.id}:secretAccessKey`],
    ])
  })

  it('uses secrets given for this run only, and run choices over saved options', async () => {
    const { swift, job } = saveAll(SWIFT_AUTHS.v1, {
      credentials: { type: 'aws-profile', profile: 'backup' },
    })
    const spec = await resolveJobSpec(job, store, vault, {
      output: OUTPUT,
      secrets: { [`profile:${swift.id}:key`]: 'typed-once' },
      options: { dryRun: true, maxWorkers: 2 },
    })
    expect(spec.source.auth).toMatchObject({ type: 'v1', key: 'typed-once' })
    expect(spec.target.profile).toBe('backup')
    expect(spec.target.credentials).toBeUndefined()
    expect(spec.options).toMatchObject({ dryRun: true, maxWorkers: 2 })
    expect(await vault.status(`profile:${swift.id}:key`)).toBe('unset')
  })

  it('needs no secret for the default credential chain', async () => {
    const { swift, job } = saveAll(SWIFT_AUTHS.preauth, { credentials: { type: 'default-chain' } })
    await vault.set(`profile:${swift.id}:token`, 'tok')
    const spec = await resolveJobSpec(job, store, vault, { output: OUTPUT })
    expect(spec.source.auth).toEqual({ ...SWIFT_AUTHS.preauth, token: 'tok' })
    expect(spec.target.credentials).toBeUndefined()
    expect(spec.target.profile).toBeUndefined()
  })

  it('says which profile is gone', async () => {
    const { job } = saveAll()
    const orphan = { ...job, target: { ...job.target, profileId: 'deleted' } } as typeof job
    await expect(resolveJobSpec(orphan, store, vault, { output: OUTPUT })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })
})
