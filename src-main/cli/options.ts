import type { JobSpec } from '../core/jobs/job-spec'
import type { RawArgs } from './argv'
import { CliUsageError } from './errors'
import { parseMetadata } from './metadata'
import { absolutePath, bandwidthMb, wholeNumber } from './values'

/**
 * Job options and output folders. Defaults, and why:
 * - maxWorkers 16: the original's example used 10 with whole-file temp copies; streaming objects costs
 *   little memory, and 16 stays well under the SDK's 50 sockets per origin.
 * - maxDeletes 1000 with --mirror: enough for routine clean-up, and a wrong --destPrefix or bucket (which
 *   would make everything look extra) stops after a bounded loss instead of emptying the bucket.
 * - logDir: the current directory, where the original wrote its log.
 */
export const DEFAULT_MAX_WORKERS = 16
export const MAX_WORKERS = 256
export const DEFAULT_MAX_DELETES = 1000

// A budget below one 8 MiB part cannot hold a multipart upload; above 64 GiB is a typo on any machine.
const PART_BUDGET_RANGE = [8, 65_536] as const
// Parts are at least 8 MiB; one PUT can carry at most 5 GiB.
const MULTIPART_THRESHOLD_RANGE = [8, 5_120] as const

function conflict(a: string, b: string, why: string): CliUsageError {
  return new CliUsageError(`--${a} and --${b} cannot be used together: ${why}`, `--${b}`)
}

function checkModes(raw: RawArgs): void {
  const { dryRun, verifyOnly, deep, mirror } = raw.switches
  if (dryRun && verifyOnly) {
    throw conflict('dryRun', 'verifyOnly', '--dryRun plans a copy, --verifyOnly checks one already made.')
  }
  if (mirror && verifyOnly) {
    throw conflict(
      'mirror',
      'verifyOnly',
      '--verifyOnly changes nothing; use --mirror --dryRun to see deletions.',
    )
  }
  if (deep && dryRun) {
    throw conflict(
      'deep',
      'dryRun',
      '--dryRun reads no object data; use --deep with --verifyOnly or a real run.',
    )
  }
  if (raw.values.maxDeletes !== undefined && !mirror) {
    throw new CliUsageError(
      '--maxDeletes only applies with --mirror; add --mirror or drop --maxDeletes.',
      '--maxDeletes',
    )
  }
}

/** Job options with their defaults; also refuses modes that contradict each other. */
export function parseOptions(raw: RawArgs): JobSpec['options'] {
  checkModes(raw)
  const v = raw.values
  const number = (flag: 'partBudgetMb' | 'multipartThresholdMb', range: readonly [number, number]) => {
    const text = v[flag]
    return text === undefined ? undefined : wholeNumber(flag, text, ...range)
  }
  const partBudgetMb = number('partBudgetMb', PART_BUDGET_RANGE)
  const multipartThresholdMb = number('multipartThresholdMb', MULTIPART_THRESHOLD_RANGE)
  return {
    maxWorkers:
      v.maxWorkers !== undefined
        ? wholeNumber('maxWorkers', v.maxWorkers, 1, MAX_WORKERS)
        : DEFAULT_MAX_WORKERS,
    bandwidthLimitMb: v.bandwidthLimitMb !== undefined ? bandwidthMb(v.bandwidthLimitMb) : null,
    dryRun: raw.switches.dryRun === true,
    verifyOnly: raw.switches.verifyOnly === true,
    deep: raw.switches.deep === true,
    mirror: {
      enabled: raw.switches.mirror === true,
      maxDeletions:
        v.maxDeletes !== undefined ? wholeNumber('maxDeletes', v.maxDeletes, 0) : DEFAULT_MAX_DELETES,
    },
    metadata: parseMetadata(raw),
    ...(partBudgetMb !== undefined ? { partBudgetMb } : {}),
    ...(multipartThresholdMb !== undefined ? { multipartThresholdMb } : {}),
  }
}

/** Log and report folders, absolute. */
export function parseOutput(raw: RawArgs, cwd: string): JobSpec['output'] {
  const { logDir, reportDir } = raw.values
  return {
    logDir: absolutePath(cwd, logDir ?? '.'),
    ...(reportDir !== undefined ? { reportDir: absolutePath(cwd, reportDir) } : {}),
  }
}
