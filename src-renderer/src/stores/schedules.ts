import { create } from 'zustand'
import type { JobSummary } from '../../../src-preload/contract/jobs'
import type {
  GlobalBandwidthWindows,
  Schedule,
  ScheduleDraft,
  ScheduleNotice,
  SchedulePreview,
  SchedulePreviewInput,
  ScheduleSaveResult,
  UnattendedCheck,
} from '../../../src-preload/contract/schedules'
import { call, getApi, onReconnect } from '../ipc/bridge'

interface SchedulesState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  /** Every schedule, by name, as main last pushed or listed it. */
  list: Schedule[]
  /** The global bandwidth windows; null until loaded. */
  windows: GlobalBandwidthWindows | null
  /** Notices pushed while the page was open, newest first (bounded). */
  notices: ScheduleNotice[]
  /** The last save, for the list to confirm and to say whether it can run unattended. */
  lastSaved: { name: string; created: boolean; unattended: UnattendedCheck } | null
}

const initial = (): SchedulesState => ({
  status: 'idle',
  error: null,
  list: [],
  windows: null,
  notices: [],
  lastSaved: null,
})

/**
 * A mirror of main's schedules. Main owns them and keeps time; the page subscribes to its pushes
 * (`schedules.changed` carries the whole list, which replaces the copy), then asks for the list, and
 * asks again when browser mode's connection comes back after it was lost (pushes of the gap are gone).
 */
export const useSchedules = create<SchedulesState>(initial)

const MAX_NOTICES = 20

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error))

let unsubscribe: (() => void) | null = null

function subscribe(): void {
  if (unsubscribe) return
  const api = getApi()
  const offs = [
    api.on('schedules.changed', ({ schedules }) => useSchedules.setState({ list: schedules })),
    api.on('schedule.notice', (notice) =>
      useSchedules.setState((state) => ({ notices: [notice, ...state.notices].slice(0, MAX_NOTICES) })),
    ),
    onReconnect(() => void loadSchedules()),
  ]
  unsubscribe = () => offs.forEach((off) => off())
}

function upsert(schedule: Schedule): void {
  useSchedules.setState((state) => {
    const others = state.list.filter((s) => s.id !== schedule.id)
    return {
      list: [...others, schedule].sort((a, b) =>
        a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
      ),
    }
  })
}

/** Subscribes to main's pushes (once) and asks for the list and the global windows. */
export async function loadSchedules(): Promise<void> {
  subscribe()
  // A list already shown stays up while it is asked for again.
  useSchedules.setState((state) => ({ status: state.status === 'ready' ? 'ready' : 'loading', error: null }))
  try {
    const [list, windows] = await Promise.all([call('schedules.list'), call('schedules.windows.get')])
    useSchedules.setState({ status: 'ready', list, windows, error: null })
  } catch (error) {
    useSchedules.setState({ status: 'error', error: message(error) })
  }
}

/** Saves a schedule; rejects with a CallError naming the field for the form. */
export async function saveSchedule(draft: ScheduleDraft): Promise<ScheduleSaveResult> {
  const result = await call('schedules.save', draft)
  upsert(result.schedule)
  return result
}

export async function setScheduleEnabled(id: string, enabled: boolean): Promise<ScheduleSaveResult> {
  const result = await call('schedules.setEnabled', { id, enabled })
  upsert(result.schedule)
  return result
}

export async function deleteSchedule(id: string): Promise<void> {
  await call('schedules.delete', { id })
  useSchedules.setState((state) => ({ list: state.list.filter((s) => s.id !== id) }))
}

export function runScheduleNow(id: string): Promise<JobSummary> {
  return call('schedules.runNow', { id })
}

export function previewSchedule(input: SchedulePreviewInput): Promise<SchedulePreview> {
  return call('schedules.preview', input)
}

export async function saveGlobalWindows(windows: GlobalBandwidthWindows): Promise<GlobalBandwidthWindows> {
  const saved = await call('schedules.windows.save', windows)
  useSchedules.setState({ windows: saved })
  return saved
}

/** Keeps a save's outcome for the list, which the form hands over to. */
export function noteSaved(result: ScheduleSaveResult, created: boolean): void {
  useSchedules.setState({ lastSaved: { name: result.schedule.name, created, unattended: result.unattended } })
}

export function dismissSaved(): void {
  useSchedules.setState({ lastSaved: null })
}

export function dismissNotice(notice: ScheduleNotice): void {
  useSchedules.setState((state) => ({ notices: state.notices.filter((n) => n !== notice) }))
}

/** For tests: forget the subscription and the copy. */
export function resetSchedules(): void {
  unsubscribe?.()
  unsubscribe = null
  useSchedules.setState(initial())
}
