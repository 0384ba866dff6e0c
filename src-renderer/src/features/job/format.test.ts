import { describe, expect, it } from 'vitest'
import { formatBytes, formatCount, formatDuration, percentOf } from './format'

describe('numbers as every screen writes them', () => {
  it('writes sizes in decimal units, the unit the bandwidth limit is set in', () => {
    expect(formatBytes(0)).toBe('0 bytes')
    expect(formatBytes(1)).toBe('1 byte')
    expect(formatBytes(999)).toBe('999 bytes')
    expect(formatBytes(1500)).toBe('1.5 kB')
    expect(formatBytes(40_960)).toBe('41.0 kB')
    expect(formatBytes(123_456_789)).toBe('123 MB')
    expect(formatBytes(2.5e12)).toBe('2.5 TB')
    expect(formatBytes(-1500)).toBe('-1.5 kB')
    expect(formatBytes(Number.NaN)).toBe('—')
  })

  it('writes counts with the same separators on every machine', () => {
    expect(formatCount(1_234_567)).toBe('1,234,567')
    expect(formatCount(999)).toBe('999')
  })

  it('writes durations compactly', () => {
    expect(formatDuration(12)).toBe('12s')
    expect(formatDuration(245)).toBe('4m 5s')
    expect(formatDuration(7_800)).toBe('2h 10m')
    expect(formatDuration(null)).toBe('—')
  })

  it('never shows 100 % before the end, nor 0 % once something moved', () => {
    expect(percentOf(1, 1000)).toBe(1)
    expect(percentOf(999, 1000)).toBe(99)
    expect(percentOf(1000, 1000)).toBe(100)
    expect(percentOf(5, 0)).toBeNull()
  })
})
