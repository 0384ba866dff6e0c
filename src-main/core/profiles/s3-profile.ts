import { z } from 'zod'
import {
  echoedTimestamps,
  expected,
  httpUrlSchema,
  nameSchema,
  pemSchema,
  profileIdSchema,
  textSchema,
  timestampSchema,
} from './fields'
import { lastTestSchema } from './last-test'
import { profileSecretRef, secretRefSchema, withoutSecretValues, type SecretRef } from './secret-ref'

/** The secret of key credentials, with the words the UI uses when asking for it. */
export const S3_SECRET_FIELDS = { secretAccessKey: 'secret access key' } as const

/**
 * Where the S3 keys come from:
 * - `keys`: an access key id (stored) and its secret (in the vault);
 * - `aws-profile`: a profile in ~/.aws/config and ~/.aws/credentials, read by the SDK at run time
 *   (SSO, credential_process and role chains work there, and nothing secret is copied into the app);
 * - `default-chain`: the SDK's own search (environment, instance or container role).
 */
function credentialsSchema<S extends z.ZodType<SecretRef | undefined>>(slot: S) {
  return z.discriminatedUnion(
    'type',
    [
      z.strictObject({
        type: z.literal('keys'),
        accessKeyId: textSchema.regex(/^\S+$/, { error: 'must not contain spaces' }),
        secretAccessKey: slot,
      }),
      z.strictObject({ type: z.literal('aws-profile'), profile: textSchema }),
      z.strictObject({ type: z.literal('default-chain') }),
    ],
    { error: 'must be one of keys, aws-profile, default-chain' },
  )
}

function s3ProfileShape<S extends z.ZodType<SecretRef | undefined>>(slot: S) {
  return {
    name: nameSchema,
    /** `aws` applies AWS's bucket rules and checksum defaults; anything else needs an endpoint. */
    provider: z.enum(['aws', 's3-compatible']),
    region: textSchema.optional(),
    endpoint: httpUrlSchema('https://s3.example.com').optional(),
    forcePathStyle: z.boolean({ error: expected('must be true or false') }).optional(),
    checksumMode: z.enum(['auto', 'sdk-default', 'when-required']).optional(),
    credentials: credentialsSchema(slot),
    storageClass: z
      .string()
      .regex(/^[A-Z0-9_]{1,64}$/, { error: 'must be a storage class name such as STANDARD_IA' })
      .optional(),
    serverSideEncryption: z.enum(['AES256', 'aws:kms']).optional(),
    sseKmsKeyId: textSchema.optional(),
    caBundle: pemSchema.optional(),
    insecure: z.boolean({ error: expected('must be true or false') }).optional(),
    proxyUrl: httpUrlSchema('http://proxy.example.com:3128').optional(),
  }
}

function s3Rules(
  profile: {
    provider: string
    endpoint?: string | undefined
    serverSideEncryption?: string | undefined
    sseKmsKeyId?: string | undefined
  },
  ctx: z.core.$RefinementCtx,
): void {
  if (profile.provider === 's3-compatible' && !profile.endpoint) {
    ctx.addIssue({ code: 'custom', message: 'is required for an S3-compatible server', path: ['endpoint'] })
  }
  if (profile.sseKmsKeyId && profile.serverSideEncryption !== 'aws:kms') {
    ctx.addIssue({
      code: 'custom',
      message: 'only applies with serverSideEncryption aws:kms',
      path: ['sseKmsKeyId'],
    })
  }
}

const storedS3Profile = z
  .strictObject({
    id: profileIdSchema,
    ...s3ProfileShape(secretRefSchema),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    /** Set by the store after a connection test, never from a draft. */
    lastTest: lastTestSchema.optional(),
  })
  .superRefine(s3Rules)

const s3ProfileDraft = z
  .strictObject({
    id: profileIdSchema.optional(),
    ...s3ProfileShape(secretRefSchema.optional()),
    ...echoedTimestamps,
  })
  .superRefine(s3Rules)

/** A saved S3 target: everything but the secret key, which is a reference into the vault. */
export const s3ProfileSchema = withoutSecretValues(storedS3Profile)
/** What a form (or the `profile.save` IPC call) submits. */
export const s3ProfileInputSchema = withoutSecretValues(s3ProfileDraft)

export type S3Profile = z.infer<typeof storedS3Profile>
export type S3ProfileInput = z.input<typeof s3ProfileDraft>
export type StoredS3Credentials = S3Profile['credentials']

/** The secret fields of a profile (none unless it uses keys), with vault references and labels. */
export function s3SecretSlots(
  profile: Pick<S3Profile, 'id' | 'credentials'>,
): { field: string; label: string; ref: string }[] {
  if (profile.credentials.type !== 'keys') return []
  return Object.entries(S3_SECRET_FIELDS).map(([field, label]) => ({
    field,
    label,
    ref: profileSecretRef(profile.id, field),
  }))
}

/** The credentials as stored, the secret key pointing at the profile's own vault entry. */
export function withS3SecretRefs(
  id: string,
  credentials: z.output<typeof s3ProfileDraft>['credentials'],
): StoredS3Credentials {
  if (credentials.type !== 'keys') return credentials
  return { ...credentials, secretAccessKey: { secretRef: profileSecretRef(id, 'secretAccessKey') } }
}

/** A submitted S3 profile after validation, before the store gives it an id and timestamps. */
export type S3ProfileDraft = z.output<typeof s3ProfileDraft>
