import { Notification } from 'electron'
import type { NotificationSettings } from '../../src-preload/contract/settings'
import type { JobManager } from '../core/jobs/job-manager'
import { isFinished } from '../core/jobs/job-manager-states'
import type { JobState } from '../core/jobs/job-manager-types'
import { credentialsText, finishedText, type NotificationText } from './notification-text'

export interface JobNotificationOptions {
  /** Read at every event, so a change in Settings counts at once. */
  settings: () => NotificationSettings
  /** Shows the window on the job's page (a click on the notification). */
  openJob: (id: string) => void
}

/**
 * Desktop notifications when a job ends (done, failed, cancelled, stopped for credentials) or waits for
 * new credentials, each as Settings allows; a click opens the job. Only ends seen happening in this
 * session are announced: history states re-sent later (a rerun links its run) are not news.
 * Returns the unsubscribe.
 */
export function notifyJobEvents(
  manager: Pick<JobManager, 'on'>,
  options: JobNotificationOptions,
): () => void {
  const seen = new Map<string, { state: JobState; name: string }>()
  // Electron drops a notification's click handler when the object is garbage-collected; keep each
  // one until it is clicked or closed.
  const shown = new Set<Notification>()

  const show = (id: string, text: NotificationText): void => {
    if (!Notification.isSupported()) return
    const notification = new Notification({ title: text.title, body: text.body })
    shown.add(notification)
    notification.on('click', () => {
      shown.delete(notification)
      options.openJob(id)
    })
    notification.on('close', () => shown.delete(notification))
    notification.show()
  }

  return manager.on((event) => {
    if (event.type === 'job-state') {
      const { job } = event
      const before = seen.get(job.id)?.state
      seen.set(job.id, { state: job.state, name: job.name })
      if (before === undefined || isFinished(before) || !isFinished(job.state)) return
      const text = finishedText(job)
      if (!text) return
      const wanted =
        job.state === 'needs-credentials' ? options.settings().onCredentials : options.settings().onFinish
      if (wanted) show(job.id, text)
    } else if (event.type === 'credentials-required') {
      if (!options.settings().onCredentials) return
      show(event.id, credentialsText(seen.get(event.id)?.name ?? 'A migration', event.reason))
    }
  })
}
