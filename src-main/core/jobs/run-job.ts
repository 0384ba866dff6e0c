import type { Logger } from '../log/logger'
import { writeReports, type ReportPaths } from '../reports'
import type { RunReport, VerificationClass } from '../reports/types'
import { classifyS3Error } from '../s3/classify'
import { isAbort } from '../swift/errors'
import { createShared, Transfer, type TransferShared } from '../transfer/engine'
import type { TransferEvent } from '../transfer/events'
import type { ProgressSnapshot } from '../transfer/progress'
import { CopyRecords, reportUnverified } from './copy-record'
import { ForwardingLogger } from './forwarding-logger'
import type { SourceContainer } from './job-manager-types'
import type { JobSpec } from './job-spec'
import { logEvent } from './log-events'
import { preflight, type Preflight } from './preflight'
import { openRunLog, type ConsoleSink, type RunLog } from './run-log'
import { RowSpool } from './row-spool'
import { recoverUploads, journalFor } from './recovery'
import { addPlan, addTotals, reportOptions } from './report-totals'
import {
  dryRunContainer,
  filterFor,
  verifyContainer,
  type ContainerStep,
  type ContainerTotals,
} from './run-steps'
import type { UploadJournal } from '../transfer/ports'

/**
 * One run of a JobSpec from start to proof: log file, preflight (nothing is written unless the source,
 * every bucket and the credentials check out), copy, verification, reports. The CLI, the desktop app
 * and the scheduler all run jobs through this.
 */
export interface RunContext {
  tool: { name: string; version: string }
  /** Who started it: user@host, or the schedule's name. */
  startedBy: string
  now?: () => Date
  console?: ConsoleSink
  signal?: AbortSignal
  onEvent?: (container: string, event: TransferEvent) => void
  /**
   * Every container the run copies, with its object count and bytes used, as soon as preflight has read
   * them: long before the listing, so a job's size can be estimated from the start.
   */
  onSourceStats?: (containers: SourceContainer[]) => void
  shared?: TransferShared
  /** How long to wait for new S3 credentials when they expire mid-run; forever when unset (0: do not wait). */
  credentialWaitMs?: number
}

export type ExitCode = 0 | 1 | 2 | 3 | 130

export interface JobOutcome {
  exitCode: ExitCode
  report: RunReport
  logFile: string | null
  reports: ReportPaths | null
  /** Objects that failed or are not verified, for the end of the CLI output (bounded). */
  problems: { key: string; reason: string }[]
}

const MAX_LISTED = 200

export class JobRun {
  private current: Transfer | undefined
  /** The container copied last: its final numbers still answer progress() until the next one starts. */
  private previous: Transfer | undefined
  private readonly now: () => Date
  private readonly controller = new AbortController()
  private paused = false
  private logPath: string | undefined

  constructor(
    readonly spec: JobSpec,
    private readonly context: RunContext,
  ) {
    this.now = context.now ?? (() => new Date())
    context.signal?.addEventListener('abort', () => this.cancel(), { once: true })
  }

  private get signal(): AbortSignal {
    return this.controller.signal
  }

  pause(): void {
    this.paused = true
    this.current?.pause()
  }

  resume(): void {
    this.paused = false
    this.current?.resume()
  }

  /** Stops the run: requests in flight are aborted, open multipart uploads too; the report says what was done. */
  cancel(): void {
    this.current?.cancel()
    this.controller.abort(Object.assign(new Error('Cancelled'), { name: 'AbortError' }))
  }

  /** New S3 keys for a run waiting for credentials (also applied to later containers). */
  provideCredentials(credentials: {
    accessKeyId: string
    secretAccessKey: string
    sessionToken?: string
  }): void {
    this.spec.target.credentials = credentials
    this.current?.provideCredentials(credentials)
  }

  /** Progress of the container being copied now, or of the last one until the next starts. */
  progress(): ProgressSnapshot | undefined {
    return (this.current ?? this.previous)?.progress.snapshot()
  }

  /** Changes this run's limit now and for the containers still to come. */
  setBandwidthLimit(mb: number | null): void {
    this.spec.options.bandwidthLimitMb = mb
    this.current?.setBandwidthLimit(mb)
  }

  /** The run's log file, once it is open (for history and the log viewer while the run goes on). */
  logFile(): string | undefined {
    return this.logPath
  }

