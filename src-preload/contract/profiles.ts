import type { LastConnectionTest } from './connections'

/**
 * Saved Swift profiles, S3 profiles and job definitions as they cross the IPC boundary. The shapes
 * mirror what main's profile store keeps (src-main/core/profiles), written out here because the
 * renderer's build may not import main-process code; main's handlers are type-checked against them.
 * Secret fields hold references into main's vault, never values.
 */

import type { MetadataOptions } from './metadata'

/** A Swift or S3 profile's id (a UUID); branded so a job definition's id cannot be passed in its place. */
export type ProfileId = string & { readonly __brand: 'ProfileId' }
/** A saved migration's id (a UUID). */
export type JobDefinitionId = string & { readonly __brand: 'JobDefinitionId' }

/** Where a saved profile points for a secret: a key into main's vault. Not the secret. */
export interface SecretRef {
  secretRef: string
}

/** The secret fields a profile can have, by the name its auth kind uses. */
export const SECRET_FIELDS = [
  'applicationCredentialSecret',
  'password',
  'token',
  'key',
  'secretAccessKey',
] as const

/** One of {@link SECRET_FIELDS}. */
export type SecretField = (typeof SECRET_FIELDS)[number]

/** Secret values the renderer hands to main; main writes them to the vault and never sends them back. */
export type SecretValues = Partial<Record<SecretField, string>>

/**
 * - `set`: stored, and still there after a restart.
 * - `session`: held in memory by main only; asked for again after the app quits.
 * - `unset`: nothing stored.
 */
export type SecretStatus = 'set' | 'session' | 'unset'

/** One secret of a profile: which field, what to call it in the UI, and whether main has it. */
export interface SecretSlot {
  field: SecretField
  /** "application credential secret", "secret access key" … */
  label: string
  status: SecretStatus
}

/** Which kind of saved record a call is about. */
export type RecordKind = 'swift' | 's3' | 'job'

interface SavedTimes {
  createdAt: string
  updatedAt: string
}

interface SwiftCatalog {
  region?: string
  interface?: 'public' | 'internal' | 'admin'
  storageUrl?: string
}

interface SwiftUser {
  userId?: string
  username?: string
  userDomainId?: string
  userDomainName?: string
}

interface SwiftProject {
  projectId?: string
  projectName?: string
  projectDomainId?: string
  projectDomainName?: string
}

/**
 * How a Swift profile authenticates. The secret field of each kind is optional: a saved profile always
 * has the reference, a draft leaves it out (its value travels in `secrets`).
 */
export type SwiftAuthSettings =
  | ({
      type: 'v3applicationcredential'
      authUrl: string
      applicationCredentialId?: string
      applicationCredentialName?: string
      applicationCredentialSecret?: SecretRef
    } & SwiftUser &
      SwiftCatalog)
  | ({ type: 'v3password'; authUrl: string; password?: SecretRef } & SwiftUser & SwiftProject & SwiftCatalog)
  | ({ type: 'v3token'; authUrl: string; token?: SecretRef } & SwiftProject & SwiftCatalog)
  | { type: 'v1'; authUrl: string; user: string; key?: SecretRef; storageUrl?: string }
  | { type: 'preauth'; storageUrl: string; token?: SecretRef }

interface SwiftSettings {
  name: string
  auth: SwiftAuthSettings
  /** PEM text of extra CAs to trust (the renderer reads a chosen file into it; main never gets a path). */
  caBundle?: string
  insecure?: boolean
  proxyUrl?: string
}

/** A saved Swift profile. */
export interface SwiftProfile extends SwiftSettings, SavedTimes {
  id: ProfileId
}

/** A Swift profile as a form submits it: no id to create, the saved id to update. */
export interface SwiftProfileDraft extends SwiftSettings, Partial<SavedTimes> {
  id?: string
}

/** Where an S3 profile's keys come from; see the S3 profile schema in core for the meaning of each. */
export type S3CredentialSettings =
  | { type: 'keys'; accessKeyId: string; secretAccessKey?: SecretRef }
  | { type: 'aws-profile'; profile: string }
  | { type: 'default-chain' }

interface S3Settings {
  name: string
  provider: 'aws' | 's3-compatible'
  region?: string
  endpoint?: string
  forcePathStyle?: boolean
  checksumMode?: 'auto' | 'sdk-default' | 'when-required'
  credentials: S3CredentialSettings
  storageClass?: string
  serverSideEncryption?: 'AES256' | 'aws:kms'
  sseKmsKeyId?: string
  caBundle?: string
  insecure?: boolean
  proxyUrl?: string
}

