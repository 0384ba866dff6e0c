import type { Logger } from '../log/logger'
import type { ManagerClock } from './job-manager-clock'
import type { RunnerFactory } from './job-manager-types'

export const DEFAULT_WORKER_CAP = 64
export const DEFAULT_PART_BUDGET_MB = 512

/** What a shell gives the job manager: where history goes, who it is, and the process-wide limits. */
export interface JobManagerOptions {
  /** Where the history file lives (created when missing). */
  historyDir: string
  tool: { name: string; version: string }
  /** Who starts jobs unless a start says otherwise: user@host. */
  startedBy: string
  /** How a run is made; JobRun unless a test brings a fake. */
  runJob?: RunnerFactory
  clock?: ManagerClock
  /** Objects in flight across all jobs; default {@link DEFAULT_WORKER_CAP}. */
  workerCap?: number
  /** MB/s across all jobs; null for no limit. */
  globalBandwidthMb?: number | null
  /** Memory for part buffers shared by all jobs, MiB; default {@link DEFAULT_PART_BUDGET_MB}. */
  partBudgetMb?: number
  /** How long a run waits for new S3 credentials; forever when unset (the user may be away). */
  credentialWaitMs?: number
  /** Runs history keeps. */
  historyLimit?: number
  newId?: () => string
  logger?: Logger
}
