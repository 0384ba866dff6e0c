import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeReports } from '../reports'
import { sampleReport, sampleRow } from '../reports/sample-report'
import { readReportHead } from './history-report'

describe('readReportHead', () => {
  it('reads the report of a JSON report file without its rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'report-head-'))
    const report = sampleReport()
    const rows = Array.from({ length: 2000 }, (_, i) => sampleRow(i))
    const paths = await writeReports({ dir, baseName: 'run', report, rows })
    expect(await readReportHead(paths.json)).toEqual(report)
  })

  it('is undefined for a missing file or one that is not a report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'report-head-'))
    expect(await readReportHead(join(dir, 'nope.json'))).toBeUndefined()
    await writeFile(join(dir, 'other.json'), '{"a": 1}')
    expect(await readReportHead(join(dir, 'other.json'))).toBeUndefined()
  })
})
