import { describe, expect, it } from 'vitest'
import { MemoryLogger } from '../log/logger'
import { AuthError, NetworkError, ServerError, TimeoutError } from './errors'
import { backoffMs, withRetries } from './retry'

const policy = { attempts: 4, baseMs: 100, capMs: 1000 }

function deps() {
  const waits: number[] = []
  return {
    logger: new MemoryLogger(),
    sleep: async (ms: number) => void waits.push(ms),
    random: () => 1,
    waits,
  }
}

describe('backoff', () => {
  it('grows exponentially up to the cap, scaled by jitter', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(policy, n, () => 1))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ])
    expect(backoffMs(policy, 3, () => 0.5)).toBe(200)
  })
})

describe('withRetries', () => {
  it('retries transient errors and logs each attempt', async () => {
    const d = deps()
    let calls = 0
    const result = await withRetries('GET x', policy, d, async () => {
      if (++calls < 3) throw new ServerError(503, 'u', 'tx1', 'busy')
      return 'ok'
    })
    expect(result).toBe('ok')
    expect(d.waits).toEqual([100, 200])
    expect(d.logger.entries.map((e) => e.fields?.attempt)).toEqual([1, 2])
  })

  it('does not retry what another attempt cannot fix', async () => {
    for (const error of [
      new AuthError('password', 'u', 'no'),
      new ServerError(400, 'u', undefined, 'bad'),
      new NetworkError('tls', 'u', 'cert'),
    ]) {
      const d = deps()
      let calls = 0
      await expect(
        withRetries('x', policy, d, async () => {
          calls++
          throw error
        }),
      ).rejects.toBe(error)
      expect(calls).toBe(1)
    }
  })

  it('gives up after the last attempt', async () => {
    const d = deps()
    let calls = 0
    const error = new TimeoutError('u', 'headers', 'slow')
    await expect(
      withRetries('x', policy, d, async () => {
        calls++
        throw error
      }),
    ).rejects.toBe(error)
    expect(calls).toBe(4)
  })

  it('honours Retry-After within the cap', async () => {
    const d = deps()
    let calls = 0
    await withRetries('x', policy, d, async () => {
      if (++calls === 1) throw new ServerError(503, 'u', undefined, 'later', 5000)
      if (calls === 2) throw new ServerError(429, 'u', undefined, 'later', 50)
    })
    expect(d.waits).toEqual([1000, 50])
  })

  it('never multiplies attempts when retry loops nest', async () => {
    const d = deps()
    let calls = 0
    const inner = () =>
      withRetries('inner', policy, d, async () => {
        calls++
        throw new NetworkError('refused', 'u', 'refused')
      })
    await expect(withRetries('outer', policy, d, inner)).rejects.toBeInstanceOf(NetworkError)
    expect(calls).toBe(4)
  })
})
