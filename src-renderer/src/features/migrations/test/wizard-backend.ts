import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { JobPlanSummary, JobReportView, JobSummary } from '../../../../../src-preload/contract/jobs'
import { fakeApi, type FakeHandlers } from './fake-api'
import { definition, job, jobEntry, profileList } from './fixtures'

/** The New Migration wizard's fake backend and the steps tests walk through, shared by its test files. */

const CONTAINERS = [
  { name: 'logs', count: 3, bytes: 1200 },
  { name: 'photos', count: 20, bytes: 40_960 },
  { name: 'photos-old', count: 7, bytes: 5_000_000 },
]

export function report(id: string, plan: JobPlanSummary): JobReportView {
  return {
    id,
    files: { log: null, json: null, csv: null, html: null },
    summary: {
      outcome: 'completed',
      error: null,
      mode: 'dry-run',
      startedAt: '2025-01-01T00:00:00.000Z',
      finishedAt: '2025-01-01T00:00:01.000Z',
      durationSeconds: 1,
      totals: {
        objects: plan.copy + plan.skip,
        copied: 0,
        skipped: 0,
        failed: 0,
        bytesCopied: 0,
        bytesTotal: plan.copyBytes,
        verification: { 'verified-md5': 0, 'verified-recorded': 0, mismatched: 0, missing: 0 },
        extras: plan.extras,
        extrasDeleted: 0,
      },
      throughput: 0,
      plan,
      failures: [],
    },
  }
}

/** A backend with one Swift account, one S3 store and a dry run that finishes when told to. */
export function backend(extra: FakeHandlers = {}) {
  let dryRun: JobSummary | null = null
  const handlers: FakeHandlers = {
    'profiles.list': () => profileList(),
    'jobs.list': () => [],
    'browse.containers': ({ prefix }) => ({
      containers: CONTAINERS.filter((c) => prefix === undefined || c.name.startsWith(prefix)),
    }),
    'browse.buckets': () => ({ buckets: ['archive', 'other'] }),
    'browse.bucket': ({ bucket }) =>
      bucket === 'archive'
        ? { bucket, exists: true, region: 'us-east-1' }
        : {
            bucket,
            exists: false,
            error: { code: 'NOT_FOUND', message: `The bucket ${bucket} does not exist.`, field: 'bucket' },
          },
    'browse.createBucket': ({ bucket }) => ({ bucket, exists: true, region: 'us-east-1' }),
    // Main names the buckets (core/transfer/bucket-naming.ts); a simple stand-in here.
    'browse.bucketMapping': ({ containers, pattern }) => ({
      rows: containers.map((container) => ({
        container,
        bucket: pattern.replace('{container}', container.toLowerCase()),
        changed: false,
      })),
    }),
    'jobs.start': (input) => {
      if (input.options?.dryRun) return job('dry1', { state: 'planning', mode: 'dry-run' })
      return job('run1', { state: 'queued' })
    },
    'jobs.get': ({ id }) => ({ ...(dryRun ?? job(id)), progress: null, events: [], spec: {} as never }),
    'jobs.report': ({ id }) => report(id, { copy: 20, copyBytes: 40_000_000, skip: 5, extras: 2, delete: 0 }),
    'profiles.save': ({ record }) => ({
      entry: jobEntry(definition('new1', (record as { name: string }).name)),
      notices: [],
    }),
    ...extra,
  }
  // A test's own jobs.start still answers; the dry run it returns is kept for finishDryRun.
  const start = handlers['jobs.start']!
  handlers['jobs.start'] = async (input) => {
    const answer = await start(input)
    if (input.options?.dryRun) dryRun = answer
    return answer
  }
  const api = fakeApi(handlers)
  const finishDryRun = (): void =>
    act(() => {
      dryRun = { ...dryRun!, state: 'done', outcome: 'completed' }
      api.emit('job.state', dryRun)
    })
  return { api, finishDryRun }
}

export const next = () => userEvent.click(screen.getByRole('button', { name: 'Next' }))

export async function walkToOptions(): Promise<void> {
  await userEvent.click(await screen.findByRole('radio', { name: /Swift prod/ }))
  await next()
  await userEvent.click(await screen.findByRole('checkbox', { name: 'Select photos' }))
  await next()
  await userEvent.click(await screen.findByRole('radio', { name: /Object store/ }))
  await next()
  await userEvent.type(await screen.findByRole('combobox', { name: /^Bucket/ }), 'archive')
  await next()
}
