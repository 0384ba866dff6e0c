import { type FileHandle, mkdir, open } from 'node:fs/promises'
import { join } from 'node:path'
import type { Redactor } from '../log/redact'
import { logFileName, withCopyNumber } from './log-name'
import { type ConsoleSink, type RunLog, RunLogWriter } from './run-log-writer'

export type { ConsoleSink, RunLog } from './run-log-writer'

export interface OpenRunLogOptions {
  dir: string
  startedAt: Date
  containers: string[]
  bucket: string
  /** The `%(name)s` of each line; the original tool logged as its script's logger. */
  loggerName?: string
  console?: ConsoleSink
  redactor?: Redactor
  now?: () => Date
}

// Far more runs than can start in one second; past this something else is wrong (e.g. a full directory).
const MAX_COPIES = 1000

function isErrnoCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code
}

/**
 * Creates the file exclusively ('wx'), so two runs starting in the same second (two windows, the CLI
 * and a schedule) each get their own file instead of interleaving lines in one.
 */
async function createExclusive(dir: string, fileName: string): Promise<{ path: string; handle: FileHandle }> {
  for (let copy = 1; copy <= MAX_COPIES; copy++) {
    const path = join(dir, withCopyNumber(fileName, copy))
    try {
      return { path, handle: await open(path, 'wx') }
    } catch (error) {
      if (!isErrnoCode(error, 'EEXIST')) throw error
    }
  }
  throw new Error(
    `Could not create a log file named like ${fileName} in ${dir}: ${MAX_COPIES} names are taken`,
  )
}

/**
 * Opens the run's log file in `dir` (created if missing). Rejects if the file cannot be created, so the
 * caller decides whether a run may start without one; once open, write errors never reject or throw.
 */
export async function openRunLog(options: OpenRunLogOptions): Promise<RunLog> {
  await mkdir(options.dir, { recursive: true })
  const fileName = logFileName(options.startedAt, options.containers, options.bucket)
  const { path, handle } = await createExclusive(options.dir, fileName)
  return new RunLogWriter(handle.createWriteStream({ encoding: 'utf8' }), {
    path,
    loggerName: options.loggerName ?? 'swift2s3',
    console: options.console,
    redactor: options.redactor,
    now: options.now ?? (() => new Date()),
  })
}
