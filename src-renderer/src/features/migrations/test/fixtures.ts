import type { JobSummary } from '../../../../../src-preload/contract/jobs'
import type {
  JobDefinition,
  JobDefinitionId,
  JobEntry,
  ProfileId,
  ProfileList,
  S3Entry,
  SwiftEntry,
} from '../../../../../src-preload/contract/profiles'

const AT = '2025-01-01T00:00:00.000Z'

export function swiftEntry(id: string, name: string): SwiftEntry {
  return {
    kind: 'swift',
    record: {
      id: id as ProfileId,
      name,
      auth: { type: 'v1', authUrl: 'https://swift.example/auth/v1.0', user: 'acct:user' },
      createdAt: AT,
      updatedAt: AT,
    },
    secrets: [{ field: 'key', label: 'key', status: 'set' }],
  }
}

export function s3Entry(
  id: string,
  name: string,
  provider: 'aws' | 's3-compatible' = 's3-compatible',
): S3Entry {
  return {
    kind: 's3',
    record: {
      id: id as ProfileId,
      name,
      provider,
      endpoint: 'https://s3.example',
      region: 'us-east-1',
      credentials: { type: 'keys', accessKeyId: 'AKIA' },
      createdAt: AT,
      updatedAt: AT,
    },
    secrets: [{ field: 'secretAccessKey', label: 'secret access key', status: 'set' }],
  }
}

export function definition(id: string, name: string, patch: Partial<JobDefinition> = {}): JobDefinition {
  return {
    id: id as JobDefinitionId,
    name,
    source: { profileId: 'sw1' as ProfileId, containers: ['photos'], directoryMarkers: 'keep' },
    target: { profileId: 's31' as ProfileId, bucket: 'archive', bucketMode: 'single' },
    options: {
      maxWorkers: 16,
      bandwidthLimitMb: null,
      deep: false,
      mirror: { enabled: false, maxDeletions: 1000 },
      metadata: { userMetadata: 'copy', extra: [], oversized: 'fail' },
    },
    createdAt: AT,
    updatedAt: AT,
    ...patch,
  }
}

export function jobEntry(record: JobDefinition): JobEntry {
  return { kind: 'job', record }
}

export function profileList(patch: Partial<ProfileList> = {}): ProfileList {
  return {
    swift: [swiftEntry('sw1', 'Swift prod')],
    s3: [s3Entry('s31', 'Object store')],
    jobs: [],
    ...patch,
  }
}

export function job(id: string, patch: Partial<JobSummary> = {}): JobSummary {
  return {
    id,
    name: `Run ${id}`,
    definitionId: null,
    profiles: null,
    trigger: 'manual',
    scheduleId: null,
    retryOf: null,
    rerunBy: null,
    state: 'running',
    outcome: null,
    startedBy: 'user',
    createdAt: AT,
    startedAt: AT,
    finishedAt: null,
    requestedWorkers: 16,
    workers: 16,
    bandwidthLimitMb: null,
    totals: {
      objects: 10,
      objectsDone: 5,
      copied: 5,
      skipped: 0,
      failed: 0,
      bytesTotal: 1000,
      bytesDone: 250,
    },
    verification: null,
    error: null,
    exitCode: null,
    logFile: null,
    reports: null,
    mode: 'copy',
    source: { containers: ['photos'], prefix: null },
    target: { bucket: 'archive', endpoint: null, prefix: null },
    queuePosition: null,
    cancelRequested: false,
    ...patch,
  }
}
