import { describe, expect, it } from 'vitest'
import { SwiftConfigError } from './errors'
import { authRequestBody, tokensUrl } from './keystone'

describe('tokensUrl', () => {
  it('accepts the /v3 URL and the bare root, with or without a trailing slash', () => {
    for (const url of ['https://k:5000/v3', 'https://k:5000/v3/', 'https://k:5000', 'https://k:5000/']) {
      expect(tokensUrl(url).href).toBe('https://k:5000/v3/auth/tokens')
    }
    expect(tokensUrl('https://cloud.example/identity/v3').href).toBe(
      'https://cloud.example/identity/v3/auth/tokens',
    )
  })

  it('rejects v2.0, non-http schemes and non-URLs with a field name', () => {
    for (const url of ['https://k:5000/v2.0', 'ftp://k/v3', 'keystone.example']) {
      expect(() => tokensUrl(url)).toThrow(SwiftConfigError)
    }
  })
})

describe('authRequestBody', () => {
  it('sends an application credential by id without a scope', () => {
    const body = authRequestBody({
      type: 'v3applicationcredential',
      authUrl: 'x',
      applicationCredentialId: 'id1',
      applicationCredentialSecret: 's',
      region: 'r',
    })
    expect(body).toEqual({
      auth: {
        identity: { methods: ['application_credential'], application_credential: { id: 'id1', secret: 's' } },
      },
    })
  })

  it('sends an application credential by name with its user and domain', () => {
    const body = authRequestBody({
      type: 'v3applicationcredential',
      authUrl: 'x',
      applicationCredentialName: 'n',
      applicationCredentialSecret: 's',
      username: 'u',
      userDomainName: 'Default',
    })
    expect(body).toEqual({
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: {
            name: 'n',
            secret: 's',
            user: { name: 'u', domain: { name: 'Default' } },
          },
        },
      },
    })
  })

  it('scopes a password to the project by name and domain, or by id', () => {
    expect(
      authRequestBody({
        type: 'v3password',
        authUrl: 'x',
        username: 'u',
        userDomainId: 'default',
        password: 'p',
        projectName: 'pr',
        projectDomainName: 'D',
      }),
    ).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'u', domain: { id: 'default' }, password: 'p' } },
        },
        scope: { project: { name: 'pr', domain: { name: 'D' } } },
      },
    })
    expect(
      authRequestBody({ type: 'v3password', authUrl: 'x', userId: 'uid', password: 'p', projectId: 'pid' }),
    ).toEqual({
      auth: {
        identity: { methods: ['password'], password: { user: { id: 'uid', password: 'p' } } },
        scope: { project: { id: 'pid' } },
      },
    })
  })

  it('exchanges a token for a project scope', () => {
    expect(authRequestBody({ type: 'v3token', authUrl: 'x', token: 't', projectId: 'p' })).toEqual({
      auth: { identity: { methods: ['token'], token: { id: 't' } }, scope: { project: { id: 'p' } } },
    })
  })
})
