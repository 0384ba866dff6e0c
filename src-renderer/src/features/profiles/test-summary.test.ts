import { describe, expect, it } from 'vitest'
import { summarizeTest, whenTested } from './test-summary'

const AT = '2026-03-12T10:42:00.000Z'
const at = Date.parse(AT)

describe('summarizeTest', () => {
  it('names the step that ended a failed test, with its exact message', () => {
    expect(
      summarizeTest({
        at: AT,
        ok: false,
        checks: [
          { step: 'secrets', status: 'passed' },
          { step: 'authenticate', status: 'failed', error: { code: 'AUTH', message: 'Keystone said 401.' } },
        ],
      }),
    ).toEqual({ tone: 'failed', label: 'Failed at Authentication', message: 'Keystone said 401.' })
  })

  it('says "Worked", or "Worked, with a warning" and the warning, when nothing failed', () => {
    expect(summarizeTest({ at: AT, ok: true, checks: [{ step: 'bucket', status: 'passed' }] })).toEqual({
      tone: 'worked',
      label: 'Worked',
    })
    expect(
      summarizeTest({
        at: AT,
        ok: true,
        checks: [{ step: 'region', status: 'warning', detail: 'The bucket is in region default.' }],
      }),
    ).toEqual({
      tone: 'warning',
      label: 'Worked, with a warning',
      message: 'The bucket is in region default.',
    })
  })
})

describe('whenTested', () => {
  it('is relative on the day and a date and time after that', () => {
    expect(whenTested(AT, at + 20_000)).toBe('just now')
    expect(whenTested(AT, at + 5 * 60_000)).toBe('5 min ago')
    expect(whenTested(AT, at + 2 * 3_600_000 + 59 * 60_000)).toBe('2 h ago')
    // The day as the machine's time zone has it.
    const older = whenTested(AT, at + 3 * 86_400_000, 'en-GB')
    expect(older).toMatch(/^1[123] Mar(,| at)? \d\d:\d\d$/)
    expect(whenTested(AT, Date.parse('2027-01-05T00:00:00Z'), 'en-GB')).toContain('2026')
  })

  it('says nothing for a time it cannot read', () => {
    expect(whenTested('not a time', at)).toBe('')
  })
})
