export { APP_DIR_NAME, defaultConfigDir, type ConfigDirContext } from './config-dir'
export type { Collection } from './collection'
export { CURRENT_SCHEMA_VERSION, profileDocumentSchema, type ProfileDocument } from './document'
export type { JobDefinitionId, ProfileId } from './fields'
export {
  CONTAINER_PLACEHOLDER,
  JOB_DEFAULTS,
  jobDefinitionInputSchema,
  jobDefinitionSchema,
  type JobDefinition,
  type JobDefinitionInput,
} from './job-definition'
export { migrateDocument, MIGRATIONS } from './migrations'
export { PROFILE_FILE, ProfileStore, type ProfileStoreOptions } from './profile-store'
export {
  MissingSecretError,
  resolveJobSpec,
  type JobRunOverrides,
  type MissingSecret,
  type ProfileLookup,
} from './resolve-job-spec'
export {
  s3ProfileInputSchema,
  s3ProfileSchema,
  s3SecretSlots,
  type S3Profile,
  type S3ProfileInput,
} from './s3-profile'
export { copyProfileSecrets, profileSecretRefs } from './secret-copy'
export { profileSecretRef, secretRefSchema, type SecretRef } from './secret-ref'
export {
  swiftProfileInputSchema,
  swiftProfileSchema,
  swiftSecretSlots,
  type SwiftProfile,
  type SwiftProfileInput,
} from './swift-profile'
export { restoreRunSpec, type RestoreOverrides, type RunProfileLookup } from './restore-run-spec'
export { parseOrThrow } from './validation'
