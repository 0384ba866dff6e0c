import { describe, expect, it } from 'vitest'
import { formatNameTime, logFileName, MAX_NAME_PART, sanitizeNamePart, withCopyNumber } from './log-name'

// Built from local components, so the expected name is the same in every time zone.
const started = new Date(2026, 10, 24, 9, 5, 7, 123)

describe('logFileName', () => {
  it('uses the original format in local time', () => {
    expect(formatNameTime(started)).toBe('2026-11-24-_09-05-07')
    expect(logFileName(started, ['photos'], 'my-bucket')).toBe('2026-11-24-_09-05-07_photos_to_my-bucket.log')
  })

  it('follows the local clock, not UTC', () => {
    const at = new Date(Date.UTC(2026, 0, 1, 23, 59, 59))
    const p = (n: number) => String(n).padStart(2, '0')
    const local = `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}-_${p(at.getHours())}-${p(at.getMinutes())}-${p(at.getSeconds())}`
    expect(logFileName(at, ['c'], 'b')).toBe(`${local}_c_to_b.log`)
  })

  it('replaces every code point outside [A-Za-z0-9._-] with one underscore', () => {
    expect(sanitizeNamePart('my photos/2024\\raw:x')).toBe('my_photos_2024_raw_x')
    expect(sanitizeNamePart('v1.2_final-OK')).toBe('v1.2_final-OK')
    expect(sanitizeNamePart('fotos-été')).toBe('fotos-_t_')
    expect(sanitizeNamePart('a😀b')).toBe('a_b')
    expect(sanitizeNamePart('a\ud800b')).toBe('a_b')
    expect(sanitizeNamePart('..')).toBe('..')
    expect(logFileName(started, ['../etc/passwd'], 'b')).toBe('2026-11-24-_09-05-07_.._etc_passwd_to_b.log')
  })

  it('names a run over several containers by their count', () => {
    expect(logFileName(started, ['a', 'b', 'c'], 'dst')).toBe('2026-11-24-_09-05-07_3-containers_to_dst.log')
    expect(logFileName(started, ['a', 'a'], 'dst')).toBe('2026-11-24-_09-05-07_a_to_dst.log')
    expect(logFileName(started, [], 'dst')).toBe('2026-11-24-_09-05-07_0-containers_to_dst.log')
  })

  it('stays within 255 bytes for the longest names', () => {
    const name = withCopyNumber(logFileName(started, ['é'.repeat(1000)], 'b'.repeat(1000)), 999)
    expect(sanitizeNamePart('x'.repeat(500))).toHaveLength(MAX_NAME_PART)
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255)
  })

  it('numbers copies before the extension', () => {
    expect(withCopyNumber('x_to_y.log', 1)).toBe('x_to_y.log')
    expect(withCopyNumber('x_to_y.log', 2)).toBe('x_to_y-2.log')
    expect(withCopyNumber('x_to_y.log', 13)).toBe('x_to_y-13.log')
  })
})
