import { describe, expect, it } from 'vitest'
import { lowestLimit, nextBoundary, windowLimitAt, type WindowSet } from './bandwidth-windows'

const at = (iso: string) => Date.parse(iso)

const OFFICE: WindowSet = {
  timeZone: 'Europe/Berlin',
  windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00', limitMb: 2 }],
}

describe('bandwidth windows', () => {
  it('limits inside the window and not outside it', () => {
    // Wednesday 6 May 2026; Berlin is UTC+2.
    expect(windowLimitAt(OFFICE, at('2026-05-06T05:59:00Z'))).toBeNull()
    expect(windowLimitAt(OFFICE, at('2026-05-06T06:00:00Z'))).toBe(2)
    expect(windowLimitAt(OFFICE, at('2026-05-06T15:59:59Z'))).toBe(2)
    expect(windowLimitAt(OFFICE, at('2026-05-06T16:00:00Z'))).toBeNull()
    // Saturday.
    expect(windowLimitAt(OFFICE, at('2026-05-09T10:00:00Z'))).toBeNull()
  })

  it('finds the next opening or closing, over the weekend too', () => {
    expect(nextBoundary(OFFICE, at('2026-05-06T03:00:00Z'))).toBe(at('2026-05-06T06:00:00Z'))
    expect(nextBoundary(OFFICE, at('2026-05-06T06:00:00Z'))).toBe(at('2026-05-06T16:00:00Z'))
    // Friday evening → Monday morning.
    expect(nextBoundary(OFFICE, at('2026-05-08T17:00:00Z'))).toBe(at('2026-05-11T06:00:00Z'))
    expect(nextBoundary({ timeZone: 'UTC', windows: [] }, 0)).toBeNull()
  })

  it('runs an overnight window into the next day, and 24:00 to midnight', () => {
    const nights: WindowSet = {
      timeZone: 'UTC',
      windows: [
        { days: ['fri'], start: '22:00', end: '06:00', limitMb: 5 },
        { days: ['sun'], start: '00:00', end: '24:00', limitMb: 1 },
      ],
    }
    expect(windowLimitAt(nights, at('2026-05-08T23:00:00Z'))).toBe(5) // Friday night
    expect(windowLimitAt(nights, at('2026-05-09T05:59:00Z'))).toBe(5) // Saturday morning
    expect(windowLimitAt(nights, at('2026-05-09T06:00:00Z'))).toBeNull()
    expect(windowLimitAt(nights, at('2026-05-10T23:59:00Z'))).toBe(1) // all Sunday
    expect(windowLimitAt(nights, at('2026-05-11T00:00:00Z'))).toBeNull()
  })

  it('takes the lowest limit where windows overlap', () => {
    const both: WindowSet = {
      timeZone: 'UTC',
      windows: [
        { days: ['mon'], start: '08:00', end: '18:00', limitMb: 10 },
        { days: ['mon'], start: '12:00', end: '13:00', limitMb: 3 },
      ],
    }
    expect(windowLimitAt(both, at('2026-05-04T12:30:00Z'))).toBe(3)
    expect(windowLimitAt(both, at('2026-05-04T13:00:00Z'))).toBe(10)
    expect(lowestLimit(null, 4, undefined, 2)).toBe(2)
    expect(lowestLimit(null, null)).toBeNull()
  })

  it('follows the local clock across a DST change', () => {
    // Sunday 29 March 2026 in Berlin: a 01:00–04:00 window lasts two hours of real time.
    const sunday: WindowSet = {
      timeZone: 'Europe/Berlin',
      windows: [{ days: ['sun'], start: '01:00', end: '04:00', limitMb: 1 }],
    }
    expect(nextBoundary(sunday, at('2026-03-28T12:00:00Z'))).toBe(at('2026-03-29T00:00:00Z'))
    expect(nextBoundary(sunday, at('2026-03-29T00:00:00Z'))).toBe(at('2026-03-29T02:00:00Z'))
  })

  it('ends a window on the night the clocks go back when its end shows for the last time', () => {
    // Sunday 25 October 2026 in Berlin: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    const night: WindowSet = {
      timeZone: 'Europe/Berlin',
      windows: [{ days: ['sun'], start: '01:00', end: '02:30', limitMb: 4 }],
    }
    // 01:00 CEST is 23:00Z on Saturday; the window lasts 2.5 hours, to the second 02:30.
    expect(windowLimitAt(night, at('2026-10-24T22:59:00Z'))).toBeNull()
    expect(windowLimitAt(night, at('2026-10-24T23:00:00Z'))).toBe(4)
    expect(windowLimitAt(night, at('2026-10-25T00:45:00Z'))).toBe(4) // 02:45 CEST, after the first 02:30
    expect(windowLimitAt(night, at('2026-10-25T01:29:59Z'))).toBe(4)
    expect(windowLimitAt(night, at('2026-10-25T01:30:00Z'))).toBeNull()
    expect(nextBoundary(night, at('2026-10-24T23:00:00Z'))).toBe(at('2026-10-25T01:30:00Z'))
    // A start that happens twice is taken at its first occurrence.
    const repeated: WindowSet = {
      timeZone: 'Europe/Berlin',
      windows: [{ days: ['sun'], start: '02:30', end: '04:00', limitMb: 1 }],
    }
    expect(nextBoundary(repeated, at('2026-10-24T12:00:00Z'))).toBe(at('2026-10-25T00:30:00Z'))
    // New York, 1 November 2026: 00:30–01:30 lasts two hours (01:30 EDT to 01:30 EST).
    const newYork: WindowSet = {
      timeZone: 'America/New_York',
      windows: [{ days: ['sun'], start: '00:30', end: '01:30', limitMb: 2 }],
    }
    expect(windowLimitAt(newYork, at('2026-11-01T06:29:00Z'))).toBe(2)
    expect(windowLimitAt(newYork, at('2026-11-01T06:30:00Z'))).toBeNull()
  })
})
