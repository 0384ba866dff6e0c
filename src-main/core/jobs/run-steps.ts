import type { Logger } from '../log/logger'
import type { ObjectReportRow, VerificationClass } from '../reports/types'
import type { S3Target } from '../s3/target'
import type { SwiftClient } from '../swift/swift-client'
import { compileFilter } from '../transfer/object-filter'
import { keptListings, type KeepEntry } from '../transfer/kept-listings'
import { plan } from '../transfer/planner'
import { verify, type VerifyRow } from '../transfer/verify'
import type { CopyRecords } from './copy-record'
import type { JobSpec } from './job-spec'
import type { RowSpool } from './row-spool'

/** Per-container steps of a run after the copy: verification, or the plan of a dry run. */
export interface ContainerTotals {
  objects: number
  copied: number
  skipped: number
  failed: number
  bytesCopied: number
  bytesTotal: number
  verification: Record<VerificationClass, number>
  extras: { key: string; bytes: number; deleted: boolean }[]
  extrasCount: number
  sourceCount: number
  targetCount: number
  containerObjectCount: number | null
  /** Objects failed or not verified (bounded), for the end of the CLI output. */
  problems: { key: string; reason: string }[]
  /** A dry run's plan: what a real run would copy, skip and (mirror mode, within its cap) delete. */
  plan: {
    copy: number
    copyBytes: number
    skipBytes: number
    extrasBytes: number
    delete: number
    deleteBytes: number
  }
}

const MAX_LISTED = 200

function emptyTotals(): ContainerTotals {
  return {
    objects: 0,
    copied: 0,
    skipped: 0,
    failed: 0,
    bytesCopied: 0,
    bytesTotal: 0,
    verification: { 'verified-md5': 0, 'verified-recorded': 0, mismatched: 0, missing: 0 },
    extras: [],
    extrasCount: 0,
    sourceCount: 0,
    targetCount: 0,
    containerObjectCount: null,
    problems: [],
    plan: { copy: 0, copyBytes: 0, skipBytes: 0, extrasBytes: 0, delete: 0, deleteBytes: 0 },
  }
}

/** Whether a listed object is part of the run: the include/exclude rules, then `only` (a retry's list). */
export function filterFor(spec: JobSpec): KeepEntry {
  const filter = compileFilter({
    ...(spec.source.include ? { include: spec.source.include } : {}),
    ...(spec.source.exclude ? { exclude: spec.source.exclude } : {}),
    directoryMarkers: spec.source.directoryMarkers,
  })
  if (!spec.source.only) return (entry) => filter(entry).keep
  const only = new Set(spec.source.only)
  return (entry) => only.has(entry.name) && filter(entry).keep
}

/** The two listings of one container → key-prefix mapping, filtered alike. */
function listings(
  spec: JobSpec,
  swift: SwiftClient,
  target: S3Target,
  container: string,
  keyPrefix: string,
  signal?: AbortSignal,
) {
  const at = { container, sourcePrefix: spec.source.prefix ?? '', targetPrefix: keyPrefix }
  return keptListings(swift, target, { ...at, ...(signal ? { signal } : {}) }, filterFor(spec))
}

/** One container → bucket/prefix pair of a run, and where its rows and log lines go. */
export interface ContainerStep {
  spec: JobSpec
  swift: SwiftClient
  target: S3Target
  container: string
  keyPrefix: string
  spool: RowSpool
  log: Logger
  signal?: AbortSignal
}