  async run(): Promise<JobOutcome> {
    const startedAt = this.now()
    const logger = new ForwardingLogger()
    const report = this.emptyReport(startedAt)
    let log: RunLog | undefined
    let checked: Preflight | undefined
    const spool = new RowSpool()
    try {
      checked = await preflight(this.spec, logger, this.signal)
      report.source = {
        ...report.source,
        storageUrl: checked.storageUrl,
        containers: checked.containers.map((c) => c.name),
      }
      this.context.onSourceStats?.(checked.containers.map((c) => ({ ...c })))
      log = await openRunLog({
        dir: this.spec.output.logDir,
        startedAt,
        containers: checked.containers.map((c) => c.name),
        bucket: this.spec.target.bucket,
        ...(this.context.console ? { console: this.context.console } : {}),
        redactor: checked.swift.connection.redactor,
      })
      report.logFile = log.path
      this.logPath = log.path
      logger.attach(log)
      this.logStart(log, checked)
      await checked.checkBuckets()
      return await this.runContainers(checked, log, report, spool)
    } catch (error) {
      const cancelled = isAbort(error) || this.signal.aborted
      const message = error instanceof Error ? error.message : String(error)
      logger.log('error', cancelled ? 'Run cancelled' : `Run stopped before writing anything: ${message}`)
      if (!log) this.context.console?.(`ERROR - ${message}`, 'error')
      report.outcome = cancelled ? 'cancelled' : 'failed'
      report.error = cancelled ? null : message
      return {
        exitCode: cancelled ? 130 : 2,
        report: this.finishReport(report, startedAt),
        logFile: log?.path ?? null,
        reports: null,
        problems: [],
      }
    } finally {
      checked?.close()
      await log?.close()
      await spool.dispose()
    }
  }

  private logStart(log: Logger, checked: Preflight): void {
    const o = this.spec.options
    log.log(
      'info',
      `Starting ${o.verifyOnly ? 'verification' : o.dryRun ? 'dry run' : 'migration'} of ${checked.containers.map((c) => c.name).join(', ')} to ${checked.mapping
        .map((m) => m.bucket)
        .filter((b, i, all) => all.indexOf(b) === i)
        .join(', ')}`,
      {
        workers: o.maxWorkers,
        bandwidthLimitMb: o.bandwidthLimitMb,
        prefix: this.spec.source.prefix,
        destPrefix: this.spec.target.destPrefix,
        mirror: o.mirror.enabled,
        tool: `${this.context.tool.name} ${this.context.tool.version}`,
      },
    )
  }

  private async runContainers(
    checked: Preflight,
    log: RunLog,
    report: RunReport,
    spool: RowSpool,
  ): Promise<JobOutcome> {
    const o = this.spec.options
    const records = new CopyRecords()
    const shared = this.context.shared ?? createShared({ budgetBytes: (o.partBudgetMb ?? 512) * 1024 * 1024 })
    let stopped: string | undefined
    const problems: { key: string; reason: string }[] = []
    let ended: 'cancelled' | 'needs-credentials' | undefined
    for (const { container, bucket, keyPrefix } of checked.mapping) {
      const target = checked.target(bucket)
      const stats = checked.containers.find((c) => c.name === container)
      let totals: ContainerTotals
      const step: ContainerStep = {
        spec: this.spec,
        swift: checked.swift,
        target,
        container,
        keyPrefix,
        spool,
        log,
        signal: this.signal,
      }
      if (o.dryRun) {
        totals = await dryRunContainer(step)
      } else {
        if (!o.verifyOnly) {
          const journal = journalFor(this.spec.output.logDir, container, bucket)
          await recoverUploads(journal, target, keyPrefix, log, this.signal)
          const summary = await this.copy(step, bucket, records, shared, journal)
          report.totals.extrasDeleted += summary.extras.deleted
          if (summary.state === 'cancelled' || summary.state === 'needs-credentials') {
            ended = summary.state
            if (summary.state === 'needs-credentials') stopped = summary.error
            break
          }
          if (summary.state === 'failed') stopped = summary.error
        }
        totals = await verifyContainer(step, records)
      }
      totals.containerObjectCount = stats?.objectCount ?? null
      addTotals(report, totals)
      if (o.dryRun) addPlan(report, totals)
      problems.push(...totals.problems)
      log.log(
        'info',
        `Object count: ${totals.sourceCount} in Swift container ${container}${this.spec.source.prefix ? ` under "${this.spec.source.prefix}"` : ''}, ${totals.targetCount} in bucket ${bucket}${keyPrefix ? ` under "${keyPrefix}"` : ''}${totals.sourceCount === totals.targetCount ? ' (equal)' : ' (DIFFERENT)'}`,
      )
      if (stopped) break
    }
    if (ended) await reportUnverified(records, spool, report)
    report.failures = records.failures().slice(0, MAX_LISTED)
    const v = report.totals.verification
    const notVerified = v.mismatched + v.missing
    report.outcome =
      ended ??
      (stopped
        ? 'failed'
        : report.totals.failed > 0 || (!o.dryRun && notVerified > 0)
          ? 'completed-with-failures'
          : 'completed')
    report.error = stopped ?? null
    this.finishReport(report, new Date(report.startedAt))
    const reports = await writeReports({
      dir: this.spec.output.reportDir ?? this.spec.output.logDir,
      baseName: baseNameOf(log.path),
      report,
      rows: spool.rows(),
    })
    if (!o.dryRun) {
      log.log(
        'info',
        `Verification: ${v['verified-md5']} verified by MD5, ${v['verified-recorded']} by recorded source ETag, ${v.mismatched} mismatched, ${v.missing} missing, ${report.totals.extras} extra on the target`,
      )
    }
    log.log('info', `Reports: ${reports.html}`)
    log.log(
      report.outcome === 'completed' ? 'info' : 'error',
      `Run ${report.outcome} in ${report.durationSeconds} s`,
    )
    if (ended === 'cancelled')
      log.log(
        'warn',
        'Cancelled. Run the same job again to resume: only missing or changed objects are copied.',
      )
    if (ended === 'needs-credentials')
      log.log(
        'error',
        'Stopped: the S3 credentials expired. Run the same job again with new credentials to resume.',
      )
    const exitCode: ExitCode =
      ended === 'cancelled' ? 130 : ended === 'needs-credentials' ? 3 : report.outcome === 'completed' ? 0 : 1
    return { exitCode, report, logFile: log.path, reports, problems: problems.slice(0, MAX_LISTED) }
  }

