import { describe, expect, it } from 'vitest'
import { effectiveLimit, estimateSeconds, formatDuration } from './format'

describe('formatting', () => {
  it('rounds durations to what matters', () => {
    expect(formatDuration(0.2)).toBe('under a second')
    expect(formatDuration(1)).toBe('1 second')
    expect(formatDuration(45)).toBe('45 seconds')
    expect(formatDuration(12 * 60)).toBe('12 minutes')
    expect(formatDuration(3 * 3600 + 20 * 60)).toBe('3 h 20 min')
    expect(formatDuration(52 * 3600)).toBe('2 days 4 h')
  })

  it('estimates time from bytes and the MB/s limit, and not at all without one', () => {
    expect(estimateSeconds(40_000_000, 2)).toBe(20)
    expect(estimateSeconds(40_000_000, null)).toBeNull()
  })

  it("takes the lower of the migration's limit and the global one, and says whose it is", () => {
    expect(effectiveLimit(2, null)).toEqual({ mb: 2, from: 'migration' })
    expect(effectiveLimit(null, 5)).toEqual({ mb: 5, from: 'settings' })
    expect(effectiveLimit(10, 5)).toEqual({ mb: 5, from: 'settings' })
    expect(effectiveLimit(3, 5)).toEqual({ mb: 3, from: 'migration' })
    expect(effectiveLimit(5, 5)).toEqual({ mb: 5, from: 'migration' })
    expect(effectiveLimit(null, null)).toBeNull()
  })
})
