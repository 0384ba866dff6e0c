import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../errors'
import { MemoryVault } from '../secrets/memory-vault'
import { currentS3Credentials, type AwsChainRead } from './refresh-credentials'
import { s3Input, tempStore } from './test-fixtures'

let env: ReturnType<typeof tempStore>
let vault: MemoryVault
let awsDir: string

/** Writes the two AWS files the SDK reads (pointed at by AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). */
function writeAwsFiles(config: string, credentials: string): void {
  writeFileSync(join(awsDir, 'config'), config)
  writeFileSync(join(awsDir, 'credentials'), credentials)
}

beforeEach(() => {
  env = tempStore()
  vault = new MemoryVault()
  awsDir = mkdtempSync(join(tmpdir(), 'refresh-aws-'))
  writeAwsFiles('', '')
  // The SDK's chain reads only these files: nothing from this machine's environment or ~/.aws, and
  // no instance-metadata request.
  vi.stubEnv('AWS_CONFIG_FILE', join(awsDir, 'config'))
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(awsDir, 'credentials'))
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true')
  for (const name of [
    'AWS_PROFILE',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  ]) {
    vi.stubEnv(name, undefined)
  }
})

afterEach(() => {
  vi.unstubAllEnvs()
  env.cleanup()
  rmSync(awsDir, { recursive: true, force: true })
})

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('currentS3Credentials for a profile with keys', () => {
  it('takes the key id from the profile and the secret the vault holds now', async () => {
    const profile = env.store.s3.save(s3Input('Archive'))
    const ref = `profile:${profile.id}:secretAccessKey`
    await vault.set(ref, 'old-secret')
    expect(await currentS3Credentials(profile, vault)).toEqual({
      accessKeyId: 'AKIAEXAMPLE',
      secretAccessKey: 'old-secret',
    })
    // Replaced on the Profiles screen while the run waits.
    await vault.set(ref, 'new-secret')
    expect(await currentS3Credentials(profile, vault)).toEqual({
      accessKeyId: 'AKIAEXAMPLE',
      secretAccessKey: 'new-secret',
    })
  })

  it('answers AUTH naming the secret slot when the vault has none', async () => {
    const profile = env.store.s3.save(s3Input('Archive'))
    const error = await refusal(currentS3Credentials(profile, vault))
    expect(error.code).toBe('AUTH')
    expect(error.field).toBe(`profile:${profile.id}:secretAccessKey`)
    expect(error.message).toContain('"Archive" has no secret access key saved')
  })
})

describe('currentS3Credentials for an AWS profile', () => {
  const awsProfile = (name = 'Archive') =>
    env.store.s3.save(s3Input(name, { credentials: { type: 'aws-profile', profile: 'archive' } }))

  it('reads the profile afresh, so keys rotated in the credentials file are seen', async () => {
    const profile = awsProfile()
    writeAwsFiles(
      '[profile archive]\nregion = eu-west-1\n',
      '[archive]\naws_access_key_id = AKIAFIRST\naws_secret_access_key = first-secret\n',
    )
    expect(await currentS3Credentials(profile, vault)).toEqual({
      accessKeyId: 'AKIAFIRST',
      secretAccessKey: 'first-secret',
    })

    writeAwsFiles(
      '[profile archive]\nregion = eu-west-1\n',
      [
        '[archive]',
        'aws_access_key_id = ASIASECOND',
        'aws_secret_access_key = second-secret',
        'aws_session_token = second-token',
        '',
      ].join('\n'),
    )
    expect(await currentS3Credentials(profile, vault)).toEqual({
      accessKeyId: 'ASIASECOND',
      secretAccessKey: 'second-secret',
      sessionToken: 'second-token',
    })
  })

  it('runs the profile’s credential_process and keeps its session token', async () => {
    const profile = awsProfile()
    const script = join(awsDir, 'creds.cjs')
    const expiration = new Date(Date.now() + 3_600_000).toISOString()
    writeFileSync(
      script,
      `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: 'ASIAPROC', SecretAccessKey: 'proc-secret', SessionToken: 'proc-token', Expiration: '${expiration}' }))`,
    )
    writeAwsFiles(`[profile archive]\ncredential_process = "${process.execPath}" "${script}"\n`, '')
    expect(await currentS3Credentials(profile, vault)).toEqual({
      accessKeyId: 'ASIAPROC',
      secretAccessKey: 'proc-secret',
      sessionToken: 'proc-token',
    })
  })

  it('says the profile is not in the AWS files when it is missing', async () => {
    writeAwsFiles('[profile other]\nregion = eu-west-1\n', '')
    const error = await refusal(currentS3Credentials(awsProfile(), vault))
    expect(error.code).toBe('AUTH')
    expect(error.message).toContain('the AWS profile "archive" (S3 profile "Archive")')
    expect(error.message).toContain(`no such profile in ${join(awsDir, 'config')}`)
  })

  it('refuses keys that have already expired, saying how to renew them', async () => {
    const readChain: AwsChainRead = async () => ({
      accessKeyId: 'ASIAOLD',
      secretAccessKey: 'old-secret',
      sessionToken: 'old-token',
      expiration: new Date('2030-01-01T00:00:00Z'),
    })
    const error = await refusal(
      currentS3Credentials(awsProfile(), vault, { readChain, now: () => Date.parse('2030-01-01T00:00:01Z') }),
    )
    expect(error.message).toContain('expired at 2030-01-01T00:00:00.000Z')
    expect(error.message).toContain('aws sso login')
    expect(error.message).not.toContain('old-secret')
  })

  it('passes on why the SDK gave no keys, without secrets', async () => {
    const readChain: AwsChainRead = async (name) => {
      throw new Error(`The SSO session associated with profile ${name} has expired.\nRun aws sso login.`)
    }
    const error = await refusal(currentS3Credentials(awsProfile(), vault, { readChain }))
    expect(error.code).toBe('AUTH')
    expect(error.message).toBe(
      'Could not read keys from the AWS profile "archive" (S3 profile "Archive"): The SSO session associated with profile archive has expired.',
    )
  })
})

describe('currentS3Credentials for the default chain', () => {
  it('reads the default profile of the AWS files', async () => {
    const profile = env.store.s3.save(s3Input('Archive', { credentials: { type: 'default-chain' } }))
    writeAwsFiles('', '[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = default-secret\n')
    expect(await currentS3Credentials(profile, vault)).toEqual({
      accessKeyId: 'AKIADEFAULT',
      secretAccessKey: 'default-secret',
    })
  })

  it('says where it looked when there are no keys anywhere', async () => {
    const profile = env.store.s3.save(s3Input('Archive', { credentials: { type: 'default-chain' } }))
    const error = await refusal(currentS3Credentials(profile, vault))
    expect(error.code).toBe('AUTH')
    expect(error.message).toContain('the AWS default credential chain (S3 profile "Archive")')
    expect(error.message).toContain('there are none in the environment')
  })
})
