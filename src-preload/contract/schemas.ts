import { z } from 'zod'
import type { InvokeChannel, InvokeInput } from './channels'
import {
  SECRET_FIELDS,
  type JobDefinitionDraft,
  type S3ProfileDraft,
  type SecretValues,
  type SwiftProfileDraft,
} from './profiles'

/**
 * Input schemas, one per invoke channel, checked in main before any handler runs.
 * Kept apart from channels.ts so the sandboxed preload bundle does not carry zod.
 * The mapped type makes a channel without a schema, or a schema that disagrees with the
 * contract's input type, a compile error.
 *
 * These check the shape of each call. The records inside `profiles.save` are checked field by field
 * by main's profile store, whose schemas the CLI shares; repeating them here would let the two drift.
 */

const id = z.string({ error: 'must be an id' }).min(1, { error: 'must be an id' }).max(200)

const recordKind = z.enum(['swift', 's3', 'job'])

const secretField = z.enum(SECRET_FIELDS)

// Keystone PKI tokens can run to several kilobytes; anything far beyond is not a secret someone typed.
const secretValue = z
  .string({ error: 'must be text' })
  .min(1, { error: 'must not be empty: leave the field out to keep the saved secret' })
  .max(65_536, { error: 'is too long for a secret' })

const secretValues: z.ZodType<SecretValues> = z.partialRecord(secretField, secretValue)

/** An object to be validated by the profile store; only its being an object is checked here. */
function record<T>(what: string): z.ZodType<T> {
  return z.custom<T>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
    error: `must be ${what}`,
  })
}

const profileSave = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('swift'),
    record: record<SwiftProfileDraft>('a Swift profile'),
    secrets: secretValues.optional(),
    importId: z.uuid({ error: 'must be the importId that profiles.import returned' }).optional(),
  }),
  z.strictObject({
    kind: z.literal('s3'),
    record: record<S3ProfileDraft>('an S3 profile'),
    secrets: secretValues.optional(),
  }),
  z.strictObject({ kind: z.literal('job'), record: record<JobDefinitionDraft>('a saved migration') }),
])

// Generous for a clouds.yaml with many clouds, small enough that a wrong file (a log, an image) is refused.
const configText = z
  .string({ error: 'must be the text of the file' })
  .min(1, { error: 'is empty: choose the file again' })
  .max(1_000_000, { error: 'is too large for an openrc or clouds.yaml file' })

const name = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' }).max(100)

const bucket = z
  .string({ error: 'must be a bucket name' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(255)

// Vault references as resolveJobSpec names them (`profile:<id>:<field>`); the length only bounds the input.
const secretRefs = z.record(
  z.string().min(1, { error: 'must be a secret reference' }).max(300, { error: 'is too long' }),
  secretValue,
)

// 0 means no limit, as on the command line; the job manager says so again for every caller.
const bandwidthMb = z
  .number({ error: 'must be a number of MB/s, or null for no limit' })
  .min(0, { error: 'must not be negative' })
  .max(100_000, { error: 'is more than any link carries' })
  .nullable()

const jobRunOptions = z
  .strictObject({
    dryRun: z.boolean({ error: 'must be true or false' }),
    verifyOnly: z.boolean({ error: 'must be true or false' }),
    deep: z.boolean({ error: 'must be true or false' }),
    maxWorkers: z
      .number({ error: 'must be a number' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1' })
      .max(256, { error: 'must be at most 256' }),
    bandwidthLimitMb: bandwidthMb,
  })
  .partial()

const jobRef = z.strictObject({ id })

export const inputSchemas = {
  'app.info': z.undefined(),
  'profiles.list': z.undefined(),
  'profiles.get': z.strictObject({ kind: recordKind, id }),
  'profiles.save': profileSave,
  'profiles.delete': z.strictObject({ kind: recordKind, id }),
  'profiles.duplicate': z.strictObject({ kind: recordKind, id, name: name.optional() }),
  'profiles.test': z.strictObject({ kind: z.enum(['swift', 's3']), id, bucket: bucket.optional() }),
  'profiles.import': z.strictObject({
    kind: z.enum(['openrc', 'clouds.yaml']),
    text: configText,
    cloud: z.string().trim().min(1, { error: 'must not be empty' }).max(255).optional(),
  }),
  'secrets.set': z.strictObject({
    profileId: id,
    field: secretField,
    value: secretValue,
    sessionOnly: z.boolean().optional(),
  }),
  'secrets.status': z.strictObject({ profileId: id }),
  'secrets.clear': z.strictObject({ profileId: id, field: secretField }),
  'secrets.backend': z.undefined(),
  'browse.containers': z.strictObject({
    profileId: id,
    prefix: z.string().min(1).max(256).optional(),
    marker: z.string().min(1).max(256).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  }),
  'browse.bucket': z.strictObject({ profileId: id, bucket }),
  'jobs.start': z.strictObject({
    definitionId: id,
    options: jobRunOptions.optional(),
    secrets: secretRefs.optional(),
  }),
  'jobs.list': z.undefined(),
  'jobs.get': jobRef,
  'jobs.pause': jobRef,
  'jobs.resume': jobRef,
  'jobs.cancel': jobRef,
  'jobs.retryFailed': z.strictObject({ id, secrets: secretRefs.optional() }),
  'jobs.setBandwidth': z.strictObject({ id, mb: bandwidthMb }),
  'jobs.provideCredentials': z.strictObject({
    id,
    accessKeyId: z
      .string({ error: 'must be text' })
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(256, { error: 'is too long' }),
    secretAccessKey: secretValue,
    sessionToken: secretValue.optional(),
  }),
  'jobs.report': jobRef,
} satisfies { [C in InvokeChannel]: z.ZodType<InvokeInput<C>> }
