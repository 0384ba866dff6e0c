import { describe, expect, it, vi } from 'vitest'
import { injectedClock } from './injected-clock'

describe('the injected clock of browser-mode tests', () => {
  it('is absent unless SWIFT2S3_FAKE_NOW is set', () => {
    expect(injectedClock({})).toBeUndefined()
    expect(() => injectedClock({ SWIFT2S3_CLOCK_RATE: '60' })).toThrow(/needs SWIFT2S3_FAKE_NOW/)
  })

  it('starts at the given time and runs at the given rate', () => {
    let real = 1_000_000
    const clocks = injectedClock(
      { SWIFT2S3_FAKE_NOW: '2030-01-07T01:59:00Z', SWIFT2S3_CLOCK_RATE: '60' },
      () => real,
    )!
    expect(new Date(clocks.scheduler.now()).toISOString()).toBe('2030-01-07T01:59:00.000Z')
    real += 1000
    expect(new Date(clocks.scheduler.now()).toISOString()).toBe('2030-01-07T02:00:00.000Z')
    expect(clocks.jobs.now()).toBe(clocks.scheduler.now())
  })

  it("shortens the scheduler's timers by the rate, and leaves the job manager's real", () => {
    vi.useFakeTimers()
    try {
      const clocks = injectedClock({ SWIFT2S3_FAKE_NOW: '2030-01-07T01:59:00Z', SWIFT2S3_CLOCK_RATE: '60' })!
      const fired: string[] = []
      clocks.scheduler.setTimer(() => fired.push('scheduler'), 60_000)
      clocks.jobs.setTimer(() => fired.push('jobs'), 250)
      vi.advanceTimersByTime(249)
      expect(fired).toEqual([])
      vi.advanceTimersByTime(1)
      expect(fired).toEqual(['jobs'])
      vi.advanceTimersByTime(750)
      expect(fired).toEqual(['jobs', 'scheduler'])
    } finally {
      vi.useRealTimers()
    }
  })

  it('names the variable a bad value came from', () => {
    expect(() => injectedClock({ SWIFT2S3_FAKE_NOW: 'tomorrow' })).toThrow(
      /SWIFT2S3_FAKE_NOW must be an ISO 8601/,
    )
    expect(() =>
      injectedClock({ SWIFT2S3_FAKE_NOW: '2030-01-07T01:59:00Z', SWIFT2S3_CLOCK_RATE: '-2' }),
    ).toThrow(/SWIFT2S3_CLOCK_RATE must be a number above 0/)
  })
})
