import { mkdtempSync } from 'node:fs'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CSV_BOM } from './csv'
import { sampleReport, sampleRow } from './sample-report'
import type { ObjectReportRow } from './types'
import { writeReports } from './write-reports'

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'swift2s3-reports-'))
}

const UNICODE_NAMES = [
  '写真/日本語のファイル.jpg',
  'emoji/🚀 launch ✓.png',
  'rtl/שלום עולם.txt',
  'combining/Åmål e\u0301.doc',
  'quotes/"double" and \'single\', comma.txt',
  'newline/line1\nline2.txt',
  'markup/<script>alert(1)</script>.html',
  '=formula/=1+1.csv',
  'backslash\\and\ttab\u0000nul.bin',
]

describe('writeReports', () => {
  it('writes valid JSON, a spreadsheet-ready CSV and the summary, unicode intact', async () => {
    const dir = join(tempDir(), 'nested', 'reports')
    const report = sampleReport()
    const rows: ObjectReportRow[] = UNICODE_NAMES.map((name, i) => sampleRow(i, { name, key: `p/${name}` }))
    const paths = await writeReports({ dir, baseName: 'run-1', report, rows })

    expect(paths).toEqual({
      json: join(dir, 'run-1.json'),
      csv: join(dir, 'run-1.csv'),
      html: join(dir, 'run-1.html'),
    })
    expect((await readdir(dir)).sort()).toEqual(['run-1.csv', 'run-1.html', 'run-1.json'])

    const json: unknown = JSON.parse(await readFile(paths.json, 'utf8'))
    expect(json).toEqual({ ...report, objects: rows })
    expect(Object.keys(json as object).at(-1)).toBe('objects')

    const csvBytes = await readFile(paths.csv)
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csv = csvBytes.toString('utf8')
    expect(csv.startsWith(`${CSV_BOM}key,name,status,`)).toBe(true)
    expect(csv).toContain('p/写真/日本語のファイル.jpg,写真/日本語のファイル.jpg,copied,')
    expect(csv).toContain('"p/newline/line1\nline2.txt","newline/line1\nline2.txt",')
    expect(csv).toContain("p/=formula/=1+1.csv,'=formula/=1+1.csv,")
    expect(csv.endsWith('\r\n')).toBe(true)

    const html = await readFile(paths.html, 'utf8')
    expect(html).toContain('href="run-1.csv"')
    expect(html).toContain('href="run-1.json"')
  })

  it('writes an empty objects array when there are no rows', async () => {
    const dir = tempDir()
    const paths = await writeReports({ dir, baseName: 'empty', report: sampleReport(), rows: [] })
    const json = JSON.parse(await readFile(paths.json, 'utf8')) as { objects: unknown[] }
    expect(json.objects).toEqual([])
    const lines = (await readFile(paths.csv, 'utf8')).split('\r\n')
    expect(lines).toHaveLength(2)
  })

  it('streams 200,000 rows to disk as they come instead of collecting them', async () => {
    const dir = tempDir()
    const total = 200_000
    let tempBytesMidway = 0
    let finalNamesMidway: string[] = []
    async function* rows(): AsyncGenerator<ObjectReportRow> {
      for (let i = 0; i < total; i++) {
        if (i === 150_000) {
          // Three quarters through, the temporary files must already hold most of the rows.
          const names = await readdir(dir)
          finalNamesMidway = names.filter((n) => !n.startsWith('.'))
          for (const name of names.filter((n) => n.startsWith('.big.'))) {
            tempBytesMidway += (await stat(join(dir, name))).size
          }
        }
        yield sampleRow(i, i % 1000 === 0 ? { name: `ünïcödé-${i}-名前`, status: 'failed', reason: 'x' } : {})
      }
    }
    const heapBefore = process.memoryUsage().heapUsed
    const paths = await writeReports({ dir, baseName: 'big', report: sampleReport(), rows: rows() })
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore

    // About 300 bytes of JSON and 200 of CSV per row have reached the disk for 150,000 rows.
    expect(tempBytesMidway).toBeGreaterThan(150_000 * 450)
    expect(finalNamesMidway).toEqual([])
    // Holding 200,000 rows and their text would take well over 100 MB.
    expect(heapGrowth).toBeLessThan(64 * 1024 * 1024)

    const json = JSON.parse(await readFile(paths.json, 'utf8')) as {
      objects: ObjectReportRow[]
      runId: string
    }
    expect(json.runId).toBe(sampleReport().runId)
    expect(json.objects).toHaveLength(total)
    expect(json.objects[0]).toEqual(sampleRow(0, { name: 'ünïcödé-0-名前', status: 'failed', reason: 'x' }))
    expect(json.objects[total - 1]).toEqual(sampleRow(total - 1))

    const csv = await readFile(paths.csv, 'utf8')
    let records = 0
    for (let at = csv.indexOf('\r\n'); at !== -1; at = csv.indexOf('\r\n', at + 2)) records++
    expect(records).toBe(total + 1)
  }, 60_000)

  it('leaves no file behind when the rows fail midway', async () => {
    const dir = tempDir()
    async function* rows(): AsyncGenerator<ObjectReportRow> {
      for (let i = 0; i < 5_000; i++) yield sampleRow(i)
      throw new Error('listing broke')
    }
    await expect(
      writeReports({ dir, baseName: 'run', report: sampleReport(), rows: rows() }),
    ).rejects.toThrow('listing broke')
    expect(await readdir(dir)).toEqual([])
  })

  it('keeps an earlier report of the same name whole when a new one fails', async () => {
    const dir = tempDir()
    await writeReports({ dir, baseName: 'run', report: sampleReport(), rows: [sampleRow(1)] })
    const before = await Promise.all(['run.json', 'run.csv', 'run.html'].map((n) => readFile(join(dir, n))))

    function* rows(): Generator<ObjectReportRow> {
      yield sampleRow(2)
      throw new Error('disk on fire')
    }
    await expect(
      writeReports({ dir, baseName: 'run', report: sampleReport({ runId: 'second' }), rows: rows() }),
    ).rejects.toThrow('disk on fire')

    const after = await Promise.all(['run.json', 'run.csv', 'run.html'].map((n) => readFile(join(dir, n))))
    expect(after).toEqual(before)
    expect((await readdir(dir)).sort()).toEqual(['run.csv', 'run.html', 'run.json'])
  })

  it('replaces an earlier report of the same name on success', async () => {
    const dir = tempDir()
    await writeFile(join(dir, 'run.json'), 'old')
    await writeReports({ dir, baseName: 'run', report: sampleReport({ runId: 'new' }), rows: [] })
    expect((JSON.parse(await readFile(join(dir, 'run.json'), 'utf8')) as { runId: string }).runId).toBe('new')
  })

  it('refuses a base name that is a path', async () => {
    const dir = tempDir()
    for (const baseName of ['', '.', '..', '../escape', 'a/b', 'a\\b']) {
      await expect(writeReports({ dir, baseName, report: sampleReport(), rows: [] })).rejects.toThrow(
        /plain file name/,
      )
    }
    expect(await readdir(dir)).toEqual([])
  })
})
