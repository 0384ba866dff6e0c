import { mkdtempSync, rmSync } from 'node:fs'
import { appendFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatLine } from '../jobs/log-line'
import type { LogLevel } from '../log/logger'

/** Test helpers: log lines in the run log's real format, written to a temporary directory. */

const BASE = new Date(2030, 0, 2, 3, 4, 5, 0)

/** A line as the run log writes it, `i` seconds after a fixed start. */
export function logLine(i: number, level: LogLevel, message: string): string {
  return formatLine({ time: new Date(BASE.getTime() + i * 1000), logger: 'swift2s3', level, message })
}

/** The level of line i in {@link sampleLines}: every 10th a warning, every 25th an error, else info. */
export function sampleLevel(i: number): LogLevel {
  if (i % 25 === 24) return 'error'
  if (i % 10 === 9) return 'warn'
  return i % 7 === 3 ? 'debug' : 'info'
}

export function sampleLines(count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k
    return logLine(i, sampleLevel(i), `Copied object photos/${String(i).padStart(7, '0')}.jpg`)
  })
}

export function tempLogDir(): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'core-logs-'))
  return {
    dir,
    file: (name) => join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}

export async function writeLines(path: string, lines: string[], trailingNewline = true): Promise<void> {
  await writeFile(path, lines.join('\n') + (trailingNewline && lines.length > 0 ? '\n' : ''))
}

export async function appendText(path: string, text: string): Promise<void> {
  await appendFile(path, text)
}

/** Runs scans without waiting for the event loop, for fast deterministic tests. */
export const noPause = (): Promise<void> => Promise.resolve()
