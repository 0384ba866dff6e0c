import type { JobSummary } from '../core/jobs/job-manager-types'
import { formatBytes, formatCount } from '../core/reports/format'

/** A notification's words. */
export interface NotificationText {
  title: string
  body: string
}

function counts(job: JobSummary): string {
  const t = job.totals
  return `${formatCount(t.copied)} copied, ${formatCount(t.skipped)} skipped, ${formatCount(t.failed)} failed (${formatBytes(t.bytesDone)} of ${formatBytes(t.bytesTotal)}).`
}

/**
 * What to say when a job ends, by outcome, with its counts; null for an end that is not news (a run
 * marked interrupted when the app starts, a scheduled run skipped).
 */
export function finishedText(job: JobSummary): NotificationText | null {
  const name = job.name
  switch (job.state) {
    case 'done':
      return job.outcome === 'completed-with-failures'
        ? {
            title: `Migration finished with problems: ${name}`,
            body: `${counts(job)} Open it to see what failed and retry.`,
          }
        : { title: `Migration finished: ${name}`, body: counts(job) }
    case 'failed':
      return {
        title: `Migration failed: ${name}`,
        body: job.error ? `${job.error} ${counts(job)}` : counts(job),
      }
    case 'cancelled':
      return {
        title: `Migration cancelled: ${name}`,
        body: `${counts(job)} Run it again to copy the rest.`,
      }
    case 'needs-credentials':
      return {
        title: `Migration stopped: ${name} needs new credentials`,
        body: `The S3 credentials expired and none were given in time. ${counts(job)}`,
      }
    default:
      return null
  }
}

/** What to say when a running job waits for new S3 credentials. */
export function credentialsText(name: string, reason: string): NotificationText {
  return {
    title: `${name} needs new credentials`,
    body: `${reason} The migration waits; open it to enter new keys.`,
  }
}
