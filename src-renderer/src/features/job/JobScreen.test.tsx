import { MantineProvider } from '@mantine/core'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { JobReportView } from '../../../../src-preload/contract/jobs'
import { setApi } from '../../ipc/bridge'
import { resetJobsStore, useJobsStore } from '../../stores/jobs'
import { useNavigation } from '../../stores/navigation'
import { JobScreen } from './JobScreen'
import { detail, fakeJobsApi, FakeFailure, progress, summary } from './test-support'

function renderJob(id = 'job-1') {
  useNavigation.setState({ screen: 'job', path: [id] })
  return render(
    <MantineProvider>
      <JobScreen />
    </MantineProvider>,
  )
}

beforeEach(() => {
  window.location.hash = ''
})
afterEach(() => resetJobsStore())

const report = (overrides: Partial<NonNullable<JobReportView['summary']>> = {}): JobReportView => ({
  id: 'job-1',
  files: { log: 'run.log', json: 'run.json', csv: 'run.csv', html: 'run.html' },
  summary: {
    outcome: 'completed-with-failures',
    error: null,
    mode: 'copy',
    startedAt: '2025-05-01T10:00:01.000Z',
    finishedAt: '2025-05-01T10:00:21.000Z',
    durationSeconds: 20,
    totals: {
      objects: 20,
      copied: 18,
      skipped: 0,
      failed: 2,
      bytesCopied: 18_000_000,
      bytesTotal: 20_000_000,
      verification: { 'verified-md5': 18, 'verified-recorded': 0, mismatched: 0, missing: 2 },
      extras: 0,
      extrasDeleted: 0,
    },
    throughput: 900_000,
    plan: null,
    failures: [
      { key: 'photos/a.jpg', reason: 'Swift answered 404' },
      { key: 'photos/b.jpg', reason: 'Connection reset' },
    ],
    ...overrides,
  },
})

