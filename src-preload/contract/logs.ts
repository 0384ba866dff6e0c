import type { JobState } from './jobs'

/**
 * The logs.* channels and the log.appended event: the Logs screen pages, filters and searches a run's
 * log in main, over an index of line offsets, so the renderer holds a few thousand lines at most.
 * Runs are named by job id; no channel takes or returns a path. Mirrors core/logs/types.ts (the
 * handlers return core's values where these types are expected, so the compiler notices a drift).
 * Line numbers are 0-based; people see them 1-based.
 */

/** Levels as the engine names them; shown as ERROR, WARNING, INFO, DEBUG. */
export type LogLevelName = 'error' | 'warn' | 'info' | 'debug'

/** One run as the Logs screen lists it, newest first. */
export interface LogRun {
  jobId: string
  name: string
  state: JobState
  /** How a finished run ended: all copied, or some objects failed. */
  outcome: 'completed' | 'completed-with-failures' | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  /** The log file's name (never its folder); null before the run opened one. */
  fileName: string | null
  /** Its size in bytes; null when there is no file, or it is gone from disk. */
  bytes: number | null
  /** Whether the run wrote its reports (CSV, JSON, HTML summary). */
  reports: boolean
}

/** Which lines a view shows. */
export interface LogView {
  /** Levels to show; all when left out or empty. */
  levels?: LogLevelName[]
  /** Case-insensitive plain text; matching lines are counted and can be stepped through. */
  search?: string
  /** Show only the lines that contain `search`, rather than every line. */
  onlyMatches?: boolean
}

/** Input of `logs.read`: rows [from, from + count) of the view (count ≤ 1000). */
export interface LogReadInput extends LogView {
  jobId: string
  from: number
  count: number
}

export interface LogLine {
  /** 0-based line number in the file. */
  n: number
  text: string
  level: LogLevelName
  /** The line's timestamp as written (local time), or null. */
  at: string | null
  /** Cut: the line is longer than the viewer shows (export the log for all of it). */
  truncated?: true
}

/** What `logs.read` returns. */
export interface LogPage {
  jobId: string
  from: number
  lines: LogLine[]
  /** Lines in the file. */
  total: number
  /** Rows of the view (after the level filter, and the search with onlyMatches). */
  rows: number
  /** Lines of the view containing the search; null without a search. */
  matched: number | null
  fileName: string
  bytes: number
}

/** Input of `logs.find`. */
export interface LogFindInput extends LogView {
  jobId: string
  /** Row to start after (or before); -1 is above the first row, `rows` below the last. */
  from: number
  direction: 'next' | 'previous'
  target: 'error' | 'match'
}

/** Where the line found is; all null when there is none that way. */
export interface LogFound {
  row: number | null
  n: number | null
  /** For a match: which one it is (0-based), for "3 of 12". */
  match: number | null
}

/** What a run can be exported as: its log, or one of its reports. */
export type LogFileKind = 'log' | 'json' | 'csv' | 'html'

/** Input of `logs.export`. */
export interface LogExportInput {
  jobId: string
  what: LogFileKind
}

/**
 * How the file was handed over: saved where the person chose (desktop; only the file name comes
 * back), a one-time download URL for the page to follow (browser mode), or cancelled in the dialog.
 */
export type LogExportResult =
  { saved: string } | { downloadUrl: string; fileName: string } | { cancelled: true }

/** What `logs.openReport` did: opened in the system browser (desktop), or a one-time URL to open. */
export type LogOpenResult = { opened: true } | { url: string }

/** Payload of `log.appended`: a run's log grew (coalesced, a few a second at most). */
export interface LogAppendedEvent {
  jobId: string
  /** Lines in the file now. */
  lines: number
  bytes: number
}
