import { describe, expect, it } from 'vitest'
import { MemoryLogger } from '../../../src-main/core/log/logger'
import { AuthError, SwiftConfigError, type SwiftClient } from '../../../src-main/core/swift'
import type { AuthResult } from '../../../src-main/core/swift/keystone'
import { requireKeystone } from '../servers-env'
import { appCredential, client, password, servers, tempauth } from '../support/swift-clients'

/** Every auth kind against the real Keystone and tempauth proxies, and what happens when it goes wrong. */

const ks = requireKeystone(servers)

async function reachable(swift: SwiftClient): Promise<string> {
  try {
    await swift.headAccount()
    return await swift.storageUrl()
  } finally {
    await swift.close()
  }
}

/** Counts real token requests by wrapping the real authenticator. */
function counting(): {
  count: () => number
  wrap: (auth: () => Promise<AuthResult>) => () => Promise<AuthResult>
} {
  let calls = 0
  return {
    count: () => calls,
    wrap: (auth) => () => {
      calls++
      return auth()
    },
  }
}

describe('authentication kinds', () => {
  it('application credential by id, without a scope, resolves the catalog storage URL', async () => {
    expect(await reachable(client({ auth: appCredential() }))).toBe(ks.storageUrl)
  })

  it('application credential by name with the owning user and domain', async () => {
    const { applicationCredentialId: _, ...rest } = appCredential()
    const auth = {
      ...rest,
      applicationCredentialName: ks.applicationCredential.name,
      username: ks.demo.userName,
      userDomainId: ks.demo.domain,
    }
    expect(await reachable(client({ auth }))).toBe(ks.storageUrl)
  })

  it('password with names and domains, and with ids', async () => {
    expect(await reachable(client({ auth: password() }))).toBe(ks.storageUrl)
    const byId = {
      type: 'v3password' as const,
      authUrl: ks.authUrl,
      userId: ks.demo.userId,
      password: ks.demo.password,
      projectId: ks.demo.projectId,
    }
    expect(await reachable(client({ auth: byId }))).toBe(ks.storageUrl)
  })

  it('v3 token exchanged for a project-scoped token with a catalog', async () => {
    const first = client({ auth: password() })
    const { token } = await first.connection.session.get()
    await first.close()
    const auth = { type: 'v3token' as const, authUrl: ks.authUrl, token, projectId: ks.demo.projectId }
    expect(await reachable(client({ auth }))).toBe(ks.storageUrl)
  })

  it('works with the bare Keystone root URL as well as …/v3', async () => {
    const auth = { ...appCredential(), authUrl: ks.authUrl.replace(/\/v3\/?$/, '') }
    expect(await reachable(client({ auth }))).toBe(ks.storageUrl)
  })

  it('interface internal and the named region pick the matching endpoint', async () => {
    const auth = { ...appCredential(), interface: 'internal' as const, region: ks.region }
    expect(await reachable(client({ auth }))).toBe(ks.storageUrl)
  })

  it('a region the catalog lacks is a configuration error naming the region and what exists', async () => {
    const swift = client({ auth: { ...appCredential(), region: 'Atlantis' } })
    const error = await swift.storageUrl().catch((e: unknown) => e)
    await swift.close()
    expect(error).toBeInstanceOf(SwiftConfigError)
    expect((error as SwiftConfigError).field).toBe('region')
    expect((error as Error).message).toContain('Atlantis')
    expect((error as Error).message).toContain(ks.region)
  })

  it('legacy v1 tempauth', async () => {
    expect(await reachable(client({ auth: tempauth() }))).toBe(servers.tempauth.storageUrl)
  })

  it('a pre-authenticated token and storage URL', async () => {
    const first = client({ auth: tempauth() })
    const { token, storageUrl } = await first.connection.session.get()
    await first.close()
    expect(await reachable(client({ auth: { type: 'preauth', token, storageUrl } }))).toBe(storageUrl)
  })
})

