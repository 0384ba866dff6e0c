import type { LogLevel } from '../log/logger'
import type { JobState, JobSummary } from '../jobs/job-manager-types'

/**
 * Plain data of the log viewer, as the shells hand it to the renderer (src-preload/contract/logs.ts
 * mirrors it; the handlers return these values where the contract's types are expected, so the
 * compiler notices a drift). Line numbers are 0-based; people see them 1-based.
 */

/** One run as the Logs screen lists it. */
export interface LogRun {
  jobId: string
  name: string
  state: JobState
  outcome: JobSummary['outcome']
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  /** The log file's name (never its folder); null when the run has not opened one. */
  fileName: string | null
  /** Its size; null when there is no file, or it is gone from disk. */
  bytes: number | null
  /** Whether the run wrote its reports (CSV, JSON, HTML summary). */
  reports: boolean
}

/** Which lines a view shows: levels (all when none are given) and a search. */
export interface LogView {
  levels?: LogLevel[] | undefined
  /** Case-insensitive plain text; matching lines are counted and can be stepped through. */
  search?: string | undefined
  /** Show only the lines that match `search` (like grep), rather than every line. */
  onlyMatches?: boolean | undefined
}

export interface LogReadRequest extends LogView {
  jobId: string
  /** First row of the view (a line number when nothing is filtered out). */
  from: number
  count: number
}

export interface LogLine {
  /** 0-based line number in the file. */
  n: number
  text: string
  level: LogLevel
  /** The line's timestamp as written (local time), or null for a line without one. */
  at: string | null
  /** The line was longer than the viewer shows; export the log for all of it. */
  truncated?: true
}

export interface LogPage {
  jobId: string
  from: number
  lines: LogLine[]
  /** Lines in the file. */
  total: number
  /** Rows of the view: lines left after the level filter (and the search, with onlyMatches). */
  rows: number
  /** Lines of the view that contain the search; null without a search. */
  matched: number | null
  fileName: string
  bytes: number
}

export interface LogFindRequest extends LogView {
  jobId: string
  /** Row to start from (excluded); -1 searches from the top, `rows` from the bottom. */
  from: number
  direction: 'next' | 'previous'
  /** The next error line, or the next line that contains the search. */
  target: 'error' | 'match'
}

/** Where the line found is; all null when there is none in that direction. */
export interface LogFound {
  row: number | null
  n: number | null
  /** For `match`: which match it is (0-based), to show "3 of 12". */
  match: number | null
}

/** What a run can be exported as: its log, or one of its reports. */
export type LogFileKind = 'log' | 'json' | 'csv' | 'html'

/** A file the shell may hand to the user; the path never leaves main. */
export interface OfferedFile {
  path: string
  fileName: string
  contentType: string
}

/** What the log service needs of the job manager: its history. */
export interface LogJobs {
  list(): ReadonlyArray<LogJob>
  /** Throws NOT_FOUND for an unknown id. */
  get(id: string): LogJob
}

export type LogJob = Pick<
  JobSummary,
  'id' | 'name' | 'state' | 'outcome' | 'createdAt' | 'startedAt' | 'finishedAt' | 'logFile' | 'reports'
>
