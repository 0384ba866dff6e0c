import { Notification } from 'electron'
import type { NotificationSettings } from '../../src-preload/contract/settings'
import type { ScheduleNotice, SchedulerEvent } from '../core/schedules'
import type { NotificationText } from './notification-text'

/** What a schedule notice says on the desktop; the engine's message already names the schedule. */
export function scheduleNoticeText(notice: ScheduleNotice): NotificationText {
  switch (notice.kind) {
    case 'waiting-for-credentials':
      return { title: `${notice.scheduleName} is waiting for secrets`, body: notice.message }
    case 'needs-credentials':
      return { title: `${notice.scheduleName} did not run: secrets missing`, body: notice.message }
    case 'skipped':
      return { title: `${notice.scheduleName}: a run was skipped`, body: notice.message }
    case 'missed':
      return { title: `${notice.scheduleName}: a run was missed`, body: notice.message }
    case 'failed':
      return { title: `${notice.scheduleName} could not start`, body: notice.message }
  }
}

export interface ScheduleNotificationOptions {
  /** Read at every notice, so a change in Settings counts at once. */
  settings: () => NotificationSettings
  /** Shows the window on the Schedules screen (a click on the notification). */
  openSchedules: () => void
}

/**
 * Desktop notifications for what only the scheduler knows: a run waiting for secrets nobody is there
 * to type, one that never started for lack of them, a skipped or missed run. Runs that started end with
 * the job notifications. Secret problems follow "on credentials" in Settings, the rest "on finish".
 * Returns a listener for the schedule host's events.
 */
export function scheduleNotifier(options: ScheduleNotificationOptions): (event: SchedulerEvent) => void {
  // Electron drops a click handler when the object is garbage-collected; keep each until used.
  const shown = new Set<Notification>()
  return (event) => {
    if (event.type !== 'notice' || !Notification.isSupported()) return
    const { notice } = event
    const secrets = notice.kind === 'waiting-for-credentials' || notice.kind === 'needs-credentials'
    const wanted = secrets ? options.settings().onCredentials : options.settings().onFinish
    if (!wanted) return
    const text = scheduleNoticeText(notice)
    const notification = new Notification({ title: text.title, body: text.body })
    shown.add(notification)
    notification.on('click', () => {
      shown.delete(notification)
      options.openSchedules()
    })
    notification.on('close', () => shown.delete(notification))
    notification.show()
  }
}
