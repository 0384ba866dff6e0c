import { z } from 'zod'
import type { SwiftAuth, SwiftAuthType } from '../swift/types'
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

const KEYSTONE_URL = 'https://keystone.example.com:5000/v3'
const STORAGE_URL = 'https://swift.example.com/v1/AUTH_project'
const V1_AUTH_URL = 'https://swift.example.com/auth/v1.0'

/** The fields of each auth kind that hold a secret, with the words the UI uses when asking for one. */
export const SWIFT_SECRET_FIELDS = {
  v3applicationcredential: { applicationCredentialSecret: 'application credential secret' },
  v3password: { password: 'password' },
  v3token: { token: 'Keystone token' },
  v1: { key: 'key' },
  preauth: { token: 'auth token' },
} as const satisfies Record<SwiftAuthType, Record<string, string>>

const catalog = {
  region: textSchema.optional(),
  interface: z.enum(['public', 'internal', 'admin']).optional(),
  storageUrl: httpUrlSchema(STORAGE_URL).optional(),
}

const user = {
  userId: textSchema.optional(),
  username: textSchema.optional(),
  userDomainId: textSchema.optional(),
  userDomainName: textSchema.optional(),
}

const project = {
  projectId: textSchema.optional(),
  projectName: textSchema.optional(),
  projectDomainId: textSchema.optional(),
  projectDomainName: textSchema.optional(),
}

type Ctx = z.core.$RefinementCtx
type Fields = Partial<Record<string, unknown>>

function missing(ctx: Ctx, field: string, hint: string): void {
  ctx.addIssue({ code: 'custom', message: `is required: ${hint}`, path: [field] })
}

// The same rules as the importers (swift/config/build-auth.ts), so a profile saved here authenticates there.
function needUserDomain(auth: Fields, ctx: Ctx): void {
  if (!auth['userDomainName'] && !auth['userDomainId']) {
    missing(ctx, 'userDomainName', 'the domain of the user, usually Default (or give userDomainId)')
  }
}

function needUser(auth: Fields, ctx: Ctx, hint: string): void {
  if (auth['userId']) return
  if (!auth['username']) missing(ctx, 'username', hint)
  needUserDomain(auth, ctx)
}

function needProject(auth: Fields, ctx: Ctx): void {
  if (auth['projectId']) return
  if (!auth['projectName'])
    missing(ctx, 'projectName', 'the project that owns the containers (or give projectId)')
  if (!auth['projectDomainName'] && !auth['projectDomainId']) {
    missing(ctx, 'projectDomainName', 'the domain of the project, usually Default (or give projectDomainId)')
  }
}

/** The auth union with secrets as references; `slot` decides whether a reference must be present. */
function swiftAuthSchema<S extends z.ZodType<SecretRef | undefined>>(slot: S) {
  return z.discriminatedUnion(
    'type',
    [
      z
        .strictObject({
          type: z.literal('v3applicationcredential'),
          authUrl: httpUrlSchema(KEYSTONE_URL),
          applicationCredentialId: textSchema.optional(),
          applicationCredentialName: textSchema.optional(),
          applicationCredentialSecret: slot,
          ...user,
          ...catalog,
        })
        .superRefine((auth, ctx) => {
          // An application credential is found by id, or by name within its owner's credentials.
          if (auth.applicationCredentialId) return
          if (!auth.applicationCredentialName) {
            missing(
              ctx,
              'applicationCredentialId',
              'or give applicationCredentialName with the user who owns it',
            )
          }
          needUser(auth, ctx, 'an application credential given by name also needs its owner (or give userId)')
        }),
      z
        .strictObject({
          type: z.literal('v3password'),
          authUrl: httpUrlSchema(KEYSTONE_URL),
          ...user,
          password: slot,
          ...project,
          ...catalog,
        })
        .superRefine((auth, ctx) => {
          needUser(auth, ctx, 'your OpenStack user name (or give userId)')
          needProject(auth, ctx)
        }),
      z
        .strictObject({
          type: z.literal('v3token'),
          authUrl: httpUrlSchema(KEYSTONE_URL),
          token: slot,
          ...project,
          ...catalog,
        })
        .superRefine((auth, ctx) => needProject(auth, ctx)),
      z.strictObject({
        type: z.literal('v1'),
        authUrl: httpUrlSchema(V1_AUTH_URL),
        user: textSchema,
        key: slot,
        storageUrl: httpUrlSchema(STORAGE_URL).optional(),
      }),
      z.strictObject({ type: z.literal('preauth'), storageUrl: httpUrlSchema(STORAGE_URL), token: slot }),
    ],
    { error: 'must be one of v3applicationcredential, v3password, v3token, v1, preauth' },
  )
}

