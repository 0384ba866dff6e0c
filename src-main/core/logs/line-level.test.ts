import { describe, expect, it } from 'vitest'
import { formatLine, parseLine } from '../jobs/log-line'
import { classifyLine, DEBUG, ERROR, INFO, timestampOf, UNKNOWN, WARN } from './line-level'

const classify = (text: string) => {
  const buf = Buffer.from(text)
  return classifyLine(buf, 0, buf.length)
}

describe('line levels read from bytes', () => {
  it('reads each level of the run log format, the Python CRITICAL as an error', () => {
    expect(classify('2030-01-02 03:04:05,006 - swift2s3 - DEBUG - planning')).toBe(DEBUG)
    expect(classify('2030-01-02 03:04:05,006 - swift2s3 - INFO - Copied a.jpg')).toBe(INFO)
    expect(classify('2030-01-02 03:04:05,006 - swift2s3 - WARNING - slow')).toBe(WARN)
    expect(classify('2030-01-02 03:04:05,006 - swift2s3 - ERROR - failed')).toBe(ERROR)
    expect(classify('2030-01-02 03:04:05,006 - migrate - CRITICAL - gave up')).toBe(ERROR)
  })

  it('agrees with the log parser when the logger name itself contains " - "', () => {
    const line = formatLine({
      time: new Date(),
      logger: 'a - INFOX - b',
      level: 'warn',
      message: 'ERROR - x',
    })
    expect(parseLine(line)?.level).toBe('warn')
    expect(classify(line)).toBe(WARN)
  })

  it('says UNKNOWN for lines outside the format (a traceback, a message word that looks like a level)', () => {
    expect(classify('Traceback (most recent call last):')).toBe(UNKNOWN)
    expect(classify('  File "migrate.py", line 12, in <module>')).toBe(UNKNOWN)
    expect(classify('2030-01-02 03:04:05 - swift2s3 - ERROR - no milliseconds')).toBe(UNKNOWN)
    expect(classify('2030-01-02 03:04:05,006 - swift2s3 - NOTICE - ERROR later')).toBe(UNKNOWN)
    expect(classify('')).toBe(UNKNOWN)
  })

  it('reads the timestamp a line starts with', () => {
    expect(timestampOf('2030-01-02 03:04:05,006 - swift2s3 - INFO - x')).toBe('2030-01-02 03:04:05,006')
    expect(timestampOf('Traceback (most recent call last):')).toBeNull()
  })
})