describe('job view', () => {
  it('shows objects and bytes with their share, the rate, time left and the counts', async () => {
    setApi(fakeJobsApi({ 'jobs.get': () => detail() }).api)
    renderJob()
    expect(await screen.findByRole('heading', { level: 1, name: 'Photos to S3' })).toBeInTheDocument()
    expect(screen.getByTestId('progress-objects')).toHaveTextContent('10 of 2050%')
    expect(screen.getByTestId('progress-bytes')).toHaveTextContent('10.0 MB of 20.0 MB50%')
    expect(screen.getByTestId('stat-rate')).toHaveTextContent('1.00 MB/s')
    expect(screen.getByTestId('stat-time-left')).toHaveTextContent('10s')
    expect(screen.getByTestId('stat-copied')).toHaveTextContent('9')
    expect(screen.getByTestId('stat-skipped')).toHaveTextContent('1')
    expect(screen.getByTestId('stat-failed')).toHaveTextContent('0')
    expect(screen.getByTestId('job-route')).toHaveTextContent('photos')
    expect(screen.getByTestId('job-route')).toHaveTextContent('photos-archive (127.0.0.1:18080)')
    expect(screen.getByRole('progressbar', { name: /Objects: 10 of 20/ })).toBeInTheDocument()
  })

  it('draws the chart from main’s samples and follows job.progress events', async () => {
    const fake = fakeJobsApi({ 'jobs.get': () => detail() })
    setApi(fake.api)
    renderJob()
    const chart = await screen.findByTestId('throughput-chart')
    expect(chart).toHaveAttribute('data-points', '10')
    expect(chart).toHaveAccessibleName(/now 1\.00 MB\/s/)
    const samples = Array.from({ length: 12 }, (_, i): [number, number] => [
      i + 1,
      i < 10 ? 1_000_000 : 2_000_000,
    ])
    act(() =>
      fake.emit('job.progress', {
        id: 'job-1',
        progress: progress({
          samples,
          objects: { total: 20, done: 15, copied: 14, skipped: 1, failed: 0 },
          rate: 2_000_000,
        }),
      }),
    )
    expect(screen.getByTestId('throughput-chart')).toHaveAttribute('data-points', '12')
    expect(screen.getByTestId('throughput-chart')).toHaveAccessibleName(/now 2\.00 MB\/s.*peak 2\.00 MB\/s/)
    expect(screen.getByTestId('progress-objects')).toHaveTextContent('15 of 2075%')
  })

  it('shows a share and the time left from main’s estimate until the listing is complete, then the exact ones', async () => {
    const listing = progress({
      planned: false,
      etaSeconds: null,
      objects: { total: 12, done: 10, copied: 10, skipped: 0, failed: 0 },
      bytes: { total: 12_000_000, done: 10_000_000 },
      estimate: { objects: 400, bytes: 400_000_000, etaSeconds: 7_800 },
    })
    const fake = fakeJobsApi({ 'jobs.get': () => detail({ progress: listing }) })
    setApi(fake.api)
    renderJob()
    expect(await screen.findByTestId('progress-objects')).toHaveTextContent('10 of about 4002%')
    expect(screen.getByTestId('progress-bytes')).toHaveTextContent('10.0 MB of about 400 MB2%')
    expect(screen.getByTestId('stat-time-left')).toHaveTextContent('about 2h 10m')
    expect(screen.getByTestId('estimate-note')).toHaveTextContent(/Estimated from the containers/)

    // Paused: nothing moves, so no time left, but the estimated share stays.
    act(() => fake.emit('job.state', summary({ state: 'paused' })))
    expect(screen.getByTestId('stat-time-left')).toHaveTextContent('—')
    expect(screen.getByTestId('progress-bytes')).toHaveTextContent('2%')

    act(() => fake.emit('job.state', summary({ state: 'running' })))
    act(() =>
      fake.emit('job.progress', {
        id: 'job-1',
        progress: progress({
          objects: { total: 380, done: 190, copied: 190, skipped: 0, failed: 0 },
          bytes: { total: 380_000_000, done: 190_000_000 },
          etaSeconds: 190,
        }),
      }),
    )
    expect(screen.getByTestId('progress-objects')).toHaveTextContent('190 of 38050%')
    expect(screen.getByTestId('stat-time-left')).toHaveTextContent(/^3m 10s$/)
    expect(screen.queryByTestId('estimate-note')).not.toBeInTheDocument()
  })

  it('says "after listing" when main can make no estimate (a prefix or a filter)', async () => {
    const listing = progress({
      planned: false,
      etaSeconds: null,
      objects: { total: 12, done: 10, copied: 10, skipped: 0, failed: 0 },
      estimate: null,
    })
    setApi(fakeJobsApi({ 'jobs.get': () => detail({ progress: listing }) }).api)
    renderJob()
    expect(await screen.findByTestId('progress-objects')).toHaveTextContent('10 of at least 12')
    expect(screen.getByTestId('progress-objects')).not.toHaveTextContent('%')
    expect(screen.getByTestId('stat-time-left')).toHaveTextContent('After listing')
  })

  it('lists what each worker is on', async () => {
    setApi(fakeJobsApi({ 'jobs.get': () => detail() }).api)
    renderJob()
    const workers = await screen.findByRole('list', { name: 'Objects in flight' })
    expect(within(workers).getByLabelText('Worker 1: photos/2024/summer/IMG_0001.jpg')).toBeInTheDocument()
    expect(within(workers).getByLabelText('Worker 2: photos/2024/summer/IMG_0002.jpg')).toBeInTheDocument()
  })

  it('lists failures with their reasons while running, then the report’s, and retries them as a new run', async () => {
    let current = detail({
      progress: progress({ objects: { total: 20, done: 10, copied: 9, skipped: 0, failed: 1 } }),
      events: [
        {
          at: '2025-05-01T10:00:05.000Z',
          container: 'photos',
          event: {
            type: 'object-failed',
            key: 'photos/a.jpg',
            reason: 'Swift answered 404',
            attempts: 3,
          } as {
            type: string
          },
        },
        { at: '2025-05-01T10:00:06.000Z', container: 'photos', event: { type: 'warning' } },
      ],
    })
    const fake = fakeJobsApi({
      'jobs.get': () => current,
      'jobs.report': () => report(),
      'jobs.retryFailed': () => summary({ id: 'job-2', retryOf: 'job-1', state: 'queued' }),
    })
    setApi(fake.api)
    renderJob()
    const table = await screen.findByTestId('failures-table')
    expect(within(table).getByText('photos/a.jpg')).toBeInTheDocument()
    expect(within(table).getByText(/Swift answered 404/)).toBeInTheDocument()
    expect(within(table).getByText('(3 attempts)')).toBeInTheDocument()
    // A running job cannot be retried yet.
    expect(screen.queryByRole('button', { name: 'Retry failed' })).not.toBeInTheDocument()

    const done = summary({
      state: 'done',
      outcome: 'completed-with-failures',
      finishedAt: '2025-05-01T10:00:21.000Z',
      totals: {
        objects: 20,
        objectsDone: 20,
        copied: 18,
        skipped: 0,
        failed: 2,
        bytesTotal: 2e7,
        bytesDone: 2e7,
      },
      verification: { 'verified-md5': 18, 'verified-recorded': 0, mismatched: 0, missing: 2, extras: 0 },
      reports: { json: '/l/run.json', csv: '/l/run.csv', html: '/l/run.html' },
    })
    current = { ...current, ...done }
    act(() => fake.emit('job.state', done))
    await waitFor(() =>
      expect(within(screen.getByTestId('failures-table')).getByText('photos/b.jpg')).toBeVisible(),
    )
    expect(screen.getByText('Connection reset')).toBeInTheDocument()
    expect(screen.getByTestId('verification')).toHaveTextContent('Verified (MD5): 18')
    expect(screen.getByTestId('verification')).toHaveTextContent('Missing: 2')
    expect(screen.getByRole('button', { name: 'Open HTML summary' })).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Retry failed' }))
    await waitFor(() => expect(useNavigation.getState().path).toEqual(['job-2']))
    expect(fake.callsOf('jobs.retryFailed')).toEqual([{ id: 'job-1' }])
  })

  it('exports the reports and opens the HTML summary through main', async () => {
    const done = detail({
      state: 'done',
      outcome: 'completed',
      reports: { json: '/l/run.json', csv: '/l/run.csv', html: '/l/run.html' },
    })
    const fake = fakeJobsApi({
      'jobs.get': () => done,
      'jobs.report': () => report(),
      'logs.export': ({ what }) => ({ saved: `run.${what}` }),
      'logs.openReport': () => ({ opened: true }),
    })
    setApi(fake.api)
    renderJob()
    await userEvent.click(await screen.findByRole('button', { name: 'Open HTML summary' }))
    expect(await screen.findByTestId('report-notice')).toHaveTextContent(
      'The HTML summary opened in your browser.',
    )
    await userEvent.click(screen.getByRole('button', { name: 'Export' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: /CSV report/, hidden: true }))
    await waitFor(() =>
      expect(screen.getByTestId('report-notice')).toHaveTextContent('Saved the CSV report as run.csv.'),
    )
    expect(fake.callsOf('logs.export')).toEqual([{ jobId: 'job-1', what: 'csv' }])
    expect(fake.callsOf('logs.openReport')).toEqual([{ jobId: 'job-1' }])
  })

  it('asks for the secret main names when a run of an earlier session is retried', async () => {
    const done = detail({
      state: 'done',
      outcome: 'completed-with-failures',
      progress: null,
      totals: { objects: 2, objectsDone: 2, copied: 1, skipped: 0, failed: 1, bytesTotal: 2, bytesDone: 2 },
    })
    const fake = fakeJobsApi({
      'jobs.get': () => done,
      'jobs.report': () => report(),
      'jobs.retryFailed': (input) => {
        if (!input.secrets) {
          throw new FakeFailure('AUTH', 'the Swift profile "Lab" needs its key', 'profile:p1:key')
        }
        return summary({ id: 'job-3' })
      },
    })
    setApi(fake.api)
    renderJob()
    await userEvent.click(await screen.findByRole('button', { name: 'Retry failed' }))
    const dialog = await screen.findByRole('dialog', { name: 'A secret is needed' })
    expect(dialog).toHaveTextContent('the Swift profile "Lab" needs its key')
    await userEvent.type(within(dialog).getByLabelText('Secret'), 'tempauth-key')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Continue' }))
    await waitFor(() => expect(useNavigation.getState().path).toEqual(['job-3']))
    expect(fake.callsOf('jobs.retryFailed')).toEqual([
      { id: 'job-1' },
      { id: 'job-1', secrets: { 'profile:p1:key': 'tempauth-key' } },
    ])
  })

  it('asks for new keys when they expire, sends them write-only, closes and the run goes on', async () => {
    const fake = fakeJobsApi({
      'jobs.get': () => detail(),
      'jobs.provideCredentials': ({ id }) => summary({ id, state: 'running' }),
    })
    setApi(fake.api)
    renderJob()
    await screen.findByRole('heading', { level: 1, name: 'Photos to S3' })
    act(() => {
      fake.emit('job.credentialsRequired', { id: 'job-1', reason: 'ExpiredToken: the token has expired' })
      fake.emit('job.state', summary({ state: 'waiting-for-credentials' }))
    })
    const dialog = await screen.findByRole('dialog', { name: 'New S3 credentials needed' })
    expect(within(dialog).getByTestId('credentials-reason')).toHaveTextContent('ExpiredToken')
    // The key id the run used is offered; the secret never is.
    expect(within(dialog).getByLabelText(/Access key ID/)).toHaveValue('AKIAOLD')

    await userEvent.click(within(dialog).getByRole('button', { name: 'Continue the run' }))
    expect(within(dialog).getByText('Enter the secret access key.')).toBeInTheDocument()
    expect(fake.callsOf('jobs.provideCredentials')).toEqual([])

    const keyId = within(dialog).getByLabelText(/Access key ID/)
    await userEvent.clear(keyId)
    await userEvent.type(keyId, 'AKIANEW')
    await userEvent.type(within(dialog).getByLabelText(/Secret access key/), 'new-secret')
    await userEvent.type(within(dialog).getByLabelText(/Session token/), 'token-123')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Continue the run' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(fake.callsOf('jobs.provideCredentials')).toEqual([
      { id: 'job-1', accessKeyId: 'AKIANEW', secretAccessKey: 'new-secret', sessionToken: 'token-123' },
    ])
    expect(JSON.stringify(useJobsStore.getState())).not.toContain('new-secret')
    expect(screen.getByTestId('job-state')).toHaveTextContent('Running')
  })

  it('shows main’s refusal of the keys on the field it names, and keeps the modal open', async () => {
    const fake = fakeJobsApi({
      'jobs.get': () => detail({ state: 'waiting-for-credentials' }),
      'jobs.provideCredentials': () => {
        throw new FakeFailure('VALIDATION', 'accessKeyId must not be empty', 'accessKeyId')
      },
    })
    setApi(fake.api)
    renderJob()
    const dialog = await screen.findByRole('dialog', { name: 'New S3 credentials needed' })
    await userEvent.type(within(dialog).getByLabelText(/Secret access key/), 'x')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Continue the run' }))
    expect(await within(dialog).findByText('accessKeyId must not be empty')).toBeInTheDocument()
  })

  it('changes the bandwidth live, lifts it with "No limit", and refuses a limit of 0', async () => {
    const fake = fakeJobsApi({
      'jobs.get': () => detail(),
      'jobs.setBandwidth': ({ id, mb }) => summary({ id, bandwidthLimitMb: mb }),
    })
    setApi(fake.api)
    renderJob()
    const form = await screen.findByRole('form', { name: 'Bandwidth limit' })
    expect(within(form).getByTestId('bandwidth-current')).toHaveTextContent('Now: 2 MB/s')
    const input = within(form).getByLabelText('Limit (MB/s)')

    await userEvent.clear(input)
    await userEvent.type(input, '0')
    await userEvent.click(within(form).getByRole('button', { name: 'Apply' }))
    expect(within(form).getByText(/must be more than 0 MB\/s/)).toBeInTheDocument()
    expect(fake.callsOf('jobs.setBandwidth')).toEqual([])

    await userEvent.clear(input)
    await userEvent.type(input, '3.5')
    await userEvent.click(within(form).getByRole('button', { name: 'Apply' }))
    await waitFor(() =>
      expect(within(form).getByTestId('bandwidth-current')).toHaveTextContent('Now: 3.5 MB/s'),
    )

    await userEvent.click(within(form).getByLabelText('No limit'))
    await userEvent.click(within(form).getByRole('button', { name: 'Apply' }))
    await waitFor(() =>
      expect(within(form).getByTestId('bandwidth-current')).toHaveTextContent('Now: no limit'),
    )
    expect(fake.callsOf('jobs.setBandwidth')).toEqual([
      { id: 'job-1', mb: 3.5 },
      { id: 'job-1', mb: null },
    ])
  })

  it('pauses, resumes, and cancels only after a confirmation', async () => {
    const fake = fakeJobsApi({
      'jobs.get': () => detail(),
      'jobs.pause': ({ id }) => summary({ id, state: 'paused' }),
      'jobs.resume': ({ id }) => summary({ id, state: 'running' }),
      'jobs.cancel': ({ id }) => summary({ id, state: 'running', cancelRequested: true }),
    })
    setApi(fake.api)
    renderJob()
    await userEvent.click(await screen.findByRole('button', { name: 'Pause' }))
    expect(await screen.findByTestId('job-state')).toHaveTextContent('Paused')
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }))
    await waitFor(() => expect(screen.getByTestId('job-state')).toHaveTextContent('Running'))

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    const confirm = await screen.findByRole('dialog', { name: 'Cancel this run?' })
    await userEvent.click(within(confirm).getByRole('button', { name: 'Keep running' }))
    expect(fake.callsOf('jobs.cancel')).toEqual([])

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    await userEvent.click(
      within(await screen.findByRole('dialog', { name: 'Cancel this run?' })).getByRole('button', {
        name: 'Cancel run',
      }),
    )
    await waitFor(() => expect(screen.getByTestId('job-state')).toHaveTextContent('Cancelling'))
    expect(fake.callsOf('jobs.cancel')).toEqual([{ id: 'job-1' }])
    expect(fake.callsOf('jobs.pause')).toEqual([{ id: 'job-1' }])
    expect(fake.callsOf('jobs.resume')).toEqual([{ id: 'job-1' }])
  })

  it('a cancelled run says what it did without claiming it was verified or listed in full', async () => {
    const cancelled = detail({
      state: 'cancelled',
      cancelRequested: true,
      finishedAt: '2025-05-01T10:00:04.000Z',
      verification: { 'verified-md5': 0, 'verified-recorded': 0, mismatched: 0, missing: 0, extras: 0 },
      progress: progress({
        planned: false,
        objects: { total: 8, done: 1, copied: 1, skipped: 0, failed: 0 },
        bytes: { total: 8_000_000, done: 1_000_000 },
      }),
    })
    setApi(
      fakeJobsApi({ 'jobs.get': () => cancelled, 'jobs.report': () => report({ outcome: 'cancelled' }) }).api,
    )
    renderJob()
    expect(await screen.findByTestId('job-state')).toHaveTextContent('Cancelled')
    expect(screen.queryByTestId('state-note')).not.toBeInTheDocument()
    expect(screen.getByTestId('progress-objects')).toHaveTextContent('1 of at least 8')
    expect(screen.getByTestId('progress-objects')).not.toHaveTextContent('%')
    expect(screen.getByTestId('stat-time-left')).toHaveTextContent('—')
    expect(screen.getByRole('region', { name: 'Result' })).toHaveTextContent('Not verified')
    expect(screen.getByText(/stopped before verification/)).toBeInTheDocument()
    expect(screen.queryByTestId('all-verified')).not.toBeInTheDocument()
    // No workers or bandwidth for a run that is over; it can be run again.
    expect(screen.queryByRole('form', { name: 'Bandwidth limit' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Run again' })).toBeInTheDocument()
  })

  it('a finished dry run says what would be copied, skipped and deleted, with the bytes of each', async () => {
    const plan = {
      copy: 3,
      copyBytes: 3_000_000,
      skip: 5,
      skipBytes: 5_000_000,
      extras: 2,
      extrasBytes: 2_000,
      delete: 2,
      deleteBytes: 2_000,
    }
    setApi(
      fakeJobsApi({
        'jobs.get': () => detail({ state: 'done', outcome: 'completed', mode: 'dry-run' }),
        'jobs.report': () => report({ outcome: 'completed', mode: 'dry-run', plan }),
      }).api,
    )
    renderJob()
    const result = await screen.findByRole('region', { name: 'Result' })
    await waitFor(() =>
      expect(result).toHaveTextContent(
        'Dry run: 3 objects (3.0 MB) would be copied, 5 (5.0 MB) are already there, 2 (2.0 kB) would be deleted.',
      ),
    )
  })

  it('an interrupted run resumes as a new linked run and the page follows it', async () => {
    const fake = fakeJobsApi({
      'jobs.get': () => detail({ state: 'interrupted', progress: null }),
      'jobs.report': () => ({
        id: 'job-1',
        files: { log: 'run.log', json: null, csv: null, html: null },
        summary: null,
      }),
      'jobs.resume': () => summary({ id: 'job-9', retryOf: 'job-1', state: 'queued' }),
    })
    setApi(fake.api)
    renderJob()
    expect(await screen.findByTestId('state-note')).toHaveTextContent(
      'The app stopped while this run was under way',
    )
    expect(screen.queryByRole('button', { name: 'Run again' })).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }))
    await waitFor(() => expect(useNavigation.getState().path).toEqual(['job-9']))
    expect(fake.callsOf('jobs.resume')).toEqual([{ id: 'job-1' }])
  })

  it('says so when the run does not exist', async () => {
    setApi(
      fakeJobsApi({
        'jobs.get': () => {
          throw new FakeFailure('NOT_FOUND', 'No run with id "nope".')
        },
        'jobs.list': () => [],
      }).api,
    )
    renderJob('nope')
    expect(await screen.findByRole('alert')).toHaveTextContent('No run with id "nope".')
  })
})