/** A saved S3 profile. */
export interface S3Profile extends S3Settings, SavedTimes {
  id: ProfileId
}

/** An S3 profile as a form submits it. */
export interface S3ProfileDraft extends S3Settings, Partial<SavedTimes> {
  id?: string
}

/** Which Swift containers a saved migration copies, and which objects in them. */
export interface JobSource {
  profileId: ProfileId
  containers: 'all' | string[]
  prefix?: string
  include?: string[]
  exclude?: string[]
  directoryMarkers: 'keep' | 'skip'
}

/** Where a saved migration writes. */
export interface JobTarget {
  profileId: ProfileId
  /** The bucket, or with `per-container` a pattern containing {container}. */
  bucket: string
  bucketMode: 'single' | 'per-container'
  destPrefix?: string
}

/** How a saved migration runs. */
export interface JobOptions {
  /** Unset: runs started by the app take Settings' `defaultWorkers`. */
  maxWorkers?: number
  /** MB/s; null for no limit. */
  bandwidthLimitMb: number | null
  deep: boolean
  mirror: { enabled: boolean; maxDeletions: number }
  /** Swift user metadata, extra pairs, and what happens to objects over S3's 2 KB (see metadata.ts). */
  metadata: MetadataOptions
  partBudgetMb?: number
  multipartThresholdMb?: number
}

/** A saved migration. */
export interface JobDefinition extends SavedTimes {
  id: JobDefinitionId
  name: string
  source: JobSource
  target: JobTarget
  options: JobOptions
}

/** A saved migration as a form submits it; main fills in the defaults of what it leaves out. */
export interface JobDefinitionDraft extends Partial<SavedTimes> {
  id?: string
  name: string
  source: Omit<JobSource, 'profileId' | 'directoryMarkers'> & {
    profileId: string
    directoryMarkers?: JobSource['directoryMarkers']
  }
  target: Omit<JobTarget, 'profileId' | 'bucketMode'> & {
    profileId: string
    bucketMode?: JobTarget['bucketMode']
  }
  options?: Partial<Omit<JobOptions, 'mirror' | 'metadata'>> & {
    mirror?: Partial<JobOptions['mirror']>
    metadata?: Partial<MetadataOptions>
  }
}

/** A saved Swift profile with the status of each of its secrets. */
export interface SwiftEntry {
  kind: 'swift'
  record: SwiftProfile
  secrets: SecretSlot[]
  /** The last "Test connection" of these settings and secrets; absent when never tested since they changed. */
  lastTest?: LastConnectionTest
}

/** A saved S3 profile with the status of each of its secrets (none unless it uses keys). */
export interface S3Entry {
  kind: 's3'
  record: S3Profile
  secrets: SecretSlot[]
  /** The last "Test connection" of these settings and secrets; absent when never tested since they changed. */
  lastTest?: LastConnectionTest
}

/** A saved migration. It has no secrets of its own: its profiles hold them. */
export interface JobEntry {
  kind: 'job'
  record: JobDefinition
}

/** Any saved record, as `profiles.get` returns it. */
export type SavedEntry = SwiftEntry | S3Entry | JobEntry

/** Everything saved, each list sorted by name. */
export interface ProfileList {
  swift: SwiftEntry[]
  s3: S3Entry[]
  jobs: JobEntry[]
}

/** Input of `profiles.save`: the record to create or update, and for profiles the secrets to store. */
export type ProfileSaveInput =
  | {
      kind: 'swift'
      record: SwiftProfileDraft
      secrets?: SecretValues
      /** From `profiles.import`: also store the secrets found in the imported file. */
      importId?: string
    }
  | { kind: 's3'; record: S3ProfileDraft; secrets?: SecretValues }
  | { kind: 'job'; record: JobDefinitionDraft }

/** What `profiles.save` and `profiles.duplicate` return. */
export interface ProfileSaveResult {
  entry: SavedEntry
  /**
   * Things the user should know that did not stop the save, e.g. that a secret is kept for this
   * session only because the system has no keyring.
   */
  notices: string[]
}

/** Input of `profiles.get` and `profiles.delete`. */
export interface RecordRef {
  kind: RecordKind
  id: string
}

/** What `profiles.delete` removed. */
export interface DeletedRecord {
  kind: RecordKind
  id: string
  name: string
}
