import { describe, expect, it } from 'vitest'
import type { SwiftAuth } from '../swift/types'
import { redactSpec, restoreSecrets } from './history-redact'
import { fakeSpec } from './job-manager-fakes'
import type { JobSpec } from './job-spec'

const SECRET = 'very-secret-value'

const auths: [SwiftAuth['type'], SwiftAuth, string][] = [
  [
    'v3applicationcredential',
    {
      type: 'v3applicationcredential',
      authUrl: 'https://keystone.test/v3',
      applicationCredentialId: 'ac-id',
      applicationCredentialSecret: SECRET,
    },
    'applicationCredentialSecret',
  ],
  [
    'v3password',
    {
      type: 'v3password',
      authUrl: 'https://keystone.test/v3',
      username: 'alice',
      password: SECRET,
      projectName: 'p',
    },
    'password',
  ],
  [
    'v3token',
    { type: 'v3token', authUrl: 'https://keystone.test/v3', token: SECRET, projectId: 'p' },
    'token',
  ],
  ['v1', { type: 'v1', authUrl: 'http://swift.test/auth/v1.0', user: 'test:tester', key: SECRET }, 'key'],
  ['preauth', { type: 'preauth', storageUrl: 'https://swift.test/v1/AUTH_x', token: SECRET }, 'token'],
]

function specWith(auth: SwiftAuth): JobSpec {
  const spec = fakeSpec()
  spec.source.auth = structuredClone(auth)
  spec.target.credentials = {
    accessKeyId: 'AKIAKEEP',
    secretAccessKey: `${SECRET}-s3`,
    sessionToken: `${SECRET}-sts`,
  }
  return spec
}

describe('redactSpec', () => {
  it.each(auths)('drops the %s secret and the S3 secret key and session token', (_type, auth, field) => {
    const redacted = redactSpec(specWith(auth))
    const text = JSON.stringify(redacted)
    expect(text).not.toContain(SECRET)
    expect(redacted.source.auth).not.toHaveProperty(field)
    expect(redacted.source.auth.type).toBe(auth.type)
    expect(redacted.target.credentials).toEqual({ accessKeyId: 'AKIAKEEP' })
  })

  it('keeps everything a rerun needs besides the secrets', () => {
    const spec = specWith(auths[1]![1])
    const redacted = redactSpec(spec)
    expect(redacted.source.auth).toMatchObject({ username: 'alice', projectName: 'p' })
    expect(redacted.options).toEqual(spec.options)
    expect(redacted.output).toEqual(spec.output)
    expect(redacted.target.bucket).toBe(spec.target.bucket)
  })

  it('leaves the spec it was given alone', () => {
    const spec = specWith(auths[3]![1])
    redactSpec(spec)
    expect(spec.source.auth).toHaveProperty('key', SECRET)
    expect(spec.target.credentials?.secretAccessKey).toBe(`${SECRET}-s3`)
  })

  it('drops user info from URLs, where a CLI flag may have put a password', () => {
    const spec = specWith(auths[0]![1])
    spec.source.proxyUrl = `http://bob:${SECRET}@proxy.test:3128`
    spec.target.proxyUrl = `http://bob:${SECRET}@proxy.test:3128`
    spec.target.endpoint = `https://k:${SECRET}@s3.test`
    ;(spec.source.auth as { authUrl: string }).authUrl = `https://u:${SECRET}@keystone.test/v3`
    const text = JSON.stringify(redactSpec(spec))
    expect(text).not.toContain(SECRET)
    expect(redactSpec(spec).source.proxyUrl).toBe('http://proxy.test:3128/')
  })

  it('has nothing to drop for a target on the SDK default chain', () => {
    const spec = fakeSpec()
    delete spec.target.credentials
    spec.target.profile = 'prod'
    expect(redactSpec(spec).target).not.toHaveProperty('credentials')
    expect(redactSpec(spec).target.profile).toBe('prod')
  })
})

describe('restoreSecrets', () => {
  it.each(auths)('puts the %s secret back where it was', (_type, auth) => {
    const spec = specWith(auth)
    const restored = restoreSecrets(redactSpec(spec), {
      swift: SECRET,
      s3: { secretAccessKey: `${SECRET}-s3`, sessionToken: `${SECRET}-sts` },
    })
    expect(restored).toEqual(spec)
  })

  it('refuses to run with static keys but no secret key, rather than fall back to another identity', () => {
    expect(() => restoreSecrets(redactSpec(fakeSpec()), { swift: 'x' })).toThrow(/secret access key/)
  })
})