export async function verifyContainer(step: ContainerStep, records: CopyRecords): Promise<ContainerTotals> {
  const { spec, swift, target, container, keyPrefix, spool, log, signal } = step
  const totals = emptyTotals()
  const both = listings(spec, swift, target, container, keyPrefix, signal)
  log.log(
    'info',
    `Verifying ${container}${spec.options.deep ? ' (deep: downloading every target object)' : ''}`,
  )
  const onRow = async (row: VerifyRow) => {
    const record = records.get(row.key)
    const status = record?.status ?? 'skipped'
    totals.objects++
    totals.sourceCount++
    if (row.targetBytes !== null) totals.targetCount++
    totals.bytesTotal += row.sourceBytes
    totals.verification[row.verification]++
    if (status === 'copied') {
      totals.copied++
      totals.bytesCopied += row.sourceBytes
    } else if (status === 'failed') totals.failed++
    else totals.skipped++
    const ok = row.verification === 'verified-md5' || row.verification === 'verified-recorded'
    if (!ok) {
      const reason =
        record?.status === 'failed' ? (record.reason ?? 'failed') : `${row.verification}: ${row.reason ?? ''}`
      if (totals.problems.length < MAX_LISTED) totals.problems.push({ key: row.key, reason })
      log.log('error', `Not verified: ${row.key} (${reason})`)
    }
    const reportRow: ObjectReportRow = {
      name: row.name,
      key: row.key,
      status,
      verification: row.verification,
      integrity: spec.options.deep
        ? 'deep-hash'
        : (record?.integrity ??
          (row.method === 'recorded-etag'
            ? 'recorded-etag'
            : row.method === 'none'
              ? 'none'
              : 'content-md5')),
      sourceBytes: row.sourceBytes,
      targetBytes: row.targetBytes,
      sourceMd5: row.sourceMd5,
      targetMd5: row.targetMd5,
      attempts: record?.attempts ?? 0,
      reason: record?.reason ?? row.reason,
    }
    await spool.add(reportRow)
  }
  await verify(
    both.source,
    both.target,
    { source: swift, target },
    {
      container,
      targetPrefix: keyPrefix,
      deep: spec.options.deep,
      concurrency: Math.min(32, spec.options.maxWorkers * 2),
      ...(signal ? { signal } : {}),
    },
    {
      row: onRow,
      extra: (key, bytes) => {
        totals.extrasCount++
        totals.targetCount++
        if (totals.extras.length < MAX_LISTED) totals.extras.push({ key, bytes, deleted: false })
      },
    },
  )
  return totals
}

export async function dryRunContainer(step: ContainerStep): Promise<ContainerTotals> {
  const { spec, swift, target, container, keyPrefix, spool, log, signal } = step
  const totals = emptyTotals()
  const both = listings(spec, swift, target, container, keyPrefix, signal)
  let toCopy = 0
  let copyBytes = 0
  let skipBytes = 0
  let extrasBytes = 0
  for await (const item of plan(both.source, both.target, { container, targetPrefix: keyPrefix })) {
    if (item.type === 'extra') {
      totals.extrasCount++
      extrasBytes += item.size
      totals.targetCount++
      if (totals.extras.length < MAX_LISTED)
        totals.extras.push({ key: item.key, bytes: item.size, deleted: false })
      continue
    }
    if (item.type === 'order-fallback') continue
    const [name, key, size, reason] =
      item.type === 'copy'
        ? [item.task.name, item.task.key, item.task.size, item.task.reason]
        : [item.name, item.key, item.size, item.reason]
    totals.objects++
    totals.sourceCount++
    totals.bytesTotal += size
    if (item.type === 'copy') {
      toCopy++
      copyBytes += size
    } else {
      totals.skipped++
      totals.targetCount++
      skipBytes += size
    }
    await spool.add({
      name,
      key,
      status: item.type === 'copy' ? 'planned' : 'skipped',
      verification: null,
      integrity: 'none',
      sourceBytes: size,
      targetBytes: null,
      sourceMd5: null,
      targetMd5: null,
      attempts: 0,
      reason: item.type === 'copy' ? `would copy (${reason})` : reason,
    })
  }
  const { mirror } = spec.options
  const deletes = mirror.enabled && totals.extrasCount <= mirror.maxDeletions
  totals.plan = {
    copy: toCopy,
    copyBytes,
    skipBytes,
    extrasBytes,
    delete: deletes ? totals.extrasCount : 0,
    deleteBytes: deletes ? extrasBytes : 0,
  }
  const deletions = mirror.enabled
    ? `; mirror would delete ${deletes ? totals.extrasCount : `none (${totals.extrasCount} exceed the cap of ${mirror.maxDeletions})`}`
    : ''
  log.log(
    'info',
    `Dry run of ${container}: ${toCopy} objects (${copyBytes} bytes) to copy, ${totals.skipped} (${skipBytes} bytes) to skip, ${totals.extrasCount} (${extrasBytes} bytes) extra on the target${deletions}`,
  )
  return totals
}
