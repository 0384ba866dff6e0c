import type { RunReport, VerificationClass } from '../reports/types'
import type { JobSpec } from './job-spec'
import type { ContainerTotals } from './run-steps'

/** How a run's report adds up its containers, and the options it records. Split from run-job.ts. */

const MAX_LISTED = 200

/**
 * The run's choices as the report lists them, flat, for the JSON, the CSV header and the HTML summary.
 * Metadata: what a spec recorded before the option existed ran with, i.e. the defaults.
 */
export function reportOptions(s: JobSpec): RunReport['options'] {
  const metadata = s.options.metadata
  return {
    maxWorkers: s.options.maxWorkers,
    bandwidthLimitMb: s.options.bandwidthLimitMb,
    dryRun: s.options.dryRun,
    verifyOnly: s.options.verifyOnly,
    deep: s.options.deep,
    mirror: s.options.mirror.enabled,
    maxDeletes: s.options.mirror.maxDeletions,
    include: s.source.include?.join(' ') ?? null,
    exclude: s.source.exclude?.join(' ') ?? null,
    directoryMarkers: s.source.directoryMarkers,
    bucketMode: s.target.bucketMode,
    userMetadata: metadata?.userMetadata ?? 'copy',
    extraMetadata: metadata?.extra.length
      ? metadata.extra.map((pair) => `${pair.key}=${pair.value}`).join(' ')
      : null,
    oversizedMetadata: metadata?.oversized ?? 'fail',
  }
}

/** Adds a dry-run container's plan to the report's. */
export function addPlan(report: RunReport, totals: ContainerTotals): void {
  const plan = (report.plan ??= {
    copy: 0,
    copyBytes: 0,
    skip: 0,
    skipBytes: 0,
    extras: 0,
    extrasBytes: 0,
    delete: 0,
    deleteBytes: 0,
  })
  plan.copy += totals.plan.copy
  plan.copyBytes += totals.plan.copyBytes
  plan.skip += totals.skipped
  plan.skipBytes += totals.plan.skipBytes
  plan.extras += totals.extrasCount
  plan.extrasBytes += totals.plan.extrasBytes
  plan.delete += totals.plan.delete
  plan.deleteBytes += totals.plan.deleteBytes
}

/** Adds a container's totals to the report's; extras listed up to a bound. */
export function addTotals(report: RunReport, totals: ContainerTotals): void {
  const t = report.totals
  t.objects += totals.objects
  t.copied += totals.copied
  t.skipped += totals.skipped
  t.failed += totals.failed
  t.bytesCopied += totals.bytesCopied
  t.bytesTotal += totals.bytesTotal
  for (const key of Object.keys(t.verification) as VerificationClass[])
    t.verification[key] += totals.verification[key]
  t.extras += totals.extrasCount
  t.sourceCount += totals.sourceCount
  t.targetCount += totals.targetCount
  t.containerObjectCount =
    totals.containerObjectCount === null
      ? t.containerObjectCount
      : (t.containerObjectCount ?? 0) + totals.containerObjectCount
  report.extras.push(...totals.extras.slice(0, Math.max(0, MAX_LISTED - report.extras.length)))
}
