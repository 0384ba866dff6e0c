import type { LogFileKind } from '../../../../src-preload/contract/logs'
import { call } from '../../ipc/bridge'
import { messageOf, setNotice, useLogs } from '../../stores/logs'

/** Follows a one-time download URL from main: the server sends it as an attachment. */
export function startDownload(url: string, fileName: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
}

const WHAT: Record<LogFileKind, string> = {
  log: 'the log',
  csv: 'the CSV report',
  json: 'the JSON report',
  html: 'the HTML summary',
}

/**
 * Exports the open run's log or one of its reports. Main decides how: its own save dialog on the
 * desktop (the page only learns the file name), a one-time download in browser mode.
 */
export async function exportFile(what: LogFileKind): Promise<void> {
  const jobId = useLogs.getState().jobId
  if (!jobId) return
  try {
    const result = await call('logs.export', { jobId, what })
    if ('saved' in result) setNotice(`Saved ${WHAT[what]} as ${result.saved}.`)
    else if ('downloadUrl' in result) {
      startDownload(result.downloadUrl, result.fileName)
      setNotice(`Downloading ${result.fileName}.`)
    } else setNotice(null)
  } catch (error) {
    setNotice(`Could not export ${WHAT[what]}: ${messageOf(error)}`)
  }
}

/** Shows the run's HTML summary: in the system browser (desktop) or a new tab (browser mode). */
export async function openSummary(): Promise<void> {
  const jobId = useLogs.getState().jobId
  if (!jobId) return
  try {
    const result = await call('logs.openReport', { jobId })
    if ('url' in result) window.open(result.url, '_blank', 'noopener,noreferrer')
    setNotice('The HTML summary opened in your browser.')
  } catch (error) {
    setNotice(`Could not open the HTML summary: ${messageOf(error)}`)
  }
}
