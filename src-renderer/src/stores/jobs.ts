import { create } from 'zustand'
import { useEffect } from 'react'
import type {
  JobCredentialsInput,
  JobProgress,
  JobRecentEvent,
  JobReportView,
  JobSpecView,
  JobStartInput,
  JobSummary,
} from '../../../src-preload/contract/jobs'
import { isFinishedState } from '../components/JobStateBadge'
import { call, getApi, onReconnect } from '../ipc/bridge'

/** What only the detail call brings: recent engine events and the spec without secrets. */
export interface JobExtras {
  events: JobRecentEvent[]
  spec: JobSpecView
}

interface JobsState {
  /** `idle` until the first use asks main for the list. */
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  /** Every run main knows, newest first. */
  list: JobSummary[]
  /** The latest whole-job progress by job id (absolute totals with the rate samples). */
  progress: Record<string, JobProgress>
  extras: Record<string, JobExtras>
  /** Why a run's detail could not be loaded (an unknown id, a lost connection). */
  detailErrors: Record<string, string>
  reports: Record<string, JobReportView>
  /** Runs waiting for new S3 keys, with the reason the engine gave. */
  credentialsRequests: Record<string, string>
}

const initial = (): JobsState => ({
  status: 'idle',
  error: null,
  list: [],
  progress: {},
  extras: {},
  detailErrors: {},
  reports: {},
  credentialsRequests: {},
})

/**
 * A mirror of main's runs. Main owns them (closing or reloading the page never stops one): this store
 * subscribes to its pushes first, then asks for the list and replaces its copy. Replies and pushes
 * travel on one ordered channel, so a push that arrives before the list's reply is older than the list
 * and one after it is newer: replacing, then applying, is exact. Progress carries absolute totals, so a
 * dropped message does no harm. When browser mode's connection comes back after it was lost, the
 * pushes of the gap are gone: the list is asked for again, and the detail of every run followed here.
 */
export const useJobsStore = create<JobsState>(initial)

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error))

const newestFirst = (a: JobSummary, b: JobSummary): number =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1

/** Drops what only a detail page carries, so a JobDetail can stand in the list. */
function summaryPart(job: JobSummary): JobSummary {
  const {
    progress: _p,
    events: _e,
    spec: _s,
    ...summary
  } = job as JobSummary & {
    progress?: unknown
    events?: unknown
    spec?: unknown
  }
  return summary
}

/** Puts one run's summary in the list, in place or in date order. */
function upsert(job: JobSummary): void {
  const summary = summaryPart(job)
  useJobsStore.setState((state) => {
    const index = state.list.findIndex((j) => j.id === summary.id)
    const list = index >= 0 ? state.list.with(index, summary) : [...state.list, summary].sort(newestFirst)
    const credentialsRequests =
      summary.state === 'waiting-for-credentials' || !(summary.id in state.credentialsRequests)
        ? state.credentialsRequests
        : without(state.credentialsRequests, summary.id)
    return { list, credentialsRequests }
  })
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record
  return rest
}

let unsubscribe: (() => void) | null = null
let loading: Promise<void> | null = null

function subscribe(): void {
  if (unsubscribe) return
  const api = getApi()
  const offs = [
    api.on('job.state', (job) => upsert(job)),
    api.on('job.progress', ({ id, progress }) =>
      useJobsStore.setState((state) => ({ progress: { ...state.progress, [id]: progress } })),
    ),
    api.on('job.credentialsRequired', ({ id, reason }) =>
      useJobsStore.setState((state) => ({
        credentialsRequests: { ...state.credentialsRequests, [id]: reason },
      })),
    ),
    onReconnect(() => void catchUp()),
  ]
  unsubscribe = () => offs.forEach((off) => off())
}

/**
 * After a lost connection: the list again, then the detail of each run this page follows (it has its
 * progress or detail) that was still under way, so the last numbers, events and the end it may have
 * reached meanwhile show. Runs already finished before the gap cannot have changed.
 */
async function catchUp(): Promise<void> {
  const before = useJobsStore.getState()
  const followed = before.list
    .filter((job) => !isFinishedState(job.state) && (job.id in before.progress || job.id in before.extras))
    .map((job) => job.id)
  await loadJobs()
  await Promise.all(followed.map((id) => loadJobDetail(id)))
}

/** Subscribes to main's job events (once) and asks for the list (again). */
export function loadJobs(): Promise<void> {
  subscribe()
  loading ??= (async () => {
    // A list already shown stays up while it is asked for again.
    useJobsStore.setState((state) => ({
      status: state.status === 'ready' ? 'ready' : 'loading',
      error: null,
    }))
    try {
      const list = await call('jobs.list')
      useJobsStore.setState({ status: 'ready', list: [...list].sort(newestFirst), error: null })
    } catch (error) {
      useJobsStore.setState({ status: 'error', error: message(error) })
    } finally {
      loading = null
    }
  })()
  return loading
}

