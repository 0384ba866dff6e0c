import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { redactSpec } from '../jobs/history-redact'
import { fakeSpec } from '../jobs/job-manager-fakes'
import { MemoryVault } from '../secrets'
import { MissingSecretError } from './resolve-job-spec'
import { restoreRunSpec } from './restore-run-spec'
import { profileSecretRef } from './secret-ref'
import { s3Input, SWIFT_AUTHS, swiftInput, tempStore } from './test-fixtures'

let temp: ReturnType<typeof tempStore>
let vault: MemoryVault

beforeEach(() => {
  temp = tempStore()
  vault = new MemoryVault()
})

afterEach(() => temp.cleanup())

/** Saved profiles like the run's, and the run as history keeps it (no secrets). */
function savedRun() {
  const swift = temp.store.swift.save(swiftInput('Loopback', SWIFT_AUTHS.v1))
  const s3 = temp.store.s3.save(
    s3Input('Archive', { credentials: { type: 'keys', accessKeyId: 'AKIATEST' } }),
  )
  const spec = fakeSpec({ maxWorkers: 3, mirror: { enabled: true, maxDeletions: 5 } })
  spec.source.include = ['**/*.jpg']
  return { swift, s3, spec, recorded: redactSpec(spec), profiles: { swift: swift.id, s3: s3.id } }
}

const output = { logDir: '/now/logs' }

describe('restoreRunSpec', () => {
  it('gives back the recorded run with the secrets from the vault, writing where Settings say now', async () => {
    const { swift, s3, spec, recorded, profiles } = savedRun()
    await vault.set(profileSecretRef(swift.id, 'key'), 'swift-secret')
    await vault.set(profileSecretRef(s3.id, 'secretAccessKey'), 's3-secret')

    const restored = await restoreRunSpec(recorded, profiles, temp.store, vault, { output })

    const { sessionToken: _dropped, ...keys } = spec.target.credentials!
    expect(restored).toEqual({ ...spec, target: { ...spec.target, credentials: keys }, output })
  })

  it('names every missing secret by its vault reference, the first as the field, as jobs.start does', async () => {
    const { swift, s3, recorded, profiles } = savedRun()

    const error = await restoreRunSpec(recorded, profiles, temp.store, vault, { output }).catch((e) => e)

    expect(error).toBeInstanceOf(MissingSecretError)
    expect(error).toMatchObject({ code: 'AUTH', field: profileSecretRef(swift.id, 'key') })
    expect((error as MissingSecretError).missing.map((m) => m.ref)).toEqual([
      profileSecretRef(swift.id, 'key'),
      profileSecretRef(s3.id, 'secretAccessKey'),
    ])
    expect((error as Error).message).toContain('"Loopback" needs its key')
  })

  it('takes secrets given for this run over the vault', async () => {
    const { swift, s3, recorded, profiles } = savedRun()
    await vault.set(profileSecretRef(swift.id, 'key'), 'old')
    const secrets = {
      [profileSecretRef(swift.id, 'key')]: 'typed',
      [profileSecretRef(s3.id, 'secretAccessKey')]: 'typed-s3',
    }

    const restored = await restoreRunSpec(recorded, profiles, temp.store, vault, { output, secrets })

    expect(restored.source.auth).toMatchObject({ key: 'typed' })
    expect(restored.target.credentials).toMatchObject({ secretAccessKey: 'typed-s3' })
  })

  it('asks for the secrets of a deleted profile, or of a run that never recorded its profiles', async () => {
    const { recorded, profiles } = savedRun()
    temp.store.swift.delete(profiles.swift)

    const deleted = await restoreRunSpec(recorded, profiles, temp.store, vault, { output }).catch((e) => e)
    expect((deleted as Error).message).toContain('"(deleted)" needs its key')

    const unknown = await restoreRunSpec(recorded, null, temp.store, vault, { output }).catch((e) => e)
    expect(unknown).toMatchObject({ code: 'AUTH', field: profileSecretRef('unknown', 'key') })
    const given = {
      [profileSecretRef('unknown', 'key')]: 'k',
      [profileSecretRef('unknown', 'secretAccessKey')]: 's',
    }
    const restored = await restoreRunSpec(recorded, null, temp.store, vault, { output, secrets: given })
    expect(restored.target.credentials).toEqual({ accessKeyId: 'AKIATEST', secretAccessKey: 's' })
  })

  it('needs no S3 secret for a target on an AWS profile', async () => {
    const { swift, spec, profiles } = savedRun()
    delete spec.target.credentials
    spec.target.profile = 'archive'
    await vault.set(profileSecretRef(swift.id, 'key'), 'swift-secret')

    const restored = await restoreRunSpec(redactSpec(spec), profiles, temp.store, vault, { output })

    expect(restored.target).not.toHaveProperty('credentials')
    expect(restored.target.profile).toBe('archive')
  })
})
