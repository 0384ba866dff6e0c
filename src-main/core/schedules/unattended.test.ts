import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jobInput, s3Input, SWIFT_AUTHS, swiftInput, tempStore } from '../profiles/test-fixtures'
import type { SecretStatus } from '../secrets/vault'
import { checkUnattended, type AwsCredentialSource } from './unattended'

let env: ReturnType<typeof tempStore>
beforeEach(() => (env = tempStore()))
afterEach(() => env.cleanup())

/** A vault that answers statuses only: `set` is kept between sessions, `session` is not. */
function vaultWith(statuses: Record<string, SecretStatus>) {
  return { status: (ref: string) => Promise.resolve(statuses[ref] ?? 'unset') }
}

function save(swiftAuth: object, s3Overrides: Record<string, unknown> = {}) {
  const swift = env.store.swift.save(swiftInput('Prod Swift', swiftAuth))
  const s3 = env.store.s3.save(s3Input('Archive', s3Overrides))
  const job = env.store.jobs.save(jobInput(swift.id, s3.id))
  return { swift, s3, job }
}

const noAws = () => Promise.resolve(undefined)

describe('can a migration run with nobody at the screen', () => {
  it('yes, when every secret is kept between sessions', async () => {
    const { swift, s3, job } = save(SWIFT_AUTHS.appCredentialById)
    const vault = vaultWith({
      [`profile:${swift.id}:applicationCredentialSecret`]: 'set',
      [`profile:${s3.id}:secretAccessKey`]: 'set',
    })
    expect(await checkUnattended(job, { profiles: env.store, vault, awsProfile: noAws })).toEqual({
      ok: true,
      problems: [],
      notes: [],
    })
  })

  it('no, when a secret is kept for this session only or not at all, saying which and where', async () => {
    const { swift, job } = save(SWIFT_AUTHS.password)
    const vault = vaultWith({ [`profile:${swift.id}:password`]: 'session' })
    const check = await checkUnattended(job, { profiles: env.store, vault, awsProfile: noAws })
    expect(check.ok).toBe(false)
    expect(check.problems).toEqual([
      expect.stringMatching(/Swift profile "Prod Swift" keeps its password for this session only/),
      expect.stringMatching(/S3 profile "Archive" has no secret access key saved/),
    ])
  })

  it('no, for a Swift token, which expires and cannot renew itself', async () => {
    const { s3, job } = save(SWIFT_AUTHS.token)
    const vault = vaultWith({ [`profile:${s3.id}:secretAccessKey`]: 'set' })
    const check = await checkUnattended(job, { profiles: env.store, vault, awsProfile: noAws })
    expect(check.problems).toEqual([expect.stringMatching(/signs in with a token.*application credential/)])
  })

  it.each<[AwsCredentialSource | undefined, boolean, RegExp | null]>([
    ['role', true, null],
    ['process', true, null],
    ['keys', true, null],
    ['sso', true, /SSO session ends.*aws sso login/],
    ['unknown', false, /cannot tell where its keys come from/],
    [undefined, false, /not in ~\/\.aws\/config/],
  ])('an AWS profile whose keys come from %s: ok %s', async (source, ok, message) => {
    const { swift, job } = save(SWIFT_AUTHS.v1, {
      credentials: { type: 'aws-profile', profile: 'migration' },
    })
    const vault = vaultWith({ [`profile:${swift.id}:key`]: 'set' })
    const asked: string[] = []
    const awsProfile = (name: string) => {
      asked.push(name)
      return Promise.resolve(source)
    }
    const check = await checkUnattended(job, { profiles: env.store, vault, awsProfile })
    expect(asked).toEqual(['migration'])
    expect(check.ok).toBe(ok)
    const said = [...check.problems, ...check.notes]
    if (message) expect(said).toEqual([expect.stringMatching(message)])
    else expect(said).toEqual([])
  })

  it('says so when the migration is gone', async () => {
    const check = await checkUnattended(undefined, {
      profiles: env.store,
      vault: vaultWith({}),
      awsProfile: noAws,
    })
    expect(check).toMatchObject({ ok: false, problems: [expect.stringMatching(/no longer exists/)] })
  })
})
