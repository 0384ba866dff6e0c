import { describe, expect, it } from 'vitest'
import { FakeClock } from './fake-clock'
import { ProgressTracker } from './progress'

describe('ProgressTracker', () => {
  it('keeps absolute totals, a moving-average rate and an ETA', () => {
    const clock = new FakeClock()
    const p = new ProgressTracker(clock)
    p.addPlanned(3, 3000)
    p.planComplete()
    p.workerOn(1, 'a')
    for (let s = 0; s < 5; s++) {
      p.bytes(100)
      clock.advance(1000)
    }
    p.outcome('copied', 0)
    p.outcome('skipped', 1000)
    const snap = p.snapshot()
    expect(snap.objects).toEqual({ total: 3, done: 2, copied: 1, skipped: 1, failed: 0 })
    expect(snap.bytes).toEqual({ total: 3000, done: 1500 })
    expect(snap.samples).toHaveLength(5)
    // The skip counted 1000 bytes at once, inside no sample window: the rate is the transfer's own.
    expect(snap.rate).toBe(100)
    expect(snap.etaSeconds).toBe(15)
    expect(snap.workers).toEqual([{ id: 1, key: 'a' }])
  })

  it('has no ETA before the plan is complete, and counts idle seconds as zero', () => {
    const clock = new FakeClock()
    const p = new ProgressTracker(clock)
    p.addPlanned(1, 100)
    p.bytes(50)
    clock.advance(10_000)
    const snap = p.snapshot()
    expect(snap.etaSeconds).toBeNull()
    expect(snap.rate).toBe(0)
    expect(snap.samples[0]).toEqual([1, 50])
  })
})