const connection = {
  /** PEM text of extra CAs to trust; public, so stored inline (the shell reads a chosen file into it). */
  caBundle: pemSchema.optional(),
  /** Skip TLS verification. Never the default. */
  insecure: z.boolean({ error: expected('must be true or false') }).optional(),
  proxyUrl: httpUrlSchema('http://proxy.example.com:3128').optional(),
}

const storedSwiftProfile = z.strictObject({
  id: profileIdSchema,
  name: nameSchema,
  auth: swiftAuthSchema(secretRefSchema),
  ...connection,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** Set by the store after a connection test, never from a draft. */
  lastTest: lastTestSchema.optional(),
})

const swiftProfileDraft = z.strictObject({
  /** Present when updating; a new profile gets its id from the store. */
  id: profileIdSchema.optional(),
  name: nameSchema,
  // Optional: the store points every secret field at the profile's own vault entry anyway.
  auth: swiftAuthSchema(secretRefSchema.optional()),
  ...connection,
  ...echoedTimestamps,
})

/** A saved Swift profile: connection settings and references to its secrets, never the secrets. */
export const swiftProfileSchema = withoutSecretValues(storedSwiftProfile)
/** What a form (or the `profile.save` IPC call) submits; secrets go to the vault separately. */
export const swiftProfileInputSchema = withoutSecretValues(swiftProfileDraft)

export type SwiftProfile = z.infer<typeof storedSwiftProfile>
export type SwiftProfileInput = z.input<typeof swiftProfileDraft>
export type StoredSwiftAuth = SwiftProfile['auth']

/** The secret fields of a profile's auth, each with its vault reference and label. */
export function swiftSecretSlots(
  profile: Pick<SwiftProfile, 'id' | 'auth'>,
): { field: string; label: string; ref: string }[] {
  return Object.entries(SWIFT_SECRET_FIELDS[profile.auth.type]).map(([field, label]) => ({
    field,
    label,
    ref: profileSecretRef(profile.id, field),
  }))
}

/** The auth as stored, with every secret field pointing at the profile's own vault entry. */
export function withSwiftSecretRefs(
  id: string,
  auth: z.output<typeof swiftProfileDraft>['auth'],
): StoredSwiftAuth {
  const refs = Object.fromEntries(
    Object.keys(SWIFT_SECRET_FIELDS[auth.type]).map((field) => [
      field,
      { secretRef: profileSecretRef(id, field) },
    ]),
  )
  return { ...auth, ...refs } as StoredSwiftAuth
}

/** A submitted Swift profile after validation, before the store gives it an id and timestamps. */
export type SwiftProfileDraft = z.output<typeof swiftProfileDraft>

/**
 * The engine's SwiftAuth from a stored auth and its secret values by field. Written out per kind so the
 * compiler checks that every secret field is filled.
 */
export function toSwiftAuth(auth: StoredSwiftAuth, secrets: Readonly<Record<string, string>>): SwiftAuth {
  const secret = (field: string): string => secrets[field] ?? ''
  switch (auth.type) {
    case 'v3applicationcredential':
      return { ...auth, applicationCredentialSecret: secret('applicationCredentialSecret') }
    case 'v3password':
      return { ...auth, password: secret('password') }
    case 'v3token':
      return { ...auth, token: secret('token') }
    case 'v1':
      return { ...auth, key: secret('key') }
    case 'preauth':
      return { ...auth, token: secret('token') }
  }
}
