import { readdir, unlink } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { isFinished, TRANSITIONS } from '../jobs/job-manager-states'
import type { JobState } from '../jobs/job-manager-types'

/** What retention reads of a run in history (a JobSummary is one). */
export interface RetentionRun {
  state: string
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  logFile: string | null
  reports: { json: string; csv: string; html: string } | null
}

/** Only runs in a state they never leave may lose their files; a state this version does not know, never. */
function finished(state: string): boolean {
  return Object.hasOwn(TRANSITIONS, state) && isFinished(state as JobState)
}

const DAY_MS = 24 * 60 * 60 * 1000

export interface PruneOptions {
  runs: Iterable<RetentionRun>
  /** Folders whose files retention may delete (the log folder in force and the default one). */
  dirs: readonly string[]
  olderThanDays: number
  now: number
}

export interface PruneResult {
  removed: string[]
  failed: { path: string; reason: string }[]
}

function inside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path))
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/** When a run ended, or the latest time known of it (a run interrupted by a crash has no end). */
function endOf(run: RetentionRun): number {
  return Date.parse(run.finishedAt ?? run.startedAt ?? run.createdAt)
}

/**
 * The files of one run: its log, its three reports, and files next to the log named after it
 * (`<run>.<anything>`, such as an index a log viewer keeps). `<run>-2.log` is another run's and does not
 * match.
 */
async function filesOf(run: RetentionRun): Promise<string[]> {
  const files = new Set<string>()
  if (run.reports) for (const path of [run.reports.json, run.reports.csv, run.reports.html]) files.add(path)
  if (run.logFile) {
    files.add(run.logFile)
    const stem = basename(run.logFile).replace(/\.log$/, '')
    const dir = dirname(run.logFile)
    try {
      for (const name of await readdir(dir)) {
        if (name.startsWith(`${stem}.`)) files.add(join(dir, name))
      }
    } catch {
      // The folder is gone: nothing to delete there.
    }
  }
  return [...files]
}

/**
 * Deletes the logs and reports of finished runs that ended more than `olderThanDays` ago. Only files
 * that history names (or that are named after a run's log) and that lie inside one of `dirs` are touched:
 * a history entry pointing elsewhere (an older log folder, a hand-edited file) is left alone. History
 * itself keeps the run; its log then reads as deleted.
 */
export async function pruneRunFiles(options: PruneOptions): Promise<PruneResult> {
  const cutoff = options.now - options.olderThanDays * DAY_MS
  const result: PruneResult = { removed: [], failed: [] }
  for (const run of options.runs) {
    if (!finished(run.state)) continue
    const ended = endOf(run)
    if (!Number.isFinite(ended) || ended > cutoff) continue
    for (const path of await filesOf(run)) {
      if (!options.dirs.some((dir) => inside(dir, path))) continue
      try {
        await unlink(path)
        result.removed.push(path)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code !== 'ENOENT') result.failed.push({ path, reason: code ?? String(error) })
      }
    }
  }
  return result
}

/** Timers retention runs on; the real ones unless a test brings its own. */
export interface RetentionTimers {
  now(): number
  every(ms: number, callback: () => void): () => void
}

const systemTimers: RetentionTimers = {
  now: () => Date.now(),
  every(ms, callback) {
    const handle = setInterval(callback, ms)
    // A daily chore must not keep a process alive that is otherwise done.
    handle.unref()
    return () => clearInterval(handle)
  },
}

export interface LogRetentionOptions {
  /** Days to keep, read at every pass so a change in Settings counts from the next one; null keeps all. */
  days: () => number | null
  dirs: () => readonly string[]
  runs: () => Iterable<RetentionRun>
  timers?: RetentionTimers
  /** Told what a pass did, when it did anything. */
  report?: (result: PruneResult) => void
  /** Told when a pass failed as a whole (history could not be read). */
  onError?: (error: unknown) => void
}

/**
 * Prunes once at start-up and then once a day. Returns `stop` and `runNow` (for a Settings change,
 * and for tests, which await the pass).
 */
export function startLogRetention(options: LogRetentionOptions): {
  stop: () => void
  runNow: () => Promise<PruneResult>
} {
  const timers = options.timers ?? systemTimers
  let running: Promise<PruneResult> | undefined
  const runNow = (): Promise<PruneResult> => {
    // Passes never overlap: a second call while one runs shares it.
    if (running) return running
    const pass = (async (): Promise<PruneResult> => {
      const days = options.days()
      if (days === null) return { removed: [], failed: [] }
      const result = await pruneRunFiles({
        runs: options.runs(),
        dirs: options.dirs(),
        olderThanDays: days,
        now: timers.now(),
      })
      if (result.removed.length > 0 || result.failed.length > 0) options.report?.(result)
      return result
    })()
    running = pass.finally(() => {
      running = undefined
    })
    return running
  }
  const pass = (): void => void runNow().catch((error: unknown) => options.onError?.(error))
  pass()
  const stop = timers.every(DAY_MS, pass)
  return { stop, runNow }
}
