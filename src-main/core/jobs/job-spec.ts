import type { MetadataOptions } from '../../../src-preload/contract/metadata'
import type { S3TargetOptions } from '../s3/types'
import type { SwiftAuth, TlsSettings } from '../swift/types'

/**
 * Everything one migration run needs, as plain data: the CLI builds it from flags and env vars, the
 * desktop app from a saved profile and the New Migration form, the scheduler from a stored job. Secrets
 * are inside (auth, credentials) only in memory; stored forms keep references instead.
 */
export interface JobSpec {
  source: {
    auth: SwiftAuth
    tls: TlsSettings
    /** PEM text of the CA bundle (read from tls.caFile by the shell, keeping core free of paths). */
    caBundle?: string
    proxyUrl?: string
    /** Containers to copy; `all` lists the account. */
    containers: string[] | 'all'
    /** Only names starting with this. */
    prefix?: string
    /** Glob patterns on object names (`*` within a segment, `**` across, `?`); include first, then exclude. */
    include?: string[]
    exclude?: string[]
    /**
     * Only these object names, as Swift lists them (after the other filters): a retry of a run's
     * failures sets it, so it copies those objects and nothing else. Unset: every object.
     */
    only?: string[]
    /** Zero-byte objects ending in `/` or typed application/directory: keep them as S3 keys, or skip. */
    directoryMarkers: 'keep' | 'skip'
  }
  target: S3TargetOptions & {
    /** With several containers: one bucket with `container/` key prefixes, or one bucket per container. */
    bucketMode: 'single' | 'per-container'
    /** Prepended to every key (after the container prefix in single-bucket mode). */
    destPrefix?: string
  }
  options: {
    /** Objects in flight, 1–256 (the original's --maxWorkers). */
    maxWorkers: number
    /** MB/s (1 MB = 1,000,000 bytes), the original's --bandwidthLimitMb; null for no limit. */
    bandwidthLimitMb: number | null
    /** Plan only: what would be copied, skipped and deleted. Nothing is written. */
    dryRun: boolean
    /** Verify what is there; write nothing. */
    verifyOnly: boolean
    /** Also download and hash every target object when verifying. */
    deep: boolean
    mirror: { enabled: boolean; maxDeletions: number }
    /**
     * Swift user metadata, extra pairs, objects over S3's 2 KB. Absent in specs recorded in history before
     * the option existed: those run with the defaults (copy, no pairs, fail), as they did then.
     */
    metadata?: MetadataOptions
    /** Memory for part buffers, MiB (shared by all workers). */
    partBudgetMb?: number
    multipartThresholdMb?: number
  }
  output: {
    /** Where the run log goes (the original: the current directory). */
    logDir: string
    /** Where the JSON/CSV/HTML reports go; the log directory when not set. */
    reportDir?: string
  }
}
