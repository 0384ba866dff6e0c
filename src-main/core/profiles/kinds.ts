import { AppError } from '../errors'
import { validateBucketName } from '../s3/options'
import type { KindSpec } from './collection'
import type { ProfileDocument } from './document'
import type { JobDefinitionId, ProfileId } from './fields'
import {
  CONTAINER_PLACEHOLDER,
  jobDefinitionInputSchema,
  jobDefinitionSchema,
  type JobDefinition,
  type JobDefinitionDraft,
} from './job-definition'
import { sameConnection } from './last-test'
import {
  s3ProfileInputSchema,
  s3ProfileSchema,
  withS3SecretRefs,
  type S3Profile,
  type S3ProfileDraft,
} from './s3-profile'
import {
  swiftProfileInputSchema,
  swiftProfileSchema,
  withSwiftSecretRefs,
  type SwiftProfile,
  type SwiftProfileDraft,
} from './swift-profile'

function jobsUsing(document: ProfileDocument, side: 'source' | 'target', profileId: string): JobDefinition[] {
  return document.jobDefinitions.filter((job) => job[side].profileId === profileId)
}

function refuseIfUsed(label: string, name: string, jobs: JobDefinition[]): void {
  if (jobs.length === 0) return
  const names = jobs.map((job) => `"${job.name}"`).join(', ')
  throw new AppError(
    'CONFLICT',
    `The ${label} "${name}" is used by the saved migration${jobs.length > 1 ? 's' : ''} ${names}; ` +
      'change or delete those first.',
    'id',
  )
}

/** A renamed profile keeps its last test; one whose endpoint, auth, region or keys changed drops it. */
function keepLastTest<P extends SwiftProfile | S3Profile>(previous: P, next: P): P {
  if (previous.lastTest === undefined || !sameConnection(previous, next)) return next
  return { ...next, lastTest: previous.lastTest }
}

export const swiftKind: KindSpec<'swiftProfiles', SwiftProfileDraft> = {
  key: 'swiftProfiles',
  label: 'Swift profile',
  input: swiftProfileInputSchema,
  stored: swiftProfileSchema,
  build: (draft, meta) => ({
    id: meta.id as ProfileId,
    ...draft,
    auth: withSwiftSecretRefs(meta.id, draft.auth),
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
  }),
  carry: keepLastTest,
  beforeDelete: (profile, document) =>
    refuseIfUsed('Swift profile', profile.name, jobsUsing(document, 'source', profile.id)),
}

export const s3Kind: KindSpec<'s3Profiles', S3ProfileDraft> = {
  key: 's3Profiles',
  label: 'S3 profile',
  input: s3ProfileInputSchema,
  stored: s3ProfileSchema,
  build: (draft, meta) => ({
    id: meta.id as ProfileId,
    ...draft,
    credentials: withS3SecretRefs(meta.id, draft.credentials),
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
  }),
  carry: keepLastTest,
  beforeDelete: (profile, document) =>
    refuseIfUsed('S3 profile', profile.name, jobsUsing(document, 'target', profile.id)),
}

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION', `Saved migration: ${field} ${message}`, field)
}

export const jobKind: KindSpec<'jobDefinitions', JobDefinitionDraft> = {
  key: 'jobDefinitions',
  label: 'saved migration',
  input: jobDefinitionInputSchema,
  stored: jobDefinitionSchema,
  build: (draft, meta) => ({
    id: meta.id as JobDefinitionId,
    ...draft,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
  }),
  check: (job, document) => {
    if (!document.swiftProfiles.some((p) => p.id === job.source.profileId)) {
      throw invalid('source.profileId', 'does not match any saved Swift profile')
    }
    const target = document.s3Profiles.find((p) => p.id === job.target.profileId)
    if (target === undefined) throw invalid('target.profileId', 'does not match any saved S3 profile')
    // AWS's bucket rules only where the bucket is on AWS; a pattern is checked with a sample container.
    const sample = job.target.bucket.split(CONTAINER_PLACEHOLDER).join('abc')
    try {
      validateBucketName(sample, target.provider === 'aws')
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      throw invalid(
        'target.bucket',
        `is not valid: ${error.message.split(`"${sample}"`).join(`"${job.target.bucket}"`)}`,
      )
    }
  },
}
