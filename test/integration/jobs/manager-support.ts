import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { JobManager } from '../../../src-main/core/jobs/job-manager'
import type { JobManagerEvent, JobSummary } from '../../../src-main/core/jobs/job-manager-types'
import type { JobSpec } from '../../../src-main/core/jobs/job-spec'
import { servers, tempauth } from '../support/swift-clients'

/** Specs and event waits for the job manager's tests on the real servers. */

/** A run of one container into one bucket on the loopback servers, with its own log folder. */
export function jobSpec(
  container: string,
  bucket: string,
  options: Partial<JobSpec['options']> = {},
): JobSpec {
  return {
    source: { auth: tempauth(), tls: {}, containers: [container], directoryMarkers: 'keep' },
    target: {
      bucket,
      endpoint: servers.s3.endpoint,
      region: servers.s3.region,
      credentials: { accessKeyId: servers.s3.accessKeyId, secretAccessKey: servers.s3.secretAccessKey },
      bucketMode: 'single',
    },
    options: {
      maxWorkers: 4,
      bandwidthLimitMb: null,
      dryRun: false,
      verifyOnly: false,
      deep: false,
      mirror: { enabled: false, maxDeletions: 0 },
      ...options,
    },
    output: { logDir: mkdtempSync(join(tmpdir(), 'jobs-log-')) },
  }
}

/** Resolves with the first event that matches; fails the test on a timeout instead of hanging. */
export function next(manager: JobManager, match: (event: JobManagerEvent) => boolean, ms = 30_000) {
  return new Promise<JobManagerEvent>((resolve, reject) => {
    const timer = setTimeout(() => (off(), reject(new Error('no matching job event'))), ms)
    const off = manager.on((event) => {
      if (!match(event)) return
      clearTimeout(timer)
      off()
      resolve(event)
    })
  })
}

export const inState = (id: string, state: JobSummary['state']) => (e: JobManagerEvent) =>
  e.type === 'job-state' && e.job.id === id && e.job.state === state

export const objectsDone = (id: string, n: number) => (e: JobManagerEvent) =>
  e.type === 'job-progress' && e.id === id && e.progress.objects.done >= n

export function verified(job: JobSummary): number {
  return (job.verification?.['verified-md5'] ?? 0) + (job.verification?.['verified-recorded'] ?? 0)
}
