import type { EventChannel, EventPayload } from '../../src-preload/contract/channels'
import type { JobManager } from '../core/jobs/job-manager'

/** Pushes one contract event to every page: Electron's windows or browser mode's sockets. */
export type EventSink = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void

/**
 * Forwards the job manager's events to the pages under the contract's names. Returns the unsubscribe.
 * `log-appended` carries a file path and fires per log line; it stays in main until a log viewer needs it.
 */
export function forwardJobEvents(manager: Pick<JobManager, 'on'>, send: EventSink): () => void {
  return manager.on((event) => {
    switch (event.type) {
      case 'job-state':
        return send('job.state', event.job)
      case 'job-progress':
        return send('job.progress', { id: event.id, progress: event.progress })
      case 'credentials-required':
        return send('job.credentialsRequired', { id: event.id, reason: event.reason })
      case 'log-appended':
        return
    }
  })
}
