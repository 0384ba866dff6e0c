import { open } from 'node:fs/promises'
import type { RunReport } from '../reports/types'

// The report part of the JSON file is a few kilobytes; a file whose head is larger is not ours.
const MAX_HEAD = 4 * 1024 * 1024
const CHUNK = 64 * 1024
// jsonHead writes the report indented by two, then this key: it can only occur there, since string
// values cannot hold a raw newline and nested keys are indented deeper.
const MARKER = '\n  "objects": ['

/**
 * The RunReport at the top of a JSON report file, without reading its per-object rows: a run of
 * millions of objects has a report of hundreds of megabytes, and the summary is all a detail page needs.
 * Undefined when the file is missing or is not a report.
 */
export async function readReportHead(path: string): Promise<RunReport | undefined> {
  let handle
  try {
    handle = await open(path, 'r')
  } catch {
    return undefined
  }
  try {
    const buffer = Buffer.alloc(CHUNK)
    let text = ''
    for (let position = 0; position < MAX_HEAD;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position)
      if (bytesRead === 0) break
      position += bytesRead
      // Decoding per chunk could split a character; the marker is ASCII, so only the report text suffers,
      // and that is re-decoded whole below.
      text += buffer.toString('latin1', 0, bytesRead)
      const at = text.indexOf(MARKER)
      if (at >= 0) {
        const head = Buffer.from(text.slice(0, at + MARKER.length), 'latin1').toString('utf8')
        const { objects: _objects, ...report } = JSON.parse(`${head}]}`) as RunReport & { objects: unknown }
        return report
      }
    }
    return undefined
  } catch {
    return undefined
  } finally {
    await handle.close()
  }
}
