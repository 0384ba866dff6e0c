import { basename } from 'node:path'
import type { JobReportView, JobSummary } from '../../../src-preload/contract/jobs'
import type { JobManager } from '../../core/jobs/job-manager'
import type { JobReport } from '../../core/jobs/job-manager-types'

/** A job's list entry; the manager gives the detail only by id, so its extra parts are dropped here. */
export function summaryOf(manager: JobManager, id: string): JobSummary {
  const { progress: _progress, events: _events, spec: _spec, ...summary } = manager.get(id)
  return summary
}

function fileName(path: string | null | undefined): string | null {
  return path ? basename(path) : null
}

/**
 * What the report page needs: the counts and the first failures, and the files by name. The report's
 * source and target URLs and its options stay out: the detail page shows them from the redacted spec.
 */
export function reportView(id: string, { logFile, reports, report }: JobReport): JobReportView {
  return {
    id,
    files: {
      log: fileName(logFile),
      json: fileName(reports?.json),
      csv: fileName(reports?.csv),
      html: fileName(reports?.html),
    },
    summary: report && {
      outcome: report.outcome,
      error: report.error,
      mode: report.mode,
      startedAt: report.startedAt,
      finishedAt: report.finishedAt,
      durationSeconds: report.durationSeconds,
      totals: {
        objects: report.totals.objects,
        copied: report.totals.copied,
        skipped: report.totals.skipped,
        failed: report.totals.failed,
        bytesCopied: report.totals.bytesCopied,
        bytesTotal: report.totals.bytesTotal,
        verification: { ...report.totals.verification },
        extras: report.totals.extras,
        extrasDeleted: report.totals.extrasDeleted,
      },
      throughput: report.throughput,
      failures: report.failures.map(({ key, reason }) => ({ key, reason })),
      plan: report.plan ? { ...report.plan } : null,
      listingComplete: listingComplete(report),
    },
  }
}

/**
 * The report's completeness check of the Swift listing, as the HTML summary makes it: every object the
 * container reports was listed (with a prefix the listing covers part of it, so not more than that).
 */
function listingComplete(report: NonNullable<JobReport['report']>): boolean | null {
  const { sourceCount, containerObjectCount } = report.totals
  if (containerObjectCount === null) return null
  return report.source.prefix ? sourceCount <= containerObjectCount : sourceCount === containerObjectCount
}
