import type { JobManager } from '../core/jobs/job-manager'
import { isFinished } from '../core/jobs/job-manager-states'
import type { LogService } from '../core/logs'
import type { EventSink } from './job-events'

/** Wait after the engine says the log grew: its lines are then on disk, and bursts become one event. */
export const LOG_EVENT_DELAY_MS = 250

export interface LogEventOptions {
  delayMs?: number
  /** A refresh that failed (the file vanished); the event is skipped. */
  onError?: (jobId: string, error: unknown) => void
}

/**
 * Pushes `log.appended` with a run's line count while it writes its log, at most one per job every
 * {@link LOG_EVENT_DELAY_MS} (about four a second). The job manager says when a run logged a line
 * (already coalesced); the log service then reads what was appended, so the count is the file's own
 * and the index is warm for the page that follows the tail. A run's end triggers one last count, in
 * which its last line is final. Returns the unsubscribe.
 */
export function forwardLogEvents(
  manager: Pick<JobManager, 'on'>,
  logs: Pick<LogService, 'refresh'>,
  send: EventSink,
  options: LogEventOptions = {},
): () => void {
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  const sent = new Map<string, { lines: number; bytes: number }>()

  async function emit(jobId: string, ended: boolean): Promise<void> {
    try {
      const stats = await logs.refresh(jobId)
      if (!stats) return
      const last = sent.get(jobId)
      if (last?.lines !== stats.lines || last.bytes !== stats.bytes) {
        send('log.appended', { jobId, lines: stats.lines, bytes: stats.bytes })
      }
      if (ended) sent.delete(jobId)
      else sent.set(jobId, { lines: stats.lines, bytes: stats.bytes })
    } catch (error) {
      options.onError?.(jobId, error)
    }
  }

  function schedule(jobId: string, ended = false): void {
    if (timers.has(jobId) && !ended) return
    clearTimeout(timers.get(jobId))
    timers.set(
      jobId,
      setTimeout(() => {
        timers.delete(jobId)
        void emit(jobId, ended)
      }, options.delayMs ?? LOG_EVENT_DELAY_MS),
    )
  }

  const off = manager.on((event) => {
    if (event.type === 'log-appended') return schedule(event.id)
    if (event.type !== 'job-state' || !isFinished(event.job.state)) return
    // Only runs seen writing: a finished run's state is also sent again when it is retried.
    const { id } = event.job
    if (sent.has(id) || timers.has(id)) schedule(id, true)
  })
  return () => {
    off()
    for (const timer of timers.values()) clearTimeout(timer)
    timers.clear()
  }
}
