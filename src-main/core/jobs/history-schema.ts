import { z } from 'zod'
import type { JobRecord } from './job-manager-types'
import type { RedactedJobSpec } from './history-redact'

/** Raised whenever the stored shape changes incompatibly; older files are then migrated on load. */
export const HISTORY_VERSION = 1

const count = z.number().int().nonnegative()
const time = z.string().nullable()

const totals = z.object({
  objects: count,
  objectsDone: count,
  copied: count,
  skipped: count,
  failed: count,
  bytesTotal: count,
  bytesDone: count,
})

const verification = z.object({
  'verified-md5': count,
  'verified-recorded': count,
  mismatched: count,
  missing: count,
  extras: count,
})

const state = z.enum([
  'queued',
  'planning',
  'running',
  'paused',
  'waiting-for-credentials',
  'verifying',
  'done',
  'failed',
  'cancelled',
  'interrupted',
  'needs-credentials',
  'skipped',
])

// The spec is checked for its outline only: it is handed back to the shell, which fills in secrets and
// re-validates it as it does every spec, and a run with a wrong field fails in preflight, not here.
const spec = z.looseObject({
  source: z.looseObject({ auth: z.looseObject({ type: z.string() }) }),
  target: z.looseObject({ bucket: z.string() }),
  options: z.looseObject({ maxWorkers: z.number() }),
  output: z.looseObject({ logDir: z.string() }),
})

export const jobRecordSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  definitionId: z.string().nullable(),
  // Added later, with a default for the same reason as `trigger` below.
  profiles: z.object({ swift: z.string(), s3: z.string() }).nullable().default(null),
  // Added with schedules: runs recorded before then were all started by hand. A default rather than a
  // new version, so history written by this version still reads in an older one (it ignores the keys).
  trigger: z.enum(['manual', 'schedule']).default('manual'),
  scheduleId: z.string().nullable().default(null),
  retryOf: z.string().nullable(),
  rerunBy: z.string().nullable(),
  state,
  outcome: z.enum(['completed', 'completed-with-failures']).nullable(),
  startedBy: z.string(),
  createdAt: z.string(),
  startedAt: time,
  finishedAt: time,
  requestedWorkers: count,
  workers: count.nullable(),
  bandwidthLimitMb: z.number().nullable(),
  totals,
  verification: verification.nullable(),
  error: z.string().nullable(),
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(130)]).nullable(),
  logFile: z.string().nullable(),
  reports: z.object({ json: z.string(), csv: z.string(), html: z.string() }).nullable(),
  spec,
})

/** One record read back, typed as the manager writes it. */
export function parseRecord(value: unknown): JobRecord | undefined {
  const result = jobRecordSchema.safeParse(value)
  if (!result.success) return undefined
  return { ...result.data, spec: result.data.spec as unknown as RedactedJobSpec } as JobRecord
}

export const historyDocumentSchema = z.object({
  version: z.number().int(),
  runs: z.array(z.unknown()),
})

export interface HistoryDocument {
  version: typeof HISTORY_VERSION
  runs: JobRecord[]
}
