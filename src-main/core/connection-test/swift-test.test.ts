import { describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import type { SwiftProfile } from '../profiles'
import type { ProfileId } from '../profiles/fields'
import type { AccountPage, CatalogEntry, SignIn } from '../swift'
import { AuthError, SwiftConfigError } from '../swift'
import { testSwiftConnection, type SwiftProbe } from './swift-test'

/** "Test connection" of a Swift profile, step by step, over a scripted client (no network). */

const AT = '2030-01-01T00:00:00.000Z'
const KEYSTONE = 'https://keystone.example.com:5000/v3'
const TOKENS = `${KEYSTONE}/auth/tokens`
const SECRET = 'app-credential-secret-value'
const TOKEN = 'gAAAAAB-issued-token'

function profile(auth: SwiftProfile['auth']): SwiftProfile {
  return { id: 'p1' as ProfileId, name: 'Lab', auth, createdAt: AT, updatedAt: AT }
}

const ref = (field: string) => ({ secretRef: `profile:p1:${field}` })

const appCredential = (extra: object = {}): SwiftProfile =>
  profile({
    type: 'v3applicationcredential',
    authUrl: KEYSTONE,
    applicationCredentialId: 'ac1',
    applicationCredentialSecret: ref('applicationCredentialSecret'),
    ...extra,
  })

const CATALOG: CatalogEntry[] = [
  { type: 'identity', endpoints: [{ interface: 'public', region_id: 'RegionOne', url: KEYSTONE }] },
  {
    type: 'object-store',
    name: 'swift',
    endpoints: [
      { interface: 'public', region_id: 'RegionOne', url: 'https://swift.example.com/v1/AUTH_p' },
      { interface: 'internal', region_id: 'RegionOne', url: 'http://10.0.0.5:8080/v1/AUTH_p' },
      { interface: 'public', region_id: 'RegionTwo', url: 'https://two.example.com/v1/AUTH_p' },
    ],
  },
]

const PAGE: AccountPage = {
  containerCount: 12,
  containers: ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, count: 1, bytes: 1 })),
}

/** A client whose answers a test scripts, recording what the test asked of it. */
function fakeProbe(script: {
  signIn?: () => Promise<Omit<SignIn, 'use'>>
  page?: () => Promise<AccountPage>
}) {
  const calls: string[] = []
  const probe: SwiftProbe = {
    async signIn() {
      calls.push('signIn')
      const done = await (
        script.signIn ??
        (async () => ({ kind: 'keystone', method: 'application credential', url: TOKENS, catalog: CATALOG }))
      )()
      return { ...done, use: (url: string) => void calls.push(`use ${url}`) } as SignIn
    },
    async accountPage(limit) {
      calls.push(`accountPage ${limit}`)
      return (script.page ?? (async () => PAGE))()
    },
    redact: (text) => text.split(TOKEN).join('[redacted]'),
    async close() {
      calls.push('close')
    },
  }
  return { probe, calls }
}

function deps(probe: SwiftProbe, secrets: Record<string, string> = { applicationCredentialSecret: SECRET }) {
  return { secrets: async () => secrets, open: () => probe, timeoutMs: 200 }
}