  private async copy(
    { swift, target, container, keyPrefix, log }: ContainerStep,
    bucket: string,
    records: CopyRecords,
    shared: TransferShared,
    journal: UploadJournal,
  ) {
    const o = this.spec.options
    const transfer = new Transfer(
      {
        container,
        ...(this.spec.source.prefix ? { sourcePrefix: this.spec.source.prefix } : {}),
        targetPrefix: keyPrefix,
        maxWorkers: o.maxWorkers,
        bandwidthLimitMb: o.bandwidthLimitMb,
        ...(o.multipartThresholdMb ? { multipartThreshold: o.multipartThresholdMb * 1024 * 1024 } : {}),
        mirror: { enabled: o.mirror.enabled, dryRun: false, maxDeletions: o.mirror.maxDeletions },
        ...(o.metadata ? { metadata: o.metadata } : {}),
      },
      {
        source: swift,
        target,
        shared,
        logger: log,
        classifyTarget: (error) => classifyS3Error(error).action,
        filter: filterFor(this.spec),
        journal,
        signal: this.signal,
        ...(this.context.credentialWaitMs !== undefined
          ? { credentialWaitMs: this.context.credentialWaitMs }
          : {}),
      },
    )
    transfer.on((event) => {
      records.note(event)
      logEvent(log, bucket, event)
      this.context.onEvent?.(container, event)
    })
    this.current = transfer
    // After subscribing, so a run paused between containers says so.
    if (this.paused) transfer.pause()
    try {
      return await transfer.run()
    } finally {
      this.current = undefined
      this.previous = transfer
    }
  }

  private emptyReport(startedAt: Date): RunReport {
    const s = this.spec
    const zero: Record<VerificationClass, number> = {
      'verified-md5': 0,
      'verified-recorded': 0,
      mismatched: 0,
      missing: 0,
    }
    return {
      version: 1,
      runId: `${startedAt.toISOString()}-${Math.random().toString(16).slice(2, 8)}`,
      tool: this.context.tool,
      startedBy: this.context.startedBy,
      startedAt: startedAt.toISOString(),
      finishedAt: startedAt.toISOString(),
      durationSeconds: 0,
      outcome: 'failed',
      error: null,
      mode: s.options.verifyOnly ? 'verify-only' : s.options.dryRun ? 'dry-run' : 'copy',
      source: {
        authUrl: 'authUrl' in s.source.auth ? s.source.auth.authUrl : '',
        storageUrl: '',
        containers: s.source.containers === 'all' ? [] : s.source.containers,
        prefix: s.source.prefix ?? null,
      },
      target: {
        endpoint: s.target.endpoint ?? 'AWS S3',
        region: s.target.region ?? 'us-east-1',
        bucket: s.target.bucket,
        prefix: s.target.destPrefix ?? null,
      },
      options: reportOptions(s),
      totals: {
        objects: 0,
        copied: 0,
        skipped: 0,
        failed: 0,
        bytesCopied: 0,
        bytesTotal: 0,
        verification: zero,
        extras: 0,
        extrasDeleted: 0,
        sourceCount: 0,
        targetCount: 0,
        containerObjectCount: null,
      },
      throughput: 0,
      logFile: null,
      failures: [],
      extras: [],
    }
  }

  private finishReport(report: RunReport, startedAt: Date): RunReport {
    const finished = this.now()
    report.finishedAt = finished.toISOString()
    report.durationSeconds = Math.max(0, Math.round((finished.getTime() - startedAt.getTime()) / 1000))
    report.throughput =
      report.durationSeconds > 0
        ? Math.round(report.totals.bytesCopied / report.durationSeconds)
        : report.totals.bytesCopied
    return report
  }
}

function baseNameOf(logPath: string): string {
  return (logPath.split(/[\\/]/).pop() ?? 'run').replace(/\.log$/, '')
}