/** Loads the list the first time any screen needs it; later calls do nothing. */
export function ensureJobsLoaded(): void {
  if (useJobsStore.getState().status === 'idle') void loadJobs()
}

/**
 * One run with everything its page shows: the summary, the progress with its rate samples (kept by
 * main, so the chart survives a reload), recent events and the spec.
 */
export async function loadJobDetail(id: string): Promise<void> {
  subscribe()
  try {
    const detail = await call('jobs.get', { id })
    upsert(detail)
    useJobsStore.setState((state) => ({
      extras: { ...state.extras, [id]: { events: detail.events, spec: detail.spec } },
      progress: detail.progress ? { ...state.progress, [id]: detail.progress } : state.progress,
      detailErrors: id in state.detailErrors ? without(state.detailErrors, id) : state.detailErrors,
    }))
  } catch (error) {
    useJobsStore.setState((state) => ({ detailErrors: { ...state.detailErrors, [id]: message(error) } }))
  }
}

/** The run's report summary and file names; a run under way has none yet. Throws what main said. */
export async function loadJobReport(id: string): Promise<JobReportView> {
  const report = await call('jobs.report', { id })
  useJobsStore.setState((state) => ({ reports: { ...state.reports, [id]: report } }))
  return report
}

/** Starts a run (saved or from the form) and lists it at once. */
export async function startJob(input: JobStartInput): Promise<JobSummary> {
  const job = await call('jobs.start', input)
  upsert(job)
  return job
}

/** Holds a run: nothing new is dispatched, objects in flight finish. */
export async function pauseJob(id: string): Promise<JobSummary> {
  const job = await call('jobs.pause', { id })
  upsert(job)
  return job
}

/**
 * Resumes a paused run, or continues an interrupted one. Continuing may start a new linked run, whose
 * summary is returned (its id differs from `id`).
 */
export async function resumeJob(id: string, secrets?: Record<string, string>): Promise<JobSummary> {
  const job = await call('jobs.resume', secrets ? { id, secrets } : { id })
  upsert(job)
  return job
}

/** Stops a run (it writes its report first) or takes a queued one out of the queue. */
export async function cancelJob(id: string): Promise<JobSummary> {
  const job = await call('jobs.cancel', { id })
  upsert(job)
  return job
}

/**
 * Runs a finished job again; the planner copies only what is missing or changed, so this retries the
 * failed objects. Returns the new run. `secrets` answers an AUTH error naming a missing secret.
 */
export async function retryFailedJob(id: string, secrets?: Record<string, string>): Promise<JobSummary> {
  const job = await call('jobs.retryFailed', secrets ? { id, secrets } : { id })
  upsert(job)
  return job
}

/** The run's bandwidth limit in MB/s, live; null for no limit. */
export async function setJobBandwidth(id: string, mb: number | null): Promise<JobSummary> {
  const job = await call('jobs.setBandwidth', { id, mb })
  upsert(job)
  return job
}

/** New S3 keys for a run whose keys expired. Write-only: main keeps them, nothing comes back. */
export async function provideJobCredentials(input: JobCredentialsInput): Promise<JobSummary> {
  const job = await call('jobs.provideCredentials', input)
  useJobsStore.setState((state) => ({ credentialsRequests: without(state.credentialsRequests, input.id) }))
  upsert(job)
  return job
}

/**
 * Asks main to give a run the keys its saved migration's S3 profile holds now (the secret replaced on
 * the Profiles screen, or an AWS profile renewed with `aws sso login`). Nothing secret passes the page.
 */
export async function reloadJobCredentials(id: string): Promise<JobSummary> {
  const job = await call('jobs.reloadCredentials', { id })
  useJobsStore.setState((state) => ({ credentialsRequests: without(state.credentialsRequests, id) }))
  upsert(job)
  return job
}

/** Every run, newest first, loading the list on first use. */
export function useJobs(): Pick<JobsState, 'list' | 'status' | 'error'> {
  useEffect(ensureJobsLoaded, [])
  const list = useJobsStore((state) => state.list)
  const status = useJobsStore((state) => state.status)
  const error = useJobsStore((state) => state.error)
  return { list, status, error }
}

/** One run's summary as main last said it; undefined until known. */
export function useJob(id: string | undefined): JobSummary | undefined {
  useEffect(ensureJobsLoaded, [])
  return useJobsStore((state) => (id === undefined ? undefined : state.list.find((job) => job.id === id)))
}

/** One run's latest progress; undefined until main has sent some (or for a run of an earlier session). */
export function useJobProgress(id: string | undefined): JobProgress | undefined {
  return useJobsStore((state) => (id === undefined ? undefined : state.progress[id]))
}

/** Stops following main and forgets everything; for tests. */
export function resetJobsStore(): void {
  unsubscribe?.()
  unsubscribe = null
  loading = null
  useJobsStore.setState(initial(), true)
}
