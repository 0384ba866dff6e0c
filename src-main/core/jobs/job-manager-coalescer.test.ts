import { describe, expect, it } from 'vitest'
import { Coalescer } from './job-manager-coalescer'
import { FakeManagerClock } from './job-manager-fakes'

describe('Coalescer', () => {
  it('sends the first push at once, then at most one per interval, ending with the latest value', () => {
    const clock = new FakeManagerClock(0)
    let value = 0
    const sent: { at: number; value: number }[] = []
    const c = new Coalescer(clock, 250, () => sent.push({ at: clock.now(), value }))
    for (let t = 0; t < 3000; t += 10) {
      value = t
      c.push('job')
      clock.advance(10)
    }
    clock.advance(1000)
    expect(sent[0]).toEqual({ at: 0, value: 0 })
    for (let second = 0; second < 4; second++) {
      expect(
        sent.filter((s) => s.at >= second * 1000 && s.at < (second + 1) * 1000).length,
      ).toBeLessThanOrEqual(4)
    }
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(250)
    expect(sent.at(-1)!.value).toBe(2990)
  })

  it('keeps keys apart', () => {
    const clock = new FakeManagerClock(0)
    const sent: string[] = []
    const c = new Coalescer(clock, 250, (key: string) => sent.push(key))
    c.push('a')
    c.push('b')
    c.push('a')
    expect(sent).toEqual(['a', 'b'])
    clock.advance(250)
    expect(sent).toEqual(['a', 'b', 'a'])
  })

  it('sends again at once after a quiet spell', () => {
    const clock = new FakeManagerClock(0)
    const sent: number[] = []
    const c = new Coalescer(clock, 250, () => sent.push(clock.now()))
    c.push(1)
    clock.advance(1000)
    c.push(1)
    expect(sent).toEqual([0, 1000])
  })

  it('still delivers the pending value of a forgotten key, and clear drops everything', () => {
    const clock = new FakeManagerClock(0)
    const sent: number[] = []
    const c = new Coalescer(clock, 250, () => sent.push(clock.now()))
    c.push(1)
    c.push(1)
    c.forget(1)
    clock.advance(300)
    expect(sent).toEqual([0, 250])
    c.push(2)
    c.push(2)
    c.clear()
    clock.advance(300)
    expect(sent).toEqual([0, 250, 300])
  })
})
