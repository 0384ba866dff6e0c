import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { describe, expect, it } from 'vitest'
import { FakeClock } from './fake-clock'
import { mbPerSecond, throttle, TokenBucket } from './token-bucket'

describe('TokenBucket on a fake clock', () => {
  it('lets the burst through, then holds the rate exactly', async () => {
    const clock = new FakeClock()
    const bucket = new TokenBucket(1000, clock, 250)
    await bucket.take(250)
    expect(clock.now()).toBe(0)
    await bucket.take(1000)
    expect(clock.now()).toBe(1000)
    await bucket.take(500)
    expect(clock.now()).toBe(1500)
  })

  it('over a long run, bytes sent never exceed rate × elapsed + burst', async () => {
    const clock = new FakeClock()
    const rate = 1_000_000
    const bucket = new TokenBucket(rate, clock, 250)
    let sent = 0
    for (let i = 0; i < 1000; i++) {
      const size = 1 + ((i * 7919) % 65_536)
      await bucket.take(size)
      sent += size
      expect(sent).toBeLessThanOrEqual((rate * clock.now()) / 1000 + rate * 0.25 + 1)
    }
    // And it is not slower than the rate either.
    expect(sent).toBeGreaterThanOrEqual((rate * clock.now()) / 1000)
  })

  it('concurrent takers share the rate in arrival order', async () => {
    const clock = new FakeClock()
    const bucket = new TokenBucket(100, clock, 0)
    await Promise.all([bucket.take(100), bucket.take(100), bucket.take(100)])
    // The fake clock advances on each sleep, so three takes of a second each end at 3 s.
    expect(clock.now()).toBe(3000)
    expect(clock.sleeps).toHaveLength(3)
  })

  it('changes rate while running, and null means unlimited', async () => {
    const clock = new FakeClock()
    const bucket = new TokenBucket(100, clock, 0)
    await bucket.take(100)
    expect(clock.now()).toBe(1000)
    bucket.setRate(1000)
    await bucket.take(1000)
    expect(clock.now()).toBe(2000)
    bucket.setRate(null)
    await bucket.take(10 ** 9)
    expect(clock.now()).toBe(2000)
  })

  it('converts MB/s as the original tool meant it', () => {
    expect(mbPerSecond(1)).toBe(1_000_000)
    expect(mbPerSecond(0)).toBeNull()
    expect(mbPerSecond(undefined)).toBeNull()
  })
})

describe('throttle stream', () => {
  it('the lower of two limits wins and every byte passes unchanged', async () => {
    const clock = new FakeClock()
    const global = new TokenBucket(10_000_000, clock, 0)
    const job = new TokenBucket(1_000_000, clock, 0)
    const data = Buffer.alloc(500_000, 7)
    const out: Buffer[] = []
    await pipeline(
      Readable.from([data.subarray(0, 200_000), data.subarray(200_000)]),
      throttle([global, job]),
      async (source) => {
        for await (const chunk of source) out.push(chunk as Buffer)
      },
    )
    expect(Buffer.concat(out).equals(data)).toBe(true)
    // Paid at both rates in sequence per slice: at least the job rate's 0.5 s.
    expect(clock.now()).toBeGreaterThanOrEqual(500)
    expect(clock.now()).toBeLessThanOrEqual(550 + 1)
  })
})
