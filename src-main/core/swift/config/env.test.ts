import { describe, expect, it } from 'vitest'
import { importFromEnv } from './env'
import { appErrorFrom } from './test-support'

const KEYSTONE = 'https://keystone.example.com:5000/v3'
const SECRET = 's3cr3t-Value-42'

/** Asserts a VALIDATION error on `field` whose message never shows the secret. */
function validationError(env: Record<string, string | undefined>) {
  const error = appErrorFrom(() => importFromEnv(env))
  expect(error.code).toBe('VALIDATION')
  expect(error.message).not.toContain(SECRET)
  return error
}

describe('importFromEnv: application credentials', () => {
  it('imports an application credential by id, without a project scope', () => {
    const config = importFromEnv({
      OS_AUTH_TYPE: 'v3applicationcredential',
      OS_AUTH_URL: KEYSTONE,
      OS_APPLICATION_CREDENTIAL_ID: 'abc123',
      OS_APPLICATION_CREDENTIAL_SECRET: SECRET,
      OS_REGION_NAME: 'RegionOne',
      OS_INTERFACE: 'public',
      OS_PROJECT_NAME: 'ignored',
      OS_PROJECT_DOMAIN_ID: 'default',
    })
    expect(config).toStrictEqual({
      auth: {
        type: 'v3applicationcredential',
        authUrl: KEYSTONE,
        applicationCredentialId: 'abc123',
        applicationCredentialSecret: SECRET,
        region: 'RegionOne',
        interface: 'public',
      },
      tls: {},
      source: 'environment',
    })
  })

  it('infers the type from the application credential variables', () => {
    const config = importFromEnv({
      OS_AUTH_URL: KEYSTONE,
      OS_APPLICATION_CREDENTIAL_ID: 'abc123',
      OS_APPLICATION_CREDENTIAL_SECRET: SECRET,
      OS_PASSWORD: 'not used',
    })
    expect(config.auth.type).toBe('v3applicationcredential')
  })

  it('accepts the plugin name in any case and without the v3 prefix', () => {
    for (const name of ['applicationcredential', 'V3ApplicationCredential']) {
      const config = importFromEnv({
        OS_AUTH_TYPE: name,
        OS_AUTH_URL: KEYSTONE,
        OS_APPLICATION_CREDENTIAL_ID: 'abc123',
        OS_APPLICATION_CREDENTIAL_SECRET: SECRET,
      })
      expect(config.auth.type).toBe('v3applicationcredential')
    }
  })

  it('imports a credential by name with its owner and the owner domain', () => {
    const config = importFromEnv({
      OS_AUTH_URL: KEYSTONE,
      OS_APPLICATION_CREDENTIAL_NAME: 'migration',
      OS_APPLICATION_CREDENTIAL_SECRET: SECRET,
      OS_USERNAME: 'alice',
      OS_USER_DOMAIN_NAME: 'Default',
    })
    expect(config.auth).toStrictEqual({
      type: 'v3applicationcredential',
      authUrl: KEYSTONE,
      applicationCredentialName: 'migration',
      applicationCredentialSecret: SECRET,
      username: 'alice',
      userDomainName: 'Default',
    })
  })

  it('imports a credential by name with the owner id, which needs no domain', () => {
    const config = importFromEnv({
      OS_AUTH_URL: KEYSTONE,
      OS_APPLICATION_CREDENTIAL_NAME: 'migration',
      OS_APPLICATION_CREDENTIAL_SECRET: SECRET,
      OS_USER_ID: 'u-1',
    })
    expect(config.auth).toStrictEqual({
      type: 'v3applicationcredential',
      authUrl: KEYSTONE,
      applicationCredentialName: 'migration',
      applicationCredentialSecret: SECRET,
      userId: 'u-1',
    })
  })

  it('names the missing secret', () => {
    const error = validationError({ OS_AUTH_URL: KEYSTONE, OS_APPLICATION_CREDENTIAL_ID: 'abc123' })
    expect(error.field).toBe('OS_APPLICATION_CREDENTIAL_SECRET')
    expect(error.message).toMatch(/^OS_APPLICATION_CREDENTIAL_SECRET is missing: /)
  })

  it('asks for the id when neither id nor name is set', () => {
    const error = validationError({ OS_AUTH_URL: KEYSTONE, OS_APPLICATION_CREDENTIAL_SECRET: SECRET })
    expect(error.field).toBe('OS_APPLICATION_CREDENTIAL_ID')
    expect(error.message).toContain('OS_APPLICATION_CREDENTIAL_NAME')
  })

  it('asks for the owner of a credential given by name', () => {
    const error = validationError({
      OS_AUTH_URL: KEYSTONE,
      OS_APPLICATION_CREDENTIAL_NAME: 'migration',
      OS_APPLICATION_CREDENTIAL_SECRET: SECRET,
    })
    expect(error.field).toBe('OS_USERNAME')
    expect(error.message).toContain('OS_USER_ID')
  })

  it('asks for the owner domain when the owner is given by name', () => {
    const error = validationError({
      OS_AUTH_URL: KEYSTONE,
      OS_APPLICATION_CREDENTIAL_NAME: 'migration',
      OS_APPLICATION_CREDENTIAL_SECRET: SECRET,
      OS_USERNAME: 'alice',
    })
    expect(error.field).toBe('OS_USER_DOMAIN_NAME')
    expect(error.message).toBe(
      'OS_USER_DOMAIN_NAME is missing: set it to the domain of OS_USERNAME, usually Default (or set OS_USER_DOMAIN_ID)',
    )
  })
})

