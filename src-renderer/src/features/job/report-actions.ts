import type { LogFileKind } from '../../../../src-preload/contract/logs'
import { call } from '../../ipc/bridge'

/** What each file is called in messages. */
export const FILE_NAMES: Record<LogFileKind, string> = {
  log: 'the log',
  html: 'the HTML summary',
  csv: 'the CSV report',
  json: 'the JSON report',
}

/** Follows a one-time download URL main handed out (browser mode): the server sends an attachment. */
function download(url: string, fileName: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * Exports a run's log or one of its reports, main's way: the desktop asks where to save with its own
 * dialog (the page only learns the file name); browser mode hands out a one-time download. Returns
 * what to tell the person, or null when they cancelled.
 */
export async function exportRunFile(jobId: string, what: LogFileKind): Promise<string | null> {
  try {
    const result = await call('logs.export', { jobId, what })
    if ('saved' in result) return `Saved ${FILE_NAMES[what]} as ${result.saved}.`
    if ('downloadUrl' in result) {
      download(result.downloadUrl, result.fileName)
      return `Downloading ${result.fileName}.`
    }
    return null
  } catch (error) {
    return `Could not export ${FILE_NAMES[what]}: ${messageOf(error)}`
  }
}

/** Shows a run's HTML summary: the system browser on the desktop, a new tab in browser mode. */
export async function openRunSummary(jobId: string): Promise<string> {
  try {
    const result = await call('logs.openReport', { jobId })
    if ('url' in result) window.open(result.url, '_blank', 'noopener,noreferrer')
    return 'The HTML summary opened in your browser.'
  } catch (error) {
    return `Could not open the HTML summary: ${messageOf(error)}`
  }
}

/** Which of a run's files exist, from its summary (paths are main's; only their presence is used). */
export function availableFiles(job: {
  logFile: string | null
  reports: { json: string; csv: string; html: string } | null
}): Record<LogFileKind, boolean> {
  return { log: job.logFile !== null, html: !!job.reports, csv: !!job.reports, json: !!job.reports }
}
