import { describe, expect, it } from 'vitest'
import {
  AWS_SECRET,
  AWS_TOKEN,
  CWD,
  ENV,
  KEYSTONE,
  MINIMAL,
  profileRun,
  run,
  usageError,
} from './test-support'

const SWIFT_ONLY = {
  OS_AUTH_URL: KEYSTONE,
  OS_APPLICATION_CREDENTIAL_ID: 'abc123',
  OS_APPLICATION_CREDENTIAL_SECRET: 'app-cred-secret',
}

describe('parseCli: region and endpoint from the environment', () => {
  it('takes the region from --regionName, then AWS_REGION, then AWS_DEFAULT_REGION, else us-east-1', () => {
    const env = { ...ENV, AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-central-1' }
    expect(run([...MINIMAL, '--regionName', 'ap-southeast-1'], env).spec.target.region).toBe('ap-southeast-1')
    expect(run(MINIMAL, env).spec.target.region).toBe('eu-west-1')
    expect(run(MINIMAL, { ...env, AWS_REGION: ' ' }).spec.target.region).toBe('eu-central-1')
    expect(run(MINIMAL).spec.target.region).toBe('us-east-1')
    expect(run(MINIMAL, env).given.regionName).toBe('env')
  })

  it('takes the endpoint from --s3EndpointUrl, then AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL', () => {
    const env = {
      ...ENV,
      AWS_ENDPOINT_URL_S3: 'https://s3.one.example',
      AWS_ENDPOINT_URL: 'https://two.example',
    }
    expect(run([...MINIMAL, '--s3EndpointUrl', 'https://flag.example'], env).spec.target.endpoint).toBe(
      'https://flag.example',
    )
    expect(run(MINIMAL, env).spec.target.endpoint).toBe('https://s3.one.example')
    expect(run(MINIMAL, { ...env, AWS_ENDPOINT_URL_S3: undefined }).spec.target.endpoint).toBe(
      'https://two.example',
    )
    const ignored = run(MINIMAL, { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }).spec.target
    expect(ignored.endpoint).toBeUndefined()
    expect(ignored.forcePathStyle).toBe(false)
  })

  it('uses path-style URLs with an endpoint from the environment too', () => {
    expect(
      run(MINIMAL, { ...ENV, AWS_ENDPOINT_URL: 'http://127.0.0.1:9000' }).spec.target.forcePathStyle,
    ).toBe(true)
  })

  it('passes AWS_CA_BUNDLE on as an absolute path', () => {
    expect(run(MINIMAL, { ...ENV, AWS_CA_BUNDLE: 'corp-ca.pem' }).s3CaFile).toBe(`${CWD}/corp-ca.pem`)
  })
})

describe('parseCli: AWS credentials', () => {
  const noKeys = { ...SWIFT_ONLY }

  it('passes static keys on, with the session token', () => {
    expect(run(MINIMAL).spec.target.credentials).toStrictEqual({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: AWS_SECRET,
      sessionToken: AWS_TOKEN,
    })
    const { AWS_SESSION_TOKEN: _token, ...permanent } = ENV
    expect(run(MINIMAL, permanent).spec.target.credentials).not.toHaveProperty('sessionToken')
  })

  it('leaves credentials to the SDK when no keys are set, with AWS_PROFILE when there is one', () => {
    const bare = run(MINIMAL, noKeys)
    expect(bare.spec.target.credentials).toBeUndefined()
    expect(bare.spec.target.profile).toBeUndefined()
    const withProfile = run(MINIMAL, { ...noKeys, AWS_PROFILE: 'migration' })
    expect(withProfile.spec.target.profile).toBe('migration')
    expect(withProfile.given.awsProfile).toBe('env')
  })

  it('lets keys win over an AWS_PROFILE left in the shell, as the AWS SDK does', () => {
    const { target } = run(MINIMAL, { ...ENV, AWS_PROFILE: 'default' }).spec
    expect(target.credentials?.accessKeyId).toBe('AKIAIOSFODNN7EXAMPLE')
    expect(target.profile).toBeUndefined()
  })

  it('names the missing half of a key pair', () => {
    const idOnly = usageError(MINIMAL, { ...noKeys, AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE' })
    expect(idOnly.field).toBe('AWS_SECRET_ACCESS_KEY')
    expect(idOnly.message).toMatch(/^AWS_SECRET_ACCESS_KEY is not set, but AWS_ACCESS_KEY_ID is/)
    const secretOnly = usageError(MINIMAL, { ...noKeys, AWS_SECRET_ACCESS_KEY: AWS_SECRET })
    expect(secretOnly.field).toBe('AWS_ACCESS_KEY_ID')
    expect(usageError(MINIMAL, { ...noKeys, AWS_SESSION_TOKEN: AWS_TOKEN }).field).toBe('AWS_SESSION_TOKEN')
  })

  it('points out a pasted line break in a key without showing the key', () => {
    const error = usageError(MINIMAL, { ...ENV, AWS_SECRET_ACCESS_KEY: `${AWS_SECRET}\n` })
    expect(error.field).toBe('AWS_SECRET_ACCESS_KEY')
    expect(error.message).toBe(
      'AWS_SECRET_ACCESS_KEY: The S3 secret access key contains spaces or line breaks; paste it again without them.',
    )
  })
})

describe('parseCli: the Swift login', () => {
  it('reads it with the same importer as the app', () => {
    const { spec, given } = run(MINIMAL, {
      ...ENV,
      OS_APPLICATION_CREDENTIAL_ID: undefined,
      OS_APPLICATION_CREDENTIAL_SECRET: undefined,
      OS_USERNAME: 'ops',
      OS_PASSWORD: 'pw-Secret-99',
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_NAME: 'media',
      OS_PROJECT_DOMAIN_NAME: 'Default',
      OS_REGION_NAME: 'RegionOne',
    })
    expect(spec.source.auth).toMatchObject({ type: 'v3password', username: 'ops', region: 'RegionOne' })
    expect(given.swiftAuth).toBe('env')
  })

  it('says what to set when there is no login at all', () => {
    const noSwift = {
      ...ENV,
      OS_AUTH_URL: undefined,
      OS_APPLICATION_CREDENTIAL_ID: '',
      OS_APPLICATION_CREDENTIAL_SECRET: '',
    }
    const error = usageError(MINIMAL, noSwift)
    expect(error.field).toBe('OS_AUTH_URL')
    expect(error.message).toMatch(/^No OpenStack login in the environment: set OS_AUTH_URL, /)
    expect(usageError(MINIMAL, { ...noSwift, OS_CLOUD: 'mycloud' }).message).toContain(
      'does not read clouds.yaml',
    )
  })

  it("passes the importer's message through, naming the variable", () => {
    const error = usageError(MINIMAL, { ...ENV, OS_APPLICATION_CREDENTIAL_SECRET: undefined })
    expect(error.field).toBe('OS_APPLICATION_CREDENTIAL_SECRET')
    expect(error.message).toMatch(/^OS_APPLICATION_CREDENTIAL_SECRET is missing/)
  })

  it('takes the CA file from --caFile over OS_CACERT, as an absolute path', () => {
    const env = { ...ENV, OS_CACERT: '/etc/ssl/openstack.pem' }
    const fromEnv = run(MINIMAL, env)
    expect(fromEnv.caFile).toBe('/etc/ssl/openstack.pem')
    expect(fromEnv.spec.source.tls).toStrictEqual({ caFile: '/etc/ssl/openstack.pem' })
    expect(fromEnv.given.caFile).toBe('env')
    const fromFlag = run([...MINIMAL, '--caFile', 'ca.pem'], env)
    expect(fromFlag.caFile).toBe(`${CWD}/ca.pem`)
    expect(fromFlag.given.caFile).toBe('flag')
  })

  it('turns certificate checks off for both sides with --insecure, for Swift only with OS_INSECURE', () => {
    const flag = run([...MINIMAL, '--insecure']).spec
    expect(flag.source.tls.insecure).toBe(true)
    expect(flag.target.insecure).toBe(true)
    const env = run(MINIMAL, { ...ENV, OS_INSECURE: 'true' })
    expect(env.spec.source.tls.insecure).toBe(true)
    expect(env.spec.target.insecure).toBeUndefined()
    expect(env.given.insecure).toBe('env')
    const overridden = run([...MINIMAL, '--insecure=false'], { ...ENV, OS_INSECURE: 'true' }).spec
    expect(overridden.source.tls.insecure).toBeUndefined()
  })
})

describe('parseCli: --profile', () => {
  it('leaves the login, containers, bucket and connection defaults to the profile', () => {
    const result = profileRun(['--profile', 'prod-archive'], {})
    expect(result.profile).toBe('prod-archive')
    expect(result.spec.source).toStrictEqual({ tls: {}, directoryMarkers: 'keep' })
    expect(result.spec.target).toStrictEqual({ bucketMode: 'single' })
    expect(result.spec.options.maxWorkers).toBe(16)
    expect(result.given).toStrictEqual({ profile: 'flag' })
  })

  it('marks what the command line and the environment gave', () => {
    const result = profileRun([
      '--profile',
      'prod',
      '--openStackContainer',
      'photos',
      '--regionName',
      'eu-west-1',
    ])
    expect(result.spec.source.containers).toStrictEqual(['photos'])
    expect(result.spec.source.auth?.type).toBe('v3applicationcredential')
    expect(result.spec.target.credentials).toBeDefined()
    expect(result.given).toMatchObject({
      profile: 'flag',
      containers: 'flag',
      regionName: 'flag',
      swiftAuth: 'env',
      s3Credentials: 'env',
    })
  })

  it("checks a bucket only by every server's rules while the profile may name an S3-compatible one", () => {
    expect(profileRun(['--profile', 'p', '--s3Bucket', 'Legacy_Bucket'], {}).spec.target.bucket).toBe(
      'Legacy_Bucket',
    )
    expect(usageError(['--profile', 'p', '--s3Bucket', 'a/b'], {}).field).toBe('--s3Bucket')
  })

  it('still refuses a partial Swift login in the environment', () => {
    expect(usageError(['--profile', 'p'], { OS_AUTH_URL: KEYSTONE }).field).toBe('OS_PASSWORD')
  })
})
