import { z } from 'zod'
import type { InvokeChannel, InvokeInput } from './channels'
import {
  SECRET_FIELDS,
  type JobDefinitionDraft,
  type S3ProfileDraft,
  type SecretValues,
  type SwiftProfileDraft,
} from './profiles'
import type { GlobalBandwidthWindows, ScheduleDraft, SchedulePreviewInput } from './schedules'
import type { SettingsPatch } from './settings'

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

// The Logs screen's view of a log. A run is named by its job id only: main resolves the file.
const logView = {
  jobId: id,
  levels: z
    .array(z.enum(['error', 'warn', 'info', 'debug'], { error: 'must be error, warn, info or debug' }))
    .max(4)
    .optional(),
  search: z
    .string({ error: 'must be text' })
    .max(500, { error: 'is too long (500 characters at most)' })
    .optional(),
  onlyMatches: z.boolean({ error: 'must be true or false' }).optional(),
}

const logRow = z
  .number({ error: 'must be a row number' })
  .int({ error: 'must be a whole number' })
  .min(-1, { error: 'must be -1 or more' })
  .max(4_294_967_295, { error: 'is too large' })

const definitionDraft = record<JobDefinitionDraft>('a migration')

/**
 * A value main's settings store checks, with messages that name the field and its range in full
 * (core/settings/schema.ts); here only the keys are checked, so the two cannot drift apart.
 */
function checkedByStore<T>() {
  return z.custom<T>(() => true).optional()
}

// No channel takes a path from the page: the log folder is chosen in main's own dialog, and the page
// may only put it back to the default.
const settingsPatch: z.ZodType<SettingsPatch> = z.strictObject({
  defaultWorkers: checkedByStore<number>(),
  globalWorkerCap: checkedByStore<number>(),
  globalBandwidthMb: checkedByStore<number | null>(),
  multipartThresholdMb: checkedByStore<number>(),
  partBudgetMb: checkedByStore<number>(),
  logDir: z
    .null({ error: 'can only be put back to the default here; choose another folder with Choose folder' })
    .optional(),
  logRetentionDays: checkedByStore<number | null>(),
  notifications: z
    .strictObject(
      { onFinish: checkedByStore<boolean>(), onCredentials: checkedByStore<boolean>() },
      { error: 'must be an object with onFinish and onCredentials' },
    )
    .optional(),
  closeToTray: checkedByStore<boolean>(),
  runMissedSchedulesAtStartup: checkedByStore<boolean>(),
  startAtLogin: checkedByStore<boolean>(),
})

const startBase = { options: jobRunOptions.optional(), secrets: secretRefs.optional() }

export const inputSchemas = {
  'app.info': z.undefined(),
  'profiles.list': z.undefined(),
  'profiles.get': z.strictObject({ kind: recordKind, id }),
  'profiles.save': profileSave,
  'profiles.delete': z.strictObject({ kind: recordKind, id }),
  'profiles.duplicate': z.strictObject({ kind: recordKind, id, name: name.optional() }),
  'profiles.test': z.strictObject({ kind: z.enum(['swift', 's3']), id, bucket: bucket.optional() }),
  'profiles.awsProfiles': z.undefined(),
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
  'secrets.allowInsecure': z.strictObject({ allow: z.boolean({ error: 'must be true or false' }) }),
  'browse.containers': z.strictObject({
    profileId: id,
    prefix: z.string().min(1).max(256).optional(),
    marker: z.string().min(1).max(256).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  }),
  'browse.bucket': z.strictObject({ profileId: id, bucket }),
  'browse.buckets': z.strictObject({ profileId: id }),
  'browse.createBucket': z.strictObject({ profileId: id, bucket }),
  'browse.bucketMapping': z.strictObject({
    containers: z
      .array(z.string({ error: 'must be container names' }).min(1).max(256), {
        error: 'must be a list of container names',
      })
      .min(1, { error: 'must name at least one container' })
      .max(10_000, { error: 'is more containers than one migration can map' }),
    pattern: z.string({ error: 'must be text' }).min(1, { error: 'must not be empty' }).max(255),
  }),
  'jobs.start': z.union([
    z.strictObject({ definitionId: id, ...startBase }),
    z.strictObject({ definition: definitionDraft, ...startBase }),
  ]),
  'jobs.list': z.undefined(),
  'jobs.get': jobRef,
  'jobs.pause': jobRef,
  'jobs.resume': z.strictObject({ id, secrets: secretRefs.optional() }),
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
  'jobs.reloadCredentials': jobRef,
  'jobs.report': jobRef,
  'logs.list': z.undefined(),
  'logs.read': z.strictObject({
    ...logView,
    from: logRow.min(0, { error: 'must not be negative' }),
    count: z
      .number({ error: 'must be a number of lines' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1' })
      .max(1000, { error: 'must be at most 1000: read a long log page by page' }),
  }),
  'logs.find': z.strictObject({
    ...logView,
    from: logRow,
    direction: z.enum(['next', 'previous'], { error: 'must be next or previous' }),
    target: z.enum(['error', 'match'], { error: 'must be error or match' }),
  }),
  'logs.export': z.strictObject({
    jobId: id,
    what: z.enum(['log', 'json', 'csv', 'html'], { error: 'must be log, json, csv or html' }),
  }),
  'logs.openReport': z.strictObject({ jobId: id }),
  'jobs.cliCommand': z.union([
    z.strictObject({ definitionId: id }),
    z.strictObject({ definition: definitionDraft }),
  ]),
  'settings.get': z.undefined(),
  'settings.save': settingsPatch,
  'settings.chooseLogDir': z.undefined(),
  // The schedule store checks drafts and windows field by field, with the words a form shows
  // ("trigger.time must be HH:MM"); here only that an object came.
  'schedules.list': z.undefined(),
  'schedules.get': z.strictObject({ id }),
  'schedules.save': record<ScheduleDraft>('a schedule'),
  'schedules.delete': z.strictObject({ id }),
  'schedules.setEnabled': z.strictObject({ id, enabled: z.boolean({ error: 'must be true or false' }) }),
  'schedules.runNow': z.strictObject({ id }),
  'schedules.preview': record<SchedulePreviewInput>('a schedule'),
  'schedules.windows.get': z.undefined(),
  'schedules.windows.save': record<GlobalBandwidthWindows>('bandwidth windows'),
} satisfies { [C in InvokeChannel]: z.ZodType<InvokeInput<C>> }