describe('importFromEnv: password', () => {
  const horizon = {
    OS_AUTH_URL: KEYSTONE,
    OS_PROJECT_ID: '0123456789abcdef0123456789abcdef',
    OS_PROJECT_NAME: 'demo',
    OS_USER_DOMAIN_NAME: 'Default',
    OS_PROJECT_DOMAIN_ID: 'default',
    OS_USERNAME: 'alice',
    OS_PASSWORD: SECRET,
    OS_REGION_NAME: 'RegionOne',
    OS_INTERFACE: 'public',
    OS_IDENTITY_API_VERSION: '3',
  }

  it('imports the variables of a Horizon openrc, keeping both project id and name', () => {
    expect(importFromEnv(horizon).auth).toStrictEqual({
      type: 'v3password',
      authUrl: KEYSTONE,
      username: 'alice',
      userDomainName: 'Default',
      password: SECRET,
      projectId: '0123456789abcdef0123456789abcdef',
      projectName: 'demo',
      projectDomainId: 'default',
      region: 'RegionOne',
      interface: 'public',
    })
  })

  it('honours an explicit password type', () => {
    expect(importFromEnv({ ...horizon, OS_AUTH_TYPE: 'password' }).auth.type).toBe('v3password')
    expect(importFromEnv({ ...horizon, OS_AUTH_TYPE: 'V3PASSWORD' }).auth.type).toBe('v3password')
  })

  it('falls back to the legacy tenant variables', () => {
    const config = importFromEnv({
      OS_AUTH_URL: KEYSTONE,
      OS_USER_ID: 'u-1',
      OS_PASSWORD: SECRET,
      OS_TENANT_NAME: 'legacy',
      OS_PROJECT_DOMAIN_NAME: 'Default',
    })
    expect(config.auth).toStrictEqual({
      type: 'v3password',
      authUrl: KEYSTONE,
      userId: 'u-1',
      password: SECRET,
      projectName: 'legacy',
      projectDomainName: 'Default',
    })
    const byId = importFromEnv({
      OS_AUTH_URL: KEYSTONE,
      OS_USER_ID: 'u-1',
      OS_PASSWORD: SECRET,
      OS_TENANT_ID: 't-1',
    })
    expect(byId.auth).toMatchObject({ projectId: 't-1' })
  })

  it('prefers OS_PROJECT_NAME over OS_TENANT_NAME', () => {
    const config = importFromEnv({ ...horizon, OS_PROJECT_ID: '', OS_TENANT_NAME: 'legacy' })
    expect(config.auth).toMatchObject({ projectName: 'demo' })
  })

  it('asks for the password when only the user is set, as after a Horizon openrc prompt', () => {
    const error = validationError({ ...horizon, OS_PASSWORD: undefined })
    expect(error.field).toBe('OS_PASSWORD')
    expect(error.message).toBe('OS_PASSWORD is missing: set it to your OpenStack password')
  })

  it('asks for a user', () => {
    const error = validationError({ ...horizon, OS_USERNAME: '' })
    expect(error.field).toBe('OS_USERNAME')
    expect(error.message).toContain('OS_USER_ID')
  })

  it('asks for the user domain of a user given by name', () => {
    const error = validationError({ ...horizon, OS_USER_DOMAIN_NAME: undefined })
    expect(error.field).toBe('OS_USER_DOMAIN_NAME')
  })

  it('asks for a project', () => {
    const error = validationError({ ...horizon, OS_PROJECT_ID: undefined, OS_PROJECT_NAME: undefined })
    expect(error.field).toBe('OS_PROJECT_NAME')
    expect(error.message).toBe(
      'OS_PROJECT_NAME is missing: set it to the project that owns the containers (or set OS_PROJECT_ID)',
    )
  })

  it('asks for the domain of a project given by name, naming the variable actually used', () => {
    const error = validationError({
      ...horizon,
      OS_PROJECT_ID: undefined,
      OS_PROJECT_NAME: undefined,
      OS_PROJECT_DOMAIN_ID: undefined,
      OS_TENANT_NAME: 'legacy',
    })
    expect(error.field).toBe('OS_PROJECT_DOMAIN_NAME')
    expect(error.message).toContain('the domain of OS_TENANT_NAME')
  })

  it('needs no domains when user and project are given by id', () => {
    const config = importFromEnv({
      OS_AUTH_URL: KEYSTONE,
      OS_USER_ID: 'u',
      OS_PASSWORD: SECRET,
      OS_PROJECT_ID: 'p',
    })
    expect(config.auth).toStrictEqual({
      type: 'v3password',
      authUrl: KEYSTONE,
      userId: 'u',
      password: SECRET,
      projectId: 'p',
    })
  })
})

