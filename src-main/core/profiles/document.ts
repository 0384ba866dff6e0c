import { z } from 'zod'
import { jobDefinitionSchema, type JobDefinition } from './job-definition'
import { s3ProfileSchema, type S3Profile } from './s3-profile'
import { swiftProfileSchema, type SwiftProfile } from './swift-profile'

/** Raised by one whenever the stored shape changes; migrations.ts then gets a step to it. */
export const CURRENT_SCHEMA_VERSION = 3

/**
 * Everything the profile store keeps, as one versioned JSON document: one file is read and replaced
 * whole, so a profile and the job that uses it can never be half-written relative to each other.
 */
export const profileDocumentSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  swiftProfiles: z.array(swiftProfileSchema),
  s3Profiles: z.array(s3ProfileSchema),
  jobDefinitions: z.array(jobDefinitionSchema),
})

/** The kinds of record the store keeps, by the document key that holds them. */
export interface StoredRecords {
  swiftProfiles: SwiftProfile
  s3Profiles: S3Profile
  jobDefinitions: JobDefinition
}

export type ProfileDocument = { schemaVersion: typeof CURRENT_SCHEMA_VERSION } & {
  [K in keyof StoredRecords]: StoredRecords[K][]
}

export function emptyDocument(): ProfileDocument {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, swiftProfiles: [], s3Profiles: [], jobDefinitions: [] }
}
