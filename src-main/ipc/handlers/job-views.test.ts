import { describe, expect, it } from 'vitest'
import { sampleReport } from '../../core/reports/sample-report'
import { reportView } from './job-views'

const files = {
  logFile: '/logs/run.log',
  reports: { json: '/logs/r.json', csv: '/logs/r.csv', html: '/logs/r.html' },
}

function listingOf(prefix: string | null, sourceCount: number, containerObjectCount: number | null) {
  const base = sampleReport()
  const report = sampleReport({
    source: { ...base.source, prefix },
    totals: { ...base.totals, sourceCount, containerObjectCount },
  })
  return reportView('job-1', { ...files, report }).summary?.listingComplete
}

describe('report view', () => {
  it('says whether the Swift listing returned every object the container reports', () => {
    expect(listingOf(null, 120, 120)).toBe(true)
    expect(listingOf(null, 119, 120)).toBe(false)
    // With a prefix the listing covers part of the container: only "not more than" can be checked.
    expect(listingOf('photos/', 40, 120)).toBe(true)
    expect(listingOf('photos/', 121, 120)).toBe(false)
    expect(listingOf(null, 120, null)).toBeNull()
  })

  it('names the files without their folder', () => {
    expect(reportView('job-1', { ...files, report: null })).toEqual({
      id: 'job-1',
      files: { log: 'run.log', json: 'r.json', csv: 'r.csv', html: 'r.html' },
      summary: null,
    })
  })
})