describe('testSwiftConnection', () => {
  it('goes secrets → authentication → catalog endpoint → container list, saying what each found', async () => {
    const { probe, calls } = fakeProbe({
      signIn: async () => ({
        kind: 'keystone',
        method: 'application credential',
        url: TOKENS,
        catalog: CATALOG,
        expiresAt: '2030-01-01T01:00:00Z',
      }),
    })
    const outcome = await testSwiftConnection(appCredential({ region: 'RegionTwo' }), deps(probe))
    expect(outcome).toEqual({
      ok: true,
      storageUrl: 'https://two.example.com/v1/AUTH_p',
      containerCount: 12,
      containers: ['a', 'b', 'c', 'd', 'e'],
      checks: [
        { step: 'secrets', status: 'passed', detail: 'The secrets are in the vault.' },
        {
          step: 'authenticate',
          status: 'passed',
          detail: `Keystone accepted the application credential at ${TOKENS}. The token is valid until 2030-01-01T01:00:00Z.`,
        },
        {
          step: 'catalog',
          status: 'passed',
          detail:
            'Catalog service object-store ("swift"), interface public, region RegionTwo: https://two.example.com/v1/AUTH_p.',
        },
        {
          step: 'containers',
          status: 'passed',
          detail: 'The account has 12 containers; the first 5: "a", "b", "c", "d" and "e".',
        },
      ],
    })
    // One sign-in, then the listing on the endpoint chosen, then the sockets closed.
    expect(calls).toEqual(['signIn', 'use https://two.example.com/v1/AUTH_p', 'accountPage 5', 'close'])
  })

  it('fails at the catalog step for a region the catalog lacks, naming what it offers, and lists nothing', async () => {
    const { probe, calls } = fakeProbe({})
    const outcome = await testSwiftConnection(appCredential({ region: 'Atlantis' }), deps(probe))
    expect(outcome.ok).toBe(false)
    expect(outcome.checks.map((c) => [c.step, c.status])).toEqual([
      ['secrets', 'passed'],
      ['authenticate', 'passed'],
      ['catalog', 'failed'],
    ])
    expect(outcome.checks[2]?.error).toEqual({
      code: 'VALIDATION',
      message:
        'No object-store endpoint with interface "public" in region "Atlantis". The catalog offers: RegionOne (public, internal), RegionTwo (public).',
      field: 'region',
    })
    expect(outcome).not.toHaveProperty('storageUrl')
    expect(calls).toEqual(['signIn', 'close'])
  })

  it('says when the only endpoint of the interface was taken because the profile names no region', async () => {
    const { probe } = fakeProbe({})
    const outcome = await testSwiftConnection(appCredential({ interface: 'internal' }), deps(probe))
    expect(outcome.checks[2]?.detail).toBe(
      'Catalog service object-store ("swift"), interface internal, region RegionOne: http://10.0.0.5:8080/v1/AUTH_p. ' +
        "No region is set in the profile; this is the catalog's only internal endpoint.",
    )
  })

  it('says the storage URL came from the profile when it overrides the catalog', async () => {
    const { probe, calls } = fakeProbe({
      signIn: async () => ({ kind: 'keystone', method: 'password', url: TOKENS, catalog: undefined }),
    })
    const override = 'https://swift.internal/v1/AUTH_p'
    const outcome = await testSwiftConnection(appCredential({ storageUrl: override }), deps(probe))
    expect(outcome.checks[2]).toEqual({
      step: 'catalog',
      status: 'passed',
      detail: `The storage URL is set in the profile, so the catalog's object-store endpoint is not used: ${override}`,
    })
    expect(calls).toContain(`use ${override}`)
  })

  it('for v1 auth says whether the storage URL came from the server or the profile', async () => {
    const v1 = profile({ type: 'v1', authUrl: 'https://s/auth/v1.0', user: 'acct:me', key: ref('key') })
    for (const fromProfile of [false, true]) {
      const { probe } = fakeProbe({
        signIn: async () => ({
          kind: 'v1',
          url: 'https://s/auth/v1.0',
          storageUrl: 'https://s/v1/AUTH_acct',
          storageUrlFromProfile: fromProfile,
        }),
      })
      const outcome = await testSwiftConnection(v1, deps(probe, { key: 'the-v1-key' }))
      expect(outcome.checks[1]?.detail).toBe(
        'The v1 auth at https://s/auth/v1.0 accepted the key for acct:me.',
      )
      expect(outcome.checks[2]?.detail).toBe(
        fromProfile
          ? 'The storage URL is set in the profile, in place of the one the v1 auth answered: https://s/v1/AUTH_acct'
          : 'The storage URL came from the v1 auth answer (X-Storage-Url): https://s/v1/AUTH_acct',
      )
    }
  })

  it('skips authentication for a pre-authenticated token and reports its refusal at the container list', async () => {
    const preauth = profile({ type: 'preauth', storageUrl: 'https://s/v1/AUTH_x', token: ref('token') })
    const { probe } = fakeProbe({
      signIn: async () => ({ kind: 'preauth', storageUrl: 'https://s/v1/AUTH_x' }),
      page: async () => {
        throw new AuthError('pre-authenticated token', 'https://s/v1/AUTH_x', 'Swift refused it.', 401)
      },
    })
    const outcome = await testSwiftConnection(preauth, deps(probe, { token: 'preauth-token-value' }))
    expect(outcome.checks.map((c) => [c.step, c.status])).toEqual([
      ['secrets', 'passed'],
      ['authenticate', 'skipped'],
      ['catalog', 'passed'],
      ['containers', 'failed'],
    ])
    expect(outcome.checks[3]?.error).toEqual({ code: 'AUTH', message: 'Swift refused it.' })
  })

  it('says an empty account has no containers, and what it can when the count header is missing', async () => {
    for (const [page, detail] of [
      [{ containerCount: 0, containers: [] }, 'The account has no containers yet.'],
      [
        { containerCount: 1, containers: [{ name: 'only', count: 0, bytes: 0 }] },
        'The account has 1 container: "only".',
      ],
      [
        { containerCount: undefined, containers: [{ name: 'x', count: 0, bytes: 0 }] },
        'The listing starts with "x"; the server did not say how many containers there are.',
      ],
    ] as const) {
      const { probe } = fakeProbe({ page: async () => ({ ...page, containers: [...page.containers] }) })
      const outcome = await testSwiftConnection(appCredential({ region: 'RegionOne' }), deps(probe))
      expect(outcome.checks.at(-1)?.detail).toBe(detail)
    }
  })

  it('stops at the secrets step without opening a client when a secret is missing', async () => {
    let opened = false
    const outcome = await testSwiftConnection(appCredential(), {
      secrets: async () => {
        throw new AppError('AUTH', 'The profile "Lab" needs its application credential secret.', 'secrets.x')
      },
      open: () => {
        opened = true
        return fakeProbe({}).probe
      },
    })
    expect(outcome).toEqual({
      ok: false,
      checks: [
        {
          step: 'secrets',
          status: 'failed',
          error: {
            code: 'AUTH',
            message: 'The profile "Lab" needs its application credential secret.',
            field: 'secrets.x',
          },
        },
      ],
    })
    expect(opened).toBe(false)
  })

  it('reports settings the client cannot use at the authentication step, with their field', async () => {
    const outcome = await testSwiftConnection(appCredential(), {
      secrets: async () => ({ applicationCredentialSecret: SECRET }),
      open: () => {
        throw new SwiftConfigError('The CA bundle holds no certificate.', 'caBundle')
      },
    })
    expect(outcome.checks.at(-1)).toEqual({
      step: 'authenticate',
      status: 'failed',
      error: { code: 'VALIDATION', message: 'The CA bundle holds no certificate.', field: 'caBundle' },
    })
  })

  it('masks the profile’s secrets and the token in every detail and message it returns', async () => {
    const { probe } = fakeProbe({
      page: async () => {
        throw new AppError('UNAVAILABLE', `proxy echoed ${SECRET} and ${TOKEN}`)
      },
    })
    const outcome = await testSwiftConnection(appCredential({ region: 'RegionOne' }), deps(probe))
    const text = JSON.stringify(outcome)
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain(TOKEN)
    expect(outcome.checks.at(-1)?.error?.message).toBe('proxy echoed [redacted] and [redacted]')
  })

  it('reports a step that does not answer in time as NETWORK, and still closes the client', async () => {
    const { probe, calls } = fakeProbe({ page: () => new Promise<AccountPage>(() => undefined) })
    const outcome = await testSwiftConnection(appCredential({ region: 'RegionOne' }), {
      ...deps(probe),
      timeoutMs: 50,
    })
    expect(outcome.checks.at(-1)).toEqual({
      step: 'containers',
      status: 'failed',
      error: { code: 'NETWORK', message: 'No answer within 0.05 seconds.' },
    })
    expect(calls.at(-1)).toBe('close')
  })

  it('lets a bug (not an AppError) fail the call instead of passing for a test result', async () => {
    const { probe, calls } = fakeProbe({
      page: async () => {
        throw new TypeError('cannot read properties of undefined')
      },
    })
    await expect(testSwiftConnection(appCredential({ region: 'RegionOne' }), deps(probe))).rejects.toThrow(
      TypeError,
    )
    expect(calls.at(-1)).toBe('close')
  })
})