describe('importFromEnv: tokens', () => {
  it('imports a Keystone token with a project scope', () => {
    const config = importFromEnv({
      OS_AUTH_URL: KEYSTONE,
      OS_AUTH_TOKEN: SECRET,
      OS_PROJECT_ID: 'p',
      OS_STORAGE_URL: 'https://swift.example.com/v1/AUTH_p',
    })
    expect(config.auth).toStrictEqual({
      type: 'v3token',
      authUrl: KEYSTONE,
      token: SECRET,
      projectId: 'p',
      storageUrl: 'https://swift.example.com/v1/AUTH_p',
    })
  })

  it('asks for the token when the type says token', () => {
    const error = validationError({ OS_AUTH_TYPE: 'v3token', OS_AUTH_URL: KEYSTONE, OS_PROJECT_ID: 'p' })
    expect(error.field).toBe('OS_AUTH_TOKEN')
  })

  it('asks for a project to scope the token to', () => {
    const error = validationError({ OS_AUTH_TYPE: 'token', OS_AUTH_URL: KEYSTONE, OS_AUTH_TOKEN: SECRET })
    expect(error.field).toBe('OS_PROJECT_NAME')
  })

  it('uses a token and storage URL as they are when there is no Keystone URL', () => {
    const config = importFromEnv({
      OS_STORAGE_URL: 'https://swift.example.com/v1/AUTH_p',
      OS_AUTH_TOKEN: SECRET,
    })
    expect(config.auth).toStrictEqual({
      type: 'preauth',
      storageUrl: 'https://swift.example.com/v1/AUTH_p',
      token: SECRET,
    })
  })

  it('explains both ways to use a lone token', () => {
    const error = validationError({ OS_AUTH_TOKEN: SECRET })
    expect(error.field).toBe('OS_AUTH_URL')
    expect(error.message).toContain('OS_STORAGE_URL')
  })
})

