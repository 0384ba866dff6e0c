import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jobInput, s3Input, SWIFT_AUTHS, swiftInput, tempStore } from '../profiles/test-fixtures'
import type { SecretStatus } from '../secrets/vault'
import { localAwsProfile } from './spec-source'
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
    ['role-mfa', false, /assumes its role with an MFA code \(mfa_serial\)\. Nobody is there to type/],
    ['temporary-keys', false, /session token \(aws_session_token\): they are temporary, expire/],
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

describe('how a profile of ~/.aws counts for a run nobody watches', () => {
  it('reads a role with MFA and keys with a session token as the problems they are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-unattended-'))
    const old = {
      config: process.env['AWS_CONFIG_FILE'],
      credentials: process.env['AWS_SHARED_CREDENTIALS_FILE'],
    }
    try {
      writeFileSync(
        join(dir, 'config'),
        '[profile mfa]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\nmfa_serial = arn:aws:iam::1:mfa/u\n' +
          '[profile plain-role]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\n',
      )
      writeFileSync(
        join(dir, 'credentials'),
        '[base]\naws_access_key_id = AKIA1\naws_secret_access_key = s\n' +
          '[temp]\naws_access_key_id = ASIA1\naws_secret_access_key = s\naws_session_token = t\n',
      )
      process.env['AWS_CONFIG_FILE'] = join(dir, 'config')
      process.env['AWS_SHARED_CREDENTIALS_FILE'] = join(dir, 'credentials')
      expect(await localAwsProfile('mfa')).toBe('role-mfa')
      expect(await localAwsProfile('plain-role')).toBe('role')
      expect(await localAwsProfile('temp')).toBe('temporary-keys')
      expect(await localAwsProfile('base')).toBe('keys')
      expect(await localAwsProfile('nowhere')).toBeUndefined()
    } finally {
      restore('AWS_CONFIG_FILE', old.config)
      restore('AWS_SHARED_CREDENTIALS_FILE', old.credentials)
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
}
