import { create } from 'zustand'
import type { JobState } from '../../../src-preload/contract/jobs'
import type {
  LogAppendedEvent,
  LogLevelName,
  LogPage,
  LogRun,
  LogView,
} from '../../../src-preload/contract/logs'
import { isFinishedState } from '../components/JobStateBadge'
import { call, getApi, onReconnect } from '../ipc/bridge'
import { keepNearest, PAGE_SIZE, pageOf, pagesAround, type Pages } from './log-pages'

/** The four levels, most severe first, as the chips show them. */
export const LEVELS: readonly LogLevelName[] = ['error', 'warn', 'info', 'debug']

/** What the open log holds now, from main's last reply. */
export interface LogInfo {
  total: number
  rows: number
  matched: number | null
  fileName: string
  bytes: number
}

interface LogsState {
  runs: LogRun[]
  runsStatus: 'idle' | 'loading' | 'ready' | 'error'
  runsError: string | null
  jobId: string | null
  /** Levels shown; all four means no level filter. */
  levels: LogLevelName[]
  /** The search in force (the box is debounced before it gets here). */
  search: string
  onlyMatches: boolean
  /** Bumped whenever the run or the view changes: replies to older requests are dropped. */
  generation: number
  info: LogInfo | null
  pages: Pages
  loading: boolean
  error: string | null
  /** Keep the newest line in view while the run writes. */
  follow: boolean
  /** The row of the current match or error, highlighted. */
  cursor: number | null
  /** Which match the cursor is on (0-based), for "3 of 12". */
  matchIndex: number | null
  /** Asks the view to bring a row into sight; a new object each time. */
  scrollTo: { row: number } | null
  /** Rows in sight, as the view last said. */
  viewport: { first: number; last: number }
  /** A short message about the last action ("No more errors below", "Saved as …"). */
  notice: string | null
}

const initialView = {
  info: null,
  pages: {},
  loading: false,
  error: null,
  cursor: null,
  matchIndex: null,
  scrollTo: null,
  viewport: { first: 0, last: 0 },
  notice: null,
}

/** The Logs screen: the runs, and one run's log paged from main around the viewport. */
export const useLogs = create<LogsState>(() => ({
  runs: [],
  runsStatus: 'idle',
  runsError: null,
  jobId: null,
  levels: [...LEVELS],
  search: '',
  onlyMatches: false,
  generation: 0,
  follow: false,
  ...initialView,
}))

const get = useLogs.getState
const set = useLogs.setState
const inFlight = new Set<string>()

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Whether the run may still write to its log. */
export function isWriting(state: JobState | undefined): boolean {
  return state !== undefined && state !== 'queued' && !isFinishedState(state)
}

/** The view as the channels take it: no level filter when all four are on. */
export function currentView(): LogView {
  const { levels, search, onlyMatches } = get()
  return {
    ...(levels.length < LEVELS.length && { levels: [...levels] }),
    ...(search !== '' && { search }),
    ...(search !== '' && onlyMatches && { onlyMatches: true }),
  }
}

export async function loadRuns(): Promise<void> {
  set({ runsStatus: get().runsStatus === 'ready' ? 'ready' : 'loading' })
  try {
    set({ runs: await call('logs.list'), runsStatus: 'ready', runsError: null })
  } catch (error) {
    set({ runsStatus: 'error', runsError: messageOf(error) })
  }
}

/** Opens a run's log (or none); a run still writing opens at its end, following it. */
export function openRun(jobId: string | null): void {
  if (get().jobId === jobId) return
  const run = get().runs.find((r) => r.jobId === jobId)
  set({ jobId, follow: isWriting(run?.state), generation: get().generation + 1, ...initialView })
  if (jobId) void fetchPage(0, { thenFollow: true })
}

function resetView(patch: Partial<LogsState>): void {
  set({ ...patch, generation: get().generation + 1, ...initialView, viewport: get().viewport })
  if (get().jobId) void fetchPage(pageOf(get().viewport.first))
}

export function setLevels(levels: LogLevelName[]): void {
  // An empty choice would show nothing: keep at least one level.
  if (levels.length === 0) return
  resetView({ levels: LEVELS.filter((l) => levels.includes(l)) })
}

/** Applies a search; the first match at or below the top of the view is brought into sight. */
export function setSearch(search: string): void {
  if (search === get().search) return
  const first = get().viewport.first
  resetView({ search })
  if (search !== '') void find('match', 'next', first - 1)
}

export function setOnlyMatches(onlyMatches: boolean): void {
  resetView({ onlyMatches })
}

export function setFollow(follow: boolean): void {
  set({ follow })
  const info = get().info
  if (follow && info && info.rows > 0) set({ scrollTo: { row: info.rows - 1 } })
}

/** The view reports the rows in sight; pages around them are fetched, far ones forgotten. */
export function showRows(first: number, last: number): void {
  set({ viewport: { first, last } })
  const { info, pages } = get()
  if (!info) return
  for (const page of pagesAround(first, last, info.rows)) if (!pages[page]) void fetchPage(page)
}