describe('importFromEnv: v1 auth', () => {
  it('imports the swift CLI variables', () => {
    const config = importFromEnv({
      ST_AUTH: 'https://swift.example.com/auth/v1.0',
      ST_USER: 'account:user',
      ST_KEY: SECRET,
      OS_STORAGE_URL: 'https://swift.example.com/v1/AUTH_account',
    })
    expect(config.auth).toStrictEqual({
      type: 'v1',
      authUrl: 'https://swift.example.com/auth/v1.0',
      user: 'account:user',
      key: SECRET,
      storageUrl: 'https://swift.example.com/v1/AUTH_account',
    })
  })

  it('falls back to OS_* names when v1 is asked for', () => {
    const config = importFromEnv({
      OS_AUTH_TYPE: 'V1',
      OS_AUTH_URL: 'http://127.0.0.1:8080/auth/v1.0',
      OS_USERNAME: 'test:tester',
      OS_PASSWORD: SECRET,
    })
    expect(config.auth).toStrictEqual({
      type: 'v1',
      authUrl: 'http://127.0.0.1:8080/auth/v1.0',
      user: 'test:tester',
      key: SECRET,
    })
  })

  it('ignores ST_* variables when a Keystone URL is set', () => {
    const config = importFromEnv({
      OS_AUTH_URL: KEYSTONE,
      OS_USER_ID: 'u',
      OS_PASSWORD: SECRET,
      OS_PROJECT_ID: 'p',
      ST_AUTH: 'https://swift.example.com/auth/v1.0',
      ST_USER: 'account:user',
    })
    expect(config.auth.type).toBe('v3password')
  })

  it('names the missing key', () => {
    const error = validationError({ ST_AUTH: 'https://swift.example.com/auth/v1.0', ST_USER: 'a:b' })
    expect(error.field).toBe('ST_KEY')
    expect(error.message).toMatch(/^ST_KEY is missing: /)
  })

  it('checks the auth URL', () => {
    const error = validationError({ ST_AUTH: 'swift.example.com/auth/v1.0', ST_USER: 'a:b', ST_KEY: SECRET })
    expect(error.field).toBe('ST_AUTH')
    expect(error.message).toContain('https://swift.example.com/auth/v1.0')
  })
})

