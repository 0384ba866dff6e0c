import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { AtomicFile, syncDirectory } from './atomic-file'
import { csvHeader, csvRow } from './csv'
import { jsonHead, jsonRow, jsonTail } from './json-stream'
import { renderSummaryHtml } from './summary-html'
import type { ObjectReportRow, RunReport } from './types'

export interface WriteReportsOptions {
  /** Created if missing. */
  dir: string
  /** File name without extension; the three files are `${baseName}.json`, `.csv` and `.html`. */
  baseName: string
  report: RunReport
  /** Read once, in a single pass, and never held in memory: a run can have millions of objects. */
  rows: AsyncIterable<ObjectReportRow> | Iterable<ObjectReportRow>
}

export interface ReportPaths {
  json: string
  csv: string
  html: string
}

function checkBaseName(baseName: string): void {
  if (baseName === '' || baseName === '.' || baseName === '..' || /[/\\\0]/.test(baseName)) {
    throw new Error(`Report base name must be a plain file name, got ${JSON.stringify(baseName)}`)
  }
}

/**
 * Writes a run's JSON, CSV and HTML reports into `dir` and returns their paths. The rows stream to the
 * JSON and CSV files as they arrive. Each file is written atomically; the three are renamed into place
 * only after all of them are complete, the HTML last because it links to the other two. If anything
 * fails (including the rows iterable throwing) no new file appears and earlier reports of the same
 * name are left untouched.
 */
export async function writeReports(options: WriteReportsOptions): Promise<ReportPaths> {
  const { dir, baseName, report, rows } = options
  checkBaseName(baseName)
  const names = { json: `${baseName}.json`, csv: `${baseName}.csv`, html: `${baseName}.html` }
  const paths: ReportPaths = {
    json: join(dir, names.json),
    csv: join(dir, names.csv),
    html: join(dir, names.html),
  }
  // Rendered first: a report that cannot be rendered should fail before a long pass over the rows.
  const summary = renderSummaryHtml(report, { json: names.json, csv: names.csv })
  await mkdir(dir, { recursive: true })

  const files: AtomicFile[] = []
  try {
    const json = await AtomicFile.create(paths.json)
    files.push(json)
    const csv = await AtomicFile.create(paths.csv)
    files.push(csv)
    const html = await AtomicFile.create(paths.html)
    files.push(html)

    await json.write(jsonHead(report))
    await csv.write(csvHeader())
    let count = 0
    for await (const row of rows) {
      await json.write(jsonRow(row, count === 0))
      await csv.write(csvRow(row))
      count++
    }
    await json.write(jsonTail(count))
    await html.write(summary)

    // Everything on disk before any name changes, so a full disk cannot leave a mixed set behind.
    for (const file of files) await file.finish()
    for (const file of files) await file.publish()
  } catch (error) {
    await Promise.all(files.map((file) => file.abort()))
    throw error
  }
  await syncDirectory(dir)
  return paths
}
