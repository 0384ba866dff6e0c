import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppError } from '../errors'
import { isFinished } from '../jobs/job-manager-states'
import { FilterScans, isEverything, lineFilter, type LineSet, type Pause } from './line-filter'
import { ERROR, LEVEL_OF_CODE, timestampOf } from './line-level'
import { LogIndex, type IndexStats, type RawLine } from './log-index'
import type {
  LogFileKind,
  LogFindRequest,
  LogFound,
  LogJob,
  LogJobs,
  LogLine,
  LogPage,
  LogReadRequest,
  LogRun,
  LogView,
  OfferedFile,
} from './types'

/** Most lines one page may ask for; the renderer holds a few thousand at most. */
export const MAX_PAGE_LINES = 1000

const CONTENT_TYPES: Record<LogFileKind, string> = {
  log: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
}

const NO_FILE: Record<LogFileKind, string> = {
  log: 'This run has no log file yet: it is written once the run starts.',
  json: 'This run has no JSON report: reports are written when a run ends.',
  csv: 'This run has no CSV report: reports are written when a run ends.',
  html: 'This run has no HTML summary: reports are written when a run ends.',
}

interface OpenLog {
  index: LogIndex
  scans: FilterScans
}

/** A view resolved against the index: how rows map to lines, and the search's matches. */
interface ResolvedView {
  rows: number
  /** The view's lines, or null when it shows every line (row = line number). */
  set: LineSet | null
  matches: LineSet | null
  errorsShown: boolean
}

export interface LogServiceOptions {
  jobs: () => LogJobs
  /** Log files kept indexed at once; the least recently used is dropped first. */
  maxOpen?: number
  /** Yield between steps of a long search; tests pass their own. */
  pause?: Pause
}

/**
 * The Logs screen's engine: lists runs with their log files, and pages, filters and searches a run's
 * log over an index of line offsets, so the renderer holds a few thousand lines of a million-line
 * log at most. Runs are named by job id only: the file a job id resolves to comes from the job
 * history main wrote, never from the renderer.
 */
export class LogService {
  private readonly open = new Map<string, OpenLog>()

  constructor(private readonly options: LogServiceOptions) {}

  /** Every run with its log file's name and size, newest first. */
  async list(): Promise<LogRun[]> {
    const jobs = this.options.jobs().list()
    return Promise.all(
      jobs.map(async (job) => ({
        jobId: job.id,
        name: job.name,
        state: job.state,
        outcome: job.outcome,
        createdAt: job.createdAt,
        startedAt: job.startedAt,
        finishedAt: job.finishedAt,
        fileName: job.logFile ? basename(job.logFile) : null,
        bytes: job.logFile ? await sizeOf(job.logFile) : null,
        reports: job.reports !== null,
      })),
    )
  }

  /** A page of the view: rows [from, from + count). */
  async read(request: LogReadRequest): Promise<LogPage> {
    const { log } = await this.refreshed(request.jobId)
    const view = await this.resolve(log, request)
    const from = Math.max(0, Math.min(request.from, view.rows))
    const count = Math.min(Math.max(0, request.count), MAX_PAGE_LINES, view.rows - from)
    const numbers = view.set
      ? view.set.lines.view().slice(from, from + count)
      : Array.from({ length: count }, (_, k) => from + k)
    const raw = await log.index.readLines(numbers)
    return {
      jobId: request.jobId,
      from,
      lines: raw.map(toLine),
      total: log.index.lines,
      rows: view.rows,
      matched: view.matches?.size ?? null,
      fileName: basename(log.index.path),
      bytes: log.index.bytes,
    }
  }