describe('importFromEnv: choosing and checking', () => {
  it('asks for the Keystone URL first when nothing is set', () => {
    const error = validationError({})
    expect(error.field).toBe('OS_AUTH_URL')
    expect(error.message).toBe(
      'OS_AUTH_URL is missing: set it to your Keystone URL, e.g. https://keystone.example.com:5000/v3',
    )
  })

  it('asks for credentials when only the Keystone URL is set', () => {
    const error = validationError({ OS_AUTH_URL: KEYSTONE })
    expect(error.field).toBe('OS_PASSWORD')
    expect(error.message).toContain('OS_APPLICATION_CREDENTIAL_ID')
  })

  it('asks for the Keystone URL of an explicit type', () => {
    const error = validationError({ OS_AUTH_TYPE: 'password', OS_USER_ID: 'u', OS_PASSWORD: SECRET })
    expect(error.field).toBe('OS_AUTH_URL')
  })

  it('rejects an unknown auth type and lists the supported ones', () => {
    const error = validationError({ OS_AUTH_TYPE: 'v3oidcpassword', OS_AUTH_URL: KEYSTONE })
    expect(error.field).toBe('OS_AUTH_TYPE')
    expect(error.message).toContain("'v3oidcpassword' is not supported")
    for (const type of ['v3applicationcredential', 'v3password', 'v3token', 'v1']) {
      expect(error.message).toContain(type)
    }
  })

  it('treats blank values as unset and trims the rest', () => {
    const config = importFromEnv({
      OS_AUTH_TYPE: '  ',
      OS_AUTH_URL: `  ${KEYSTONE}\n`,
      OS_APPLICATION_CREDENTIAL_ID: ' abc ',
      OS_APPLICATION_CREDENTIAL_SECRET: SECRET,
      OS_REGION_NAME: '',
      OS_INTERFACE: ' ',
      OS_CACERT: '',
      OS_INSECURE: '',
    })
    expect(config).toStrictEqual({
      auth: {
        type: 'v3applicationcredential',
        authUrl: KEYSTONE,
        applicationCredentialId: 'abc',
        applicationCredentialSecret: SECRET,
      },
      tls: {},
      source: 'environment',
    })
  })

  it('rejects auth URLs that are not web addresses, without echoing them', () => {
    const base = { OS_APPLICATION_CREDENTIAL_ID: 'a', OS_APPLICATION_CREDENTIAL_SECRET: SECRET }
    const notUrl = validationError({ ...base, OS_AUTH_URL: 'keystone.example.com:5000/v3' })
    expect(notUrl.field).toBe('OS_AUTH_URL')
    expect(notUrl.message).toMatch(/^OS_AUTH_URL must start with https:\/\/ or http:\/\//)
    const garbage = validationError({ ...base, OS_AUTH_URL: 'https://user:pw@[bad' })
    expect(garbage.message).toMatch(/^OS_AUTH_URL is not a valid URL/)
    expect(garbage.message).not.toContain('user:pw')
    const ftp = validationError({ ...base, OS_AUTH_URL: 'ftp://keystone.example.com/v3' })
    expect(ftp.field).toBe('OS_AUTH_URL')
  })

  it('checks the storage URL', () => {
    const error = validationError({ OS_STORAGE_URL: 'not a url', OS_AUTH_TOKEN: SECRET })
    expect(error.field).toBe('OS_STORAGE_URL')
  })
})

describe('importFromEnv: catalog options and TLS', () => {
  const appCredential = {
    OS_AUTH_URL: KEYSTONE,
    OS_APPLICATION_CREDENTIAL_ID: 'abc123',
    OS_APPLICATION_CREDENTIAL_SECRET: SECRET,
  }

  it('maps OS_ENDPOINT_TYPE names to interfaces', () => {
    const interfaceOf = (env: Record<string, string>) => {
      const { auth } = importFromEnv({ ...appCredential, ...env })
      return auth.type === 'v3applicationcredential' ? auth.interface : undefined
    }
    expect(interfaceOf({ OS_ENDPOINT_TYPE: 'publicURL' })).toBe('public')
    expect(interfaceOf({ OS_ENDPOINT_TYPE: 'internalURL' })).toBe('internal')
    expect(interfaceOf({ OS_ENDPOINT_TYPE: 'adminURL' })).toBe('admin')
    expect(interfaceOf({ OS_INTERFACE: 'Internal' })).toBe('internal')
    expect(interfaceOf({ OS_INTERFACE: 'admin', OS_ENDPOINT_TYPE: 'publicURL' })).toBe('admin')
  })

  it('rejects an unknown interface, naming the variable it came from', () => {
    const error = validationError({ ...appCredential, OS_INTERFACE: 'private' })
    expect(error.field).toBe('OS_INTERFACE')
    expect(error.message).toBe(
      "OS_INTERFACE 'private' is not an endpoint interface: use public, internal or admin",
    )
    expect(validationError({ ...appCredential, OS_ENDPOINT_TYPE: 'privateURL' }).field).toBe(
      'OS_ENDPOINT_TYPE',
    )
  })

  it('reads the CA bundle and the insecure switch', () => {
    const tlsOf = (env: Record<string, string>) => importFromEnv({ ...appCredential, ...env }).tls
    expect(tlsOf({ OS_CACERT: '/etc/ssl/keystone.pem' })).toStrictEqual({ caFile: '/etc/ssl/keystone.pem' })
    for (const yes of ['true', 'TRUE', '1', 'yes', 'Yes'])
      expect(tlsOf({ OS_INSECURE: yes })).toStrictEqual({ insecure: true })
    for (const no of ['false', '0', 'no', 'False']) expect(tlsOf({ OS_INSECURE: no })).toStrictEqual({})
  })

  it('rejects an insecure switch it cannot read', () => {
    const error = validationError({ ...appCredential, OS_INSECURE: 'maybe' })
    expect(error.field).toBe('OS_INSECURE')
  })

  it('keeps the source it is given', () => {
    expect(importFromEnv(appCredential, 'shell of the CLI').source).toBe('shell of the CLI')
  })
})
