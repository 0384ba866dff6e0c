import { describe, expect, it } from 'vitest'
import { REDACTED, Redactor } from '../log/redact'
import { formatLine, formatTimestamp, type LogEntry, parseLine, parseTimestamp } from './log-line'

const time = new Date(2026, 10, 24, 10, 0, 0, 123)

function entry(message: string, fields?: LogEntry['fields']): LogEntry {
  return { time, logger: 'swift2s3', level: 'info', message, fields }
}

describe('formatLine', () => {
  it("writes Python logging's default layout with local asctime", () => {
    expect(formatTimestamp(time)).toBe('2026-11-24 10:00:00,123')
    expect(formatLine(entry('Transfer started'))).toBe(
      '2026-11-24 10:00:00,123 - swift2s3 - INFO - Transfer started',
    )
    expect(formatLine({ ...entry('x'), level: 'warn' })).toContain(' - WARNING - ')
    expect(formatLine({ ...entry('x'), level: 'debug' })).toContain(' - DEBUG - ')
    expect(formatLine({ ...entry('x'), level: 'error' })).toContain(' - ERROR - ')
  })

  it('appends fields as key=value, quoting only what would not read back', () => {
    const line = formatLine(
      entry('Copied', {
        key: 'a/b c.txt',
        size: 12,
        ok: true,
        etag: 'abc',
        code: '404',
        empty: '',
        none: null,
        skipped: undefined,
        'bad key': 'v',
      }),
    )
    expect(line).toBe(
      '2026-11-24 10:00:00,123 - swift2s3 - INFO - Copied key="a/b c.txt" size=12 ok=true etag=abc code="404" empty="" none=null bad_key=v',
    )
  })

  it('keeps one event on one line', () => {
    const line = formatLine(entry('first\nsecond\r\nthird\u2028fourth', { detail: 'a\nb' }))
    expect(line.split(/\r\n|\r|\n|\u2028|\u2029/)).toHaveLength(1)
    expect(line).toContain('"first\\nsecond\\r\\nthird\\u2028fourth" detail="a\\nb"')
  })

  it('masks registered secrets and secret-looking field keys', () => {
    const redactor = new Redactor()
    redactor.add('tok-123456', 'pa ss"word')
    const line = formatLine(
      entry('auth with tok-123456 and pa ss"word', {
        url: 'https://x/?t=tok-123456',
        password: 'unregistered',
        authToken: 'also-unregistered',
        keyCount: 3,
        key: 'photos/a.jpg',
      }),
      { redactor },
    )
    expect(line).not.toMatch(/tok-123456|pa ss|unregistered/)
    expect(parseLine(line)).toMatchObject({
      message: `auth with ${REDACTED} and ${REDACTED}`,
      fields: {
        url: `https://x/?t=${REDACTED}`,
        password: REDACTED,
        authToken: REDACTED,
        keyCount: 3,
        key: 'photos/a.jpg',
      },
    })
  })
})

describe('parseLine', () => {
  const messages = [
    'plain text',
    '',
    ' padded ',
    'x=1 looks like a field',
    '"starts with a quote',
    'C:\\Users\\me\\file.txt',
    'multi\nline\ttabbed',
    'control \u0000\u0007\u007f\u0085 chars',
    'emoji 😀 and é',
    'lone \ud800 surrogate',
    'ends with - INFO - text',
  ]

  it.each(messages)('reads back message %j', (message) => {
    const fields = { n: 1, s: 'x y', t: 'true', q: '"', eq: 'a=b', neg: -2.5, nul: null, f: false }
    for (const f of [undefined, fields]) {
      const parsed = parseLine(formatLine({ ...entry(message, f), level: 'warn' }))
      expect(parsed).toEqual({
        timestamp: '2026-11-24 10:00:00,123',
        logger: 'swift2s3',
        level: 'warn',
        message,
        fields: f ?? {},
      })
    }
  })

  it("reads the original tool's lines", () => {
    expect(parseLine('2024-05-01 08:30:00,001 - __main__ - CRITICAL - Bucket missing\r')).toEqual({
      timestamp: '2024-05-01 08:30:00,001',
      logger: '__main__',
      level: 'error',
      message: 'Bucket missing',
      fields: {},
    })
  })

  it('rejects lines in another format', () => {
    expect(parseLine('')).toBeUndefined()
    expect(parseLine('hello')).toBeUndefined()
    expect(parseLine('2026-11-24 10:00:00,123 - x - NOTICE - m')).toBeUndefined()
    expect(parseLine('2026-11-24 10:00:00,123 - x - INFO - "unterminated')).toBeUndefined()
    expect(parseLine('2026-11-24 10:00:00,123 - x - INFO - m k="unterminated')).toBeUndefined()
  })

  it('reads timestamps back in local time', () => {
    expect(parseTimestamp(formatTimestamp(time))?.getTime()).toBe(time.getTime())
    expect(parseTimestamp('yesterday')).toBeUndefined()
  })
})