describe('authentication failures', () => {
  it('a wrong application credential secret is an AuthError that names the method, URL and cause, not the secret', async () => {
    const secret = 'not-the-right-secret-0123456789'
    const logger = new MemoryLogger()
    const swift = client({ auth: { ...appCredential(), applicationCredentialSecret: secret }, logger })
    const error = await swift.headAccount().catch((e: unknown) => e)
    await swift.close()
    expect(error).toBeInstanceOf(AuthError)
    const auth = error as AuthError
    expect(auth.method).toBe('application credential')
    expect(auth.status).toBe(401)
    expect(auth.url).toBe(`${ks.authUrl}/auth/tokens`)
    expect(auth.message).toMatch(/requires authentication|Invalid|could not/i)
    expect(auth.message).not.toContain(secret)
    expect(logger.text()).not.toContain(secret)
  })

  it('a wrong password is an AuthError for the password method', async () => {
    const swift = client({ auth: { ...password(), password: 'wrong-password-xyz' } })
    const error = await swift.headAccount().catch((e: unknown) => e)
    await swift.close()
    expect(error).toBeInstanceOf(AuthError)
    expect((error as AuthError).method).toBe('password')
    expect((error as Error).message).not.toContain('wrong-password-xyz')
  })

  it('a wrong tempauth key is an AuthError for v1', async () => {
    const swift = client({ auth: { ...tempauth(), key: 'wrong-key-123' } })
    const error = await swift.headAccount().catch((e: unknown) => e)
    await swift.close()
    expect(error).toBeInstanceOf(AuthError)
    expect((error as AuthError).method).toBe('v1 (tempauth)')
    expect((error as Error).message).not.toContain('wrong-key-123')
  })

  it('a rejected pre-authenticated token fails at once: nothing can renew it', async () => {
    const swift = client({
      auth: { type: 'preauth', token: 'AUTH_tk0000000000bogus', storageUrl: servers.tempauth.storageUrl },
    })
    const error = await swift.headAccount().catch((e: unknown) => e)
    await swift.close()
    expect(error).toBeInstanceOf(AuthError)
    expect((error as Error).message).not.toContain('AUTH_tk0000000000bogus')
  })
})

describe('token life cycle', () => {
  for (const [kind, auth, storageUrl] of [
    ['Keystone', appCredential(), ks.storageUrl],
    ['tempauth', tempauth(), servers.tempauth.storageUrl],
  ] as const) {
    it(`${kind}: a client seeded with an invalid token re-authenticates once and succeeds`, async () => {
      const tokens = counting()
      const swift = client({ auth, wrapAuthenticate: tokens.wrap })
      swift.connection.session.seed({ token: 'gAAAAABbogus-token-value', storageUrl })
      await swift.headAccount()
      expect(tokens.count()).toBe(1)
      await swift.headAccount()
      expect(tokens.count()).toBe(1)
      await swift.close()
    })

    it(`${kind}: 32 concurrent requests holding an invalid token cause exactly one token request`, async () => {
      const tokens = counting()
      const swift = client({ auth, wrapAuthenticate: tokens.wrap, transport: { connections: 32 } })
      swift.connection.session.seed({ token: 'gAAAAABbogus-token-value', storageUrl })
      const results = await Promise.all(Array.from({ length: 32 }, () => swift.headAccount()))
      expect(results).toHaveLength(32)
      expect(tokens.count()).toBe(1)
      await swift.close()
    })
  }

  it('renews a margin before expiry, timed from the server-stated lifetime (injected clock)', async () => {
    let now = 1_000_000
    const tokens = counting()
    const margin = 60_000
    const swift = client({
      auth: appCredential(),
      wrapAuthenticate: tokens.wrap,
      now: () => now,
      refreshMarginMs: margin,
    })
    const first = await swift.connection.session.get()
    expect(tokens.count()).toBe(1)
    const lifetime = (first.expiresAtMs as number) - 1_000_000
    // Keystone's default token lifetime is an hour; the refresh point sits `margin` before it.
    expect(lifetime).toBeGreaterThan(10 * 60_000)
    expect(first.refreshAtMs).toBe(first.expiresAtMs! - margin)
    now = first.refreshAtMs! - 1
    await swift.headAccount()
    expect(tokens.count()).toBe(1)
    now = first.refreshAtMs! + 1
    await swift.headAccount()
    expect(tokens.count()).toBe(2)
    const second = swift.connection.session.current()!
    expect(second.token).not.toBe(first.token)
    await swift.close()
  })
})