  /** The next (or previous) error line, or line with the search text, of the view from a row. */
  async find(request: LogFindRequest): Promise<LogFound> {
    const { log } = await this.refreshed(request.jobId)
    const view = await this.resolve(log, request)
    const none: LogFound = { row: null, n: null, match: null }
    const step = request.direction === 'next' ? 1 : -1
    const lineOf = (row: number): number => (view.set ? view.set.lines.at(row) : row)
    if (request.target === 'error') {
      if (!view.errorsShown) return none
      const start = Math.max(-1, Math.min(request.from, view.rows))
      for (let row = start + step; row >= 0 && row < view.rows; row += step) {
        const n = lineOf(row)
        if (log.index.level(n) === ERROR) return { row, n, match: null }
      }
      return none
    }
    const matches = view.matches
    if (!matches) throw new AppError('VALIDATION', 'Type the text to look for first.', 'search')
    // The line the search starts from; before the first or after the last row when out of the view.
    const from = request.from < 0 ? -1 : request.from >= view.rows ? Infinity : lineOf(request.from)
    const at = step > 0 ? matches.lowerBound(from + 1) : matches.lowerBound(from) - 1
    if (at < 0 || at >= matches.size) return none
    const n = matches.lines.at(at)
    // Every match is in the view (same levels; the view is either all of them or exactly the matches).
    const row = view.set ? view.set.lowerBound(n) : n
    return { row, n, match: at }
  }

  /** Catches up with what the run appended; null when the run has no log file yet. */
  async refresh(jobId: string): Promise<IndexStats | null> {
    const job = this.options.jobs().get(jobId)
    if (!job.logFile) return null
    return (await this.refreshed(jobId, job)).stats
  }

  /** The file of a run to export or show; NOT_FOUND when the run has none (yet) or it is gone. */
  async file(jobId: string, kind: LogFileKind): Promise<OfferedFile> {
    const job = this.options.jobs().get(jobId)
    const path = kind === 'log' ? job.logFile : (job.reports?.[kind] ?? null)
    if (!path) throw new AppError('NOT_FOUND', NO_FILE[kind])
    if ((await sizeOf(path)) === null) {
      throw new AppError(
        'NOT_FOUND',
        `${basename(path)} is no longer on disk; it may have been moved or removed.`,
      )
    }
    return { path, fileName: basename(path), contentType: CONTENT_TYPES[kind] }
  }

  private async refreshed(jobId: string, known?: LogJob): Promise<{ log: OpenLog; stats: IndexStats }> {
    const job = known ?? this.options.jobs().get(jobId)
    if (!job.logFile) throw new AppError('NOT_FOUND', NO_FILE.log)
    const log = this.openLog(job.id, job.logFile)
    const stats = await log.index.refresh({ final: isFinished(job.state) })
    return { log, stats }
  }

  private openLog(jobId: string, path: string): OpenLog {
    let log = this.open.get(jobId)
    if (log?.index.path !== path) {
      const index = new LogIndex(path)
      const pause = this.options.pause
      log = { index, scans: new FilterScans(index, pause ? { pause } : {}) }
    }
    // Most recently used last; the oldest beyond the limit are forgotten (their memory with them).
    this.open.delete(jobId)
    this.open.set(jobId, log)
    const max = this.options.maxOpen ?? 4
    for (const key of this.open.keys()) {
      if (this.open.size <= max) break
      this.open.delete(key)
    }
    return log
  }

  private async resolve(log: OpenLog, view: LogView): Promise<ResolvedView> {
    const search = view.search ?? ''
    const shown = lineFilter(view.levels, view.onlyMatches ? search : '')
    const set = isEverything(shown) ? null : await log.scans.matching(shown)
    const matches =
      search === ''
        ? null
        : shown.search !== ''
          ? set
          : await log.scans.matching(lineFilter(view.levels, search))
    return {
      rows: set ? set.size : log.index.lines,
      set,
      matches,
      errorsShown: (shown.mask & (1 << ERROR)) !== 0,
    }
  }
}

function toLine(raw: RawLine): LogLine {
  const line: LogLine = {
    n: raw.n,
    text: raw.text,
    level: LEVEL_OF_CODE[raw.level] ?? 'info',
    at: timestampOf(raw.text),
  }
  if (raw.truncated) line.truncated = true
  return line
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    const info = await stat(path)
    return info.isFile() ? info.size : null
  } catch {
    return null
  }
}