async function fetchPage(page: number, options: { thenFollow?: boolean } = {}): Promise<LogPage | undefined> {
  const { jobId, generation } = get()
  if (!jobId) return undefined
  const key = `${generation}:${page}`
  if (inFlight.has(key)) return undefined
  inFlight.add(key)
  if (!get().info) set({ loading: true })
  try {
    const reply = await call('logs.read', {
      jobId,
      from: page * PAGE_SIZE,
      count: PAGE_SIZE,
      ...currentView(),
    })
    if (get().generation !== generation) return undefined
    const { viewport, pages, runs } = get()
    set({
      // The list may have been loaded before the run opened its log.
      runs: runs.map((r) => (r.jobId === jobId ? { ...r, fileName: reply.fileName, bytes: reply.bytes } : r)),
      info: {
        total: reply.total,
        rows: reply.rows,
        matched: reply.matched,
        fileName: reply.fileName,
        bytes: reply.bytes,
      },
      pages: keepNearest({ ...pages, [page]: reply.lines }, viewport.first),
      loading: false,
      error: null,
    })
    if (options.thenFollow && get().follow && reply.rows > 0) set({ scrollTo: { row: reply.rows - 1 } })
    return reply
  } catch (error) {
    if (get().generation === generation) set({ loading: false, error: messageOf(error) })
    return undefined
  } finally {
    inFlight.delete(key)
  }
}

/**
 * The open run's log grew: its last page is read again (it may have been short, or its last line
 * half-written), which also brings the new counts; when following, the view moves to the end.
 */
export async function onAppended(event: LogAppendedEvent): Promise<void> {
  set({ runs: get().runs.map((r) => (r.jobId === event.jobId ? { ...r, bytes: event.bytes } : r)) })
  await readEnd(event.jobId)
}

/** Reads the open log's end again (when `jobId` is the open one), following it if asked to. */
async function readEnd(jobId: string): Promise<void> {
  const { jobId: open, info, pages } = get()
  if (jobId !== open) return
  // Opened before the run wrote its first line: start now that there is a log.
  if (!info) return void fetchPage(0, { thenFollow: true })
  const last = pageOf(Math.max(0, info.rows - 1))
  const kept: Record<number, (typeof pages)[number]> = {}
  for (const [page, lines] of Object.entries(pages)) if (Number(page) < last) kept[Number(page)] = lines
  set({ pages: kept })
  const reply = await fetchPage(last)
  if (!reply) return
  if (pageOf(Math.max(0, reply.rows - 1)) > last) await fetchPage(pageOf(reply.rows - 1))
  if (get().follow && reply.rows > 0) set({ scrollTo: { row: get().info!.rows - 1 } })
}

/** Moves the cursor to the next (or previous) error or match, from the cursor or the top of the view. */
export function find(
  target: 'error' | 'match',
  direction: 'next' | 'previous',
  from?: number,
): Promise<void> {
  // One after another: three quick clicks on "next error" go three errors on, each from the last.
  finding = finding.then(() => findOnce(target, direction, from))
  return finding
}

let finding: Promise<void> = Promise.resolve()

async function findOnce(
  target: 'error' | 'match',
  direction: 'next' | 'previous',
  from?: number,
): Promise<void> {
  const { jobId, generation, cursor, viewport } = get()
  if (!jobId) return
  const start = from ?? cursor ?? (direction === 'next' ? viewport.first - 1 : viewport.last + 1)
  try {
    let found = await call('logs.find', { jobId, from: start, direction, target, ...currentView() })
    let wrapped = false
    // A search goes round, as in a browser: from the end back to the top (or the other way).
    if (found.row === null && target === 'match') {
      const from = direction === 'next' ? -1 : (get().info?.rows ?? 0)
      found = await call('logs.find', { jobId, from, direction, target, ...currentView() })
      wrapped = found.row !== null
    }
    if (get().generation !== generation) return
    if (found.row === null) {
      const what = target === 'error' ? 'errors' : 'matches'
      set({ notice: `No more ${what} ${direction === 'next' ? 'below' : 'above'}.` })
      return
    }
    set({
      cursor: found.row,
      matchIndex: found.match,
      scrollTo: { row: found.row },
      notice: wrapped ? `Search went on from the ${direction === 'next' ? 'top' : 'bottom'}.` : null,
      follow: false,
    })
  } catch (error) {
    if (get().generation === generation) set({ notice: messageOf(error) })
  }
}

export function setNotice(notice: string | null): void {
  set({ notice })
}

/**
 * After a lost connection (browser mode): the runs again, and the open log's end, which may have grown
 * while its pushes were lost.
 */
export async function catchUpLogs(): Promise<void> {
  await loadRuns()
  const { jobId, viewport } = get()
  if (!jobId) return
  await readEnd(jobId)
  // Pages asked for while the connection was down failed: those in view are asked for again.
  showRows(viewport.first, viewport.last)
}

/**
 * Subscribes to main's pushes: a growing log, runs starting or ending, and the connection coming back.
 * Returns the unsubscribe.
 */
export function followLogEvents(): () => void {
  const api = getApi()
  let timer: ReturnType<typeof setTimeout> | undefined
  const offReconnect = onReconnect(() => void catchUpLogs())
  const offAppended = api.on('log.appended', (event) => void onAppended(event))
  const offState = api.on('job.state', () => {
    // Runs start and end in bursts; one reload of the list a second is plenty.
    timer ??= setTimeout(() => {
      timer = undefined
      void loadRuns()
    }, 1000)
  })
  return () => {
    offReconnect()
    offAppended()
    offState()
    clearTimeout(timer)
  }
}
