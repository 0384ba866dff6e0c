import { describe, expect, it } from 'vitest'
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatPercent,
  formatThroughput,
  formatTimestamp,
} from './format'

describe('report formatting', () => {
  it('shows sizes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(1023)).toBe('1023 B')
    expect(formatBytes(1024)).toBe('1.0 KiB')
    expect(formatBytes(1536)).toBe('1.5 KiB')
    expect(formatBytes(5 * 1024 ** 2)).toBe('5.0 MiB')
    expect(formatBytes(1.2 * 1024 ** 3)).toBe('1.2 GiB')
    expect(formatBytes(2_613_432_119_004)).toBe('2.4 TiB')
    expect(formatBytes(3 * 1024 ** 5)).toBe('3.0 PiB')
    expect(formatBytes(Number.NaN)).toBe('—')
  })

  it('shows durations as h m s', () => {
    expect(formatDuration(0)).toBe('0s')
    expect(formatDuration(59.4)).toBe('59s')
    expect(formatDuration(60)).toBe('1m 0s')
    expect(formatDuration(3599.6)).toBe('1h 0m 0s')
    expect(formatDuration(13423.784)).toBe('3h 43m 44s')
    expect(formatDuration(90 * 3600 + 5)).toBe('90h 0m 5s')
    expect(formatDuration(-1)).toBe('—')
  })

  it('shows throughput in MB/s as the bandwidth limits count them', () => {
    expect(formatThroughput(194_683_512.4)).toBe('194.7 MB/s')
    expect(formatThroughput(1_500_000)).toBe('1.50 MB/s')
    expect(formatThroughput(0)).toBe('0.00 MB/s')
  })

  it('groups thousands and shows timestamps in UTC', () => {
    expect(formatCount(1_284_311)).toBe('1,284,311')
    expect(formatCount(999)).toBe('999')
    expect(formatCount(-1234)).toBe('-1,234')
    expect(formatTimestamp('2025-05-01T14:03:22.118Z')).toBe('1 May 2025, 14:03:22 UTC')
    expect(formatTimestamp('2025-12-31T23:30:00-02:00')).toBe('1 Jan 2026, 01:30:00 UTC')
    expect(formatTimestamp('not a date')).toBe('not a date')
  })

  it('never rounds a partial share to 100% or a non-zero one to 0%', () => {
    expect(formatPercent(1, 2)).toBe('50%')
    expect(formatPercent(1_284_284, 1_284_311)).toBe('>99.9%')
    expect(formatPercent(1, 1_000_000)).toBe('<0.1%')
    expect(formatPercent(2, 3)).toBe('66.7%')
    expect(formatPercent(5, 5)).toBe('100%')
    expect(formatPercent(0, 0)).toBe('—')
  })
})
