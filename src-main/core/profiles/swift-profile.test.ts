import { describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import { PEM, SWIFT_AUTHS, swiftInput } from './test-fixtures'
import { swiftProfileInputSchema, swiftProfileSchema, toSwiftAuth } from './swift-profile'
import { parseOrThrow } from './validation'

function rejection(input: unknown): AppError {
  try {
    parseOrThrow(swiftProfileInputSchema, input, 'Swift profile')
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('accepted')
}

describe('Swift profile schema', () => {
  it.each(Object.entries(SWIFT_AUTHS))('accepts %s auth', (_kind, auth) => {
    expect(parseOrThrow(swiftProfileInputSchema, swiftInput('x', auth), 'Swift profile').auth).toEqual(auth)
  })

  it('accepts an insecure switch, a CA bundle and a proxy', () => {
    const profile = parseOrThrow(
      swiftProfileInputSchema,
      { ...swiftInput(), insecure: true },
      'Swift profile',
    )
    expect(profile).toMatchObject({
      insecure: true,
      caBundle: PEM,
      proxyUrl: 'http://proxy.example.com:3128',
    })
  })

  it('names a missing auth URL', () => {
    const { authUrl: _, ...auth } = SWIFT_AUTHS.password
    const error = rejection(swiftInput('x', auth))
    expect(error.code).toBe('VALIDATION')
    expect(error.field).toBe('auth.authUrl')
    expect(error.message).toBe('Swift profile: auth.authUrl is required')
  })

  it('asks for the id or the name of an application credential', () => {
    const error = rejection(
      swiftInput('x', { type: 'v3applicationcredential', authUrl: SWIFT_AUTHS.token.authUrl }),
    )
    expect(error.field).toBe('auth.applicationCredentialId')
    expect(error.message).toMatch(/applicationCredentialName/)
  })

  it('asks for the owner of an application credential given by name', () => {
    const { username: _, ...auth } = SWIFT_AUTHS.appCredentialByName
    expect(rejection(swiftInput('x', auth)).field).toBe('auth.username')
    const { userDomainName: _d, ...noDomain } = SWIFT_AUTHS.appCredentialByName
    expect(rejection(swiftInput('x', noDomain)).field).toBe('auth.userDomainName')
  })

  it('asks for the project of password and token auth', () => {
    const { projectName: _, ...auth } = SWIFT_AUTHS.password
    expect(rejection(swiftInput('x', auth)).field).toBe('auth.projectName')
    expect(rejection(swiftInput('x', { type: 'v3token', authUrl: SWIFT_AUTHS.token.authUrl })).field).toBe(
      'auth.projectName',
    )
  })

  it('names the v1 user and the preauth storage URL when missing', () => {
    expect(rejection(swiftInput('x', { type: 'v1', authUrl: SWIFT_AUTHS.v1.authUrl })).field).toBe(
      'auth.user',
    )
    expect(rejection(swiftInput('x', { type: 'preauth' })).field).toBe('auth.storageUrl')
  })

  it('lists the auth kinds when the kind is unknown', () => {
    const error = rejection(swiftInput('x', { type: 'kerberos', authUrl: SWIFT_AUTHS.token.authUrl }))
    expect(error.field).toBe('auth.type')
    expect(error.message).toMatch(/v3applicationcredential, v3password, v3token, v1, preauth/)
  })

  it.each([
    ['v3applicationcredential', 'applicationCredentialSecret', SWIFT_AUTHS.appCredentialById],
    ['v3password', 'password', SWIFT_AUTHS.password],
    ['v3token', 'token', SWIFT_AUTHS.token],
    ['v1', 'key', SWIFT_AUTHS.v1],
    ['preauth', 'token', SWIFT_AUTHS.preauth],
  ])('refuses a %s secret value in %s', (_kind, field, auth) => {
    const error = rejection(swiftInput('x', { ...auth, [field]: 'hunter2' }))
    expect(error.field).toBe(`auth.${field}`)
    expect(error.message).toMatch(/is a secret: profiles never store secret values/)
  })

  it('refuses a secret under a field it does not know', () => {
    const error = rejection({ ...swiftInput(), osPassword: 'hunter2' })
    expect(error.field).toBe('osPassword')
    expect(error.message).toMatch(/is a secret/)
  })

  it('names unknown fields', () => {
    expect(rejection({ ...swiftInput(), colour: 'blue' }).message).toBe(
      'Swift profile: colour is not a known field',
    )
  })

  it('refuses credentials inside URLs and non-http URLs', () => {
    const auth = { ...SWIFT_AUTHS.token, authUrl: 'https://alice:pw@keystone.example.com/v3' }
    expect(rejection(swiftInput('x', auth)).message).toMatch(
      /auth.authUrl must not contain a user name or password/,
    )
    expect(rejection({ ...swiftInput(), proxyUrl: 'socks5://proxy:1080' }).field).toBe('proxyUrl')
  })

  it('refuses a CA bundle that is not PEM', () => {
    expect(rejection({ ...swiftInput(), caBundle: 'not a certificate' }).field).toBe('caBundle')
  })

  it('names a blank profile name', () => {
    expect(rejection(swiftInput('   ')).message).toBe('Swift profile: name must not be empty')
  })

  it('requires secret references in the stored form', () => {
    const stored = {
      id: 'p1',
      ...swiftInput(),
      createdAt: '2030-01-01T00:00:00.000Z',
      updatedAt: '2030-01-01T00:00:00.000Z',
    }
    expect(() => parseOrThrow(swiftProfileSchema, stored, 'Swift profile')).toThrow(
      /auth.applicationCredentialSecret is required/,
    )
    const withRef = {
      ...stored,
      auth: { ...SWIFT_AUTHS.appCredentialById, applicationCredentialSecret: { secretRef: 'r' } },
    }
    expect(parseOrThrow(swiftProfileSchema, withRef, 'Swift profile').id).toBe('p1')
  })
})

describe('toSwiftAuth', () => {
  it('puts the secret values where the references were', () => {
    const auth = { ...SWIFT_AUTHS.v1, key: { secretRef: 'profile:p:key' } }
    expect(toSwiftAuth(auth, { key: 'k3y' })).toEqual({ ...SWIFT_AUTHS.v1, key: 'k3y' })
  })
})
