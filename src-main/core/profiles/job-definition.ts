import { z } from 'zod'
import { extraMetadataProblem } from '../../../src-preload/contract/metadata'
import {
  echoedTimestamps,
  expected,
  jobDefinitionIdSchema,
  nameSchema,
  profileIdSchema,
  textSchema,
  timestampSchema,
} from './fields'
import { withoutSecretValues } from './secret-ref'

/**
 * Defaults and limits as the CLI has them (cli/options.ts), so a saved migration and the same flags
 * behave alike: 16 workers, at most 1000 deletions per mirror run, parts of 8 MiB to 5 GiB. The worker
 * count is not filled in when a migration is saved: a run started by the app takes Settings'
 * `defaultWorkers` for a migration that names none, the CLI these 16 (see resolveJobSpec).
 */
export const JOB_DEFAULTS = { maxWorkers: 16, maxDeletions: 1000 } as const
const MAX_WORKERS = 256
const PART_BUDGET_MB = [8, 65_536] as const
const MULTIPART_THRESHOLD_MB = [8, 5_120] as const

/** Stands for each container's name in a per-container bucket pattern (`acme-{container}`), as in the CLI. */
export const CONTAINER_PLACEHOLDER = '{container}'

const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .number({ error: expected('must be a number') })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` })

const containerName = z
  .string({ error: expected('must be a container name') })
  .min(1, { error: 'must not be empty' })
  .refine((name) => !name.includes('/'), { error: 'must not contain "/"' })
  .refine((name) => Buffer.byteLength(name, 'utf8') <= 256, { error: 'must be at most 256 bytes' })

const globs = z.array(textSchema, { error: expected('must be a list of patterns') })

const source = z.strictObject({
  profileId: profileIdSchema,
  /** Containers to copy, or `all` to list the account at run time. */
  containers: z.union(
    [z.literal('all'), z.array(containerName).min(1, { error: 'must name at least one container' })],
    {
      error: expected('must be "all" or a list of container names'),
    },
  ),
  prefix: z.string().min(1, { error: 'must not be empty' }).optional(),
  include: globs.optional(),
  exclude: globs.optional(),
  directoryMarkers: z.enum(['keep', 'skip']).default('keep'),
})

const target = z
  .strictObject({
    profileId: profileIdSchema,
    /** The bucket, or with `per-container` a pattern containing {container}. */
    bucket: textSchema,
    bucketMode: z.enum(['single', 'per-container']).default('single'),
    destPrefix: z.string().min(1, { error: 'must not be empty' }).optional(),
  })
  .superRefine((t, ctx) => {
    const has = t.bucket.includes(CONTAINER_PLACEHOLDER)
    if (t.bucketMode === 'per-container' && !has) {
      ctx.addIssue({
        code: 'custom',
        path: ['bucket'],
        message: `must contain ${CONTAINER_PLACEHOLDER} to name one bucket per container, e.g. acme-${CONTAINER_PLACEHOLDER}`,
      })
    }
    if (t.bucketMode === 'single' && has) {
      ctx.addIssue({
        code: 'custom',
        path: ['bucket'],
        message: `contains ${CONTAINER_PLACEHOLDER}, which only means something with bucketMode per-container`,
      })
    }
  })

const metadataPair = z.strictObject({
  key: z.string({ error: expected('must be text') }),
  value: z.string({ error: expected('must be text') }),
})

/**
 * Optional with defaults, so migrations saved before it existed load unchanged (copy user metadata,
 * no extra pairs, fail oversized objects): what the tool always did. No document version is needed.
 */
const metadata = z
  .strictObject({
    userMetadata: z.enum(['copy', 'skip']).default('copy'),
    extra: z
      .array(metadataPair, { error: expected('must be a list of key/value pairs') })
      .default([])
      .superRefine((pairs, ctx) => {
        const found = extraMetadataProblem(pairs)
        if (found) ctx.addIssue({ code: 'custom', path: [found.index], message: found.problem })
      }),
    oversized: z.enum(['fail', 'drop']).default('fail'),
  })
  .prefault({})

const options = z
  .strictObject({
    /** Objects in flight; unset: whatever runs it decides (the app's Settings, the CLI's 16). */
    maxWorkers: wholeNumber(1, MAX_WORKERS).optional(),
    /** MB/s (1 MB = 1,000,000 bytes); null for no limit. */
    bandwidthLimitMb: z
      .number({ error: expected('must be a number or null') })
      .positive({ error: 'must be above 0' })
      .nullable()
      .default(null),
    /** Also download and hash every target object when verifying. */
    deep: z.boolean({ error: expected('must be true or false') }).default(false),
    mirror: z
      .strictObject({
        enabled: z.boolean({ error: expected('must be true or false') }).default(false),
        maxDeletions: wholeNumber(0).default(JOB_DEFAULTS.maxDeletions),
      })
      .prefault({}),
    metadata,
    partBudgetMb: wholeNumber(...PART_BUDGET_MB).optional(),
    multipartThresholdMb: wholeNumber(...MULTIPART_THRESHOLD_MB).optional(),
  })
  .prefault({})

const jobDefinitionShape = {
  name: nameSchema,
  source,
  target,
  options,
}

const storedJobDefinition = z.strictObject({
  id: jobDefinitionIdSchema,
  ...jobDefinitionShape,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})

const jobDefinitionDraft = z.strictObject({
  id: jobDefinitionIdSchema.optional(),
  ...jobDefinitionShape,
  ...echoedTimestamps,
})

/**
 * A saved migration: which Swift profile and containers, which S3 profile and bucket, and how. Run
 * choices (dry run, verify only, log folder) are given when it runs; see resolveJobSpec.
 */
export const jobDefinitionSchema = withoutSecretValues(storedJobDefinition)
/** What a form (or the `job.save` IPC call) submits; defaults fill what it leaves out. */
export const jobDefinitionInputSchema = withoutSecretValues(jobDefinitionDraft)

export type JobDefinition = z.infer<typeof storedJobDefinition>
export type JobDefinitionInput = z.input<typeof jobDefinitionDraft>

/** A submitted job definition after validation and defaults, before the store gives it an id. */
export type JobDefinitionDraft = z.output<typeof jobDefinitionDraft>
