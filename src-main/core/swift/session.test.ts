import { describe, expect, it } from 'vitest'
import { silentLogger } from '../log/logger'
import type { AuthResult } from './keystone'
import { AuthSession } from './session'

function setup(lifetimeMs?: number) {
  let now = 0
  let calls = 0
  let release: (() => void) | undefined
  let gate: Promise<void> | undefined
  const session = new AuthSession({
    renewable: true,
    logger: silentLogger,
    now: () => now,
    refreshMarginMs: 60_000,
    authenticate: async (): Promise<AuthResult> => {
      calls++
      if (gate) await gate
      const result: AuthResult = { token: `t${calls}`, storageUrl: 'https://s/v1/AUTH_a' }
      if (lifetimeMs !== undefined) result.lifetimeMs = lifetimeMs
      return result
    },
  })
  return {
    session,
    calls: () => calls,
    setNow: (t: number) => void (now = t),
    hold: () => void (gate = new Promise((r) => (release = r))),
    release: () => {
      gate = undefined
      release?.()
    },
  }
}

describe('AuthSession', () => {
  it('is single-flight: concurrent callers share one authentication', async () => {
    const s = setup(3_600_000)
    s.hold()
    const all = Promise.all(Array.from({ length: 10 }, () => s.session.get()))
    s.release()
    const results = await all
    expect(s.calls()).toBe(1)
    expect(new Set(results.map((r) => r.token))).toEqual(new Set(['t1']))
  })

  it('renews a margin before the server-stated expiry, on the local clock', async () => {
    const s = setup(3_600_000)
    s.setNow(1000)
    const first = await s.session.get()
    expect(first).toMatchObject({ expiresAtMs: 3_601_000, refreshAtMs: 3_541_000 })
    s.setNow(3_540_999)
    expect((await s.session.get()).token).toBe('t1')
    s.setNow(3_541_000)
    expect((await s.session.get()).token).toBe('t2')
  })

  it('caps the margin at a quarter of a short lifetime', async () => {
    const s = setup(100_000)
    const first = await s.session.get()
    expect(first.refreshAtMs).toBe(75_000)
  })

  it('never renews a token without a stated lifetime except on rejection', async () => {
    const s = setup()
    await s.session.get()
    s.setNow(10 ** 12)
    await s.session.get()
    expect(s.calls()).toBe(1)
    await s.session.renewAfterRejection('t1')
    expect(s.calls()).toBe(2)
  })

  it('a rejection of a token already replaced does not authenticate again', async () => {
    const s = setup(3_600_000)
    await s.session.get()
    await s.session.renewAfterRejection('t1')
    await s.session.renewAfterRejection('t1')
    expect(s.calls()).toBe(2)
  })

  it('keeps using a still-valid token when early renewal fails', async () => {
    let fail = false
    let now = 0
    const session = new AuthSession({
      renewable: true,
      logger: silentLogger,
      now: () => now,
      refreshMarginMs: 60_000,
      authenticate: async () => {
        if (fail) throw new Error('keystone down')
        return { token: 'ok', storageUrl: 'https://s', lifetimeMs: 3_600_000 }
      },
    })
    await session.get()
    fail = true
    now = 3_550_000
    expect((await session.get()).token).toBe('ok')
    now = 3_600_001
    await expect(session.get()).rejects.toThrow('keystone down')
  })
})
