import type { LogFileKind } from '../../../../src-preload/contract/logs'
import { setNotice, useLogs } from '../../stores/logs'
import { exportRunFile, openRunSummary } from '../job/report-actions'

/**
 * Exports the open run's log or one of its reports, as the job view and History do (main's save dialog
 * on the desktop, a one-time download in browser mode), and says how it went in the screen's notice.
 */
export async function exportFile(what: LogFileKind): Promise<void> {
  const jobId = useLogs.getState().jobId
  if (!jobId) return
  setNotice(await exportRunFile(jobId, what))
}

/** Shows the open run's HTML summary: in the system browser (desktop) or a new tab (browser mode). */
export async function openSummary(): Promise<void> {
  const jobId = useLogs.getState().jobId
  if (!jobId) return
  setNotice(await openRunSummary(jobId))
}
