import { MantineProvider } from '@mantine/core'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { JobReportView } from '../../../../src-preload/contract/jobs'
import { setApi } from '../../ipc/bridge'
import { resetJobsStore } from '../../stores/jobs'
import { useNavigation } from '../../stores/navigation'
import { fakeJobsApi, summary } from '../job/test-support'
import { HistoryScreen } from './HistoryScreen'

afterEach(() => resetJobsStore())

function renderHistory() {
  useNavigation.setState({ screen: 'history', path: [] })
  return render(
    <MantineProvider>
      <HistoryScreen />
    </MantineProvider>,
  )
}

const verified = summary({
  id: 'a',
  name: 'Photos nightly',
  state: 'done',
  outcome: 'completed',
  createdAt: '2025-05-02T10:00:00.000Z',
  startedAt: '2025-05-02T10:00:00.000Z',
  finishedAt: '2025-05-02T10:02:05.000Z',
  totals: {
    objects: 25,
    objectsDone: 25,
    copied: 25,
    skipped: 0,
    failed: 0,
    bytesTotal: 21e6,
    bytesDone: 21e6,
  },
  verification: { 'verified-md5': 25, 'verified-recorded': 0, mismatched: 0, missing: 0, extras: 0 },
  reports: { json: '/l/a.json', csv: '/l/a.csv', html: '/l/a.html' },
})
const withFailures = summary({
  id: 'b',
  name: 'Archive',
  state: 'done',
  outcome: 'completed-with-failures',
  mode: 'verify-only',
  createdAt: '2025-05-03T10:00:00.000Z',
  startedAt: '2025-05-03T10:00:00.000Z',
  finishedAt: '2025-05-03T11:30:00.000Z',
  source: { containers: ['backups'], prefix: null },
  target: { bucket: 'cold-store', endpoint: null, prefix: null },
  totals: { objects: 10, objectsDone: 10, copied: 0, skipped: 7, failed: 3, bytesTotal: 5e9, bytesDone: 5e9 },
  verification: { 'verified-md5': 5, 'verified-recorded': 2, mismatched: 1, missing: 2, extras: 4 },
})
const running = summary({ id: 'c', name: 'Videos', createdAt: '2025-05-04T10:00:00.000Z' })

const reportOf = (id: string, listingComplete: boolean): JobReportView =>
  ({
    id,
    files: { log: null, json: null, csv: null, html: null },
    summary: { listingComplete } as unknown as JobReportView['summary'],
  }) as JobReportView

describe('history', () => {
  it('lists runs newest first with status, start, duration, objects, bytes, mode and verification by class', async () => {
    setApi(fakeJobsApi({ 'jobs.list': () => [verified, withFailures, running] }).api)
    renderHistory()
    const rows = await screen.findAllByTestId('history-row')
    expect(rows.map((row) => row.getAttribute('data-job-id'))).toEqual(['c', 'b', 'a'])

    const archive = rows[1]!
    expect(archive).toHaveTextContent('Completed with failures')
    expect(archive).toHaveTextContent('Verify only')
    expect(archive).toHaveTextContent('1h 30m')
    expect(within(archive).getByTestId('history-objects')).toHaveTextContent('10 / 10')
    expect(within(archive).getByTestId('history-bytes')).toHaveTextContent('5.0 GB · 3 failed')
    const classes = within(archive).getByTestId('verification')
    expect(classes).toHaveTextContent('Verified (MD5): 5')
    expect(classes).toHaveTextContent('Verified (recorded): 2')
    expect(classes).toHaveTextContent('Mismatched: 1')
    expect(classes).toHaveTextContent('Missing: 2')
    expect(classes).toHaveTextContent('Extra on target: 4')

    const nightly = rows[2]!
    expect(nightly).toHaveTextContent('Completed')
    expect(nightly).toHaveTextContent('2m 5s')
    expect(within(nightly).getByTestId('verification')).toHaveTextContent('Verified (MD5): 25')
    expect(within(nightly).getByTestId('verification')).not.toHaveTextContent('Missing')
    expect(rows[0]).toHaveTextContent('Not verified')
  })

  it('filters by status and searches by name, container or bucket', async () => {
    setApi(fakeJobsApi({ 'jobs.list': () => [verified, withFailures, running] }).api)
    renderHistory()
    await screen.findAllByTestId('history-row')

    await userEvent.type(screen.getByLabelText('Search'), 'cold-')
    expect(screen.getAllByTestId('history-row').map((r) => r.getAttribute('data-job-id'))).toEqual(['b'])
    expect(screen.getByText('1 of 3 runs')).toBeInTheDocument()
    await userEvent.clear(screen.getByLabelText('Search'))

    await userEvent.click(screen.getByRole('combobox', { name: 'Status' }))
    await userEvent.click(await screen.findByRole('option', { name: 'In progress', hidden: true }))
    expect(screen.getAllByTestId('history-row').map((r) => r.getAttribute('data-job-id'))).toEqual(['c'])

    await userEvent.type(screen.getByLabelText('Search'), 'nothing like this')
    expect(screen.getByText(/No run matches/)).toBeInTheDocument()
  })

  it('lists previews (dry runs) only when asked, and counts them only then', async () => {
    const preview = summary({
      id: 'p',
      name: 'Photos preview',
      createdAt: '2025-06-01T10:00:00.000Z',
      mode: 'dry-run',
      state: 'done',
      outcome: 'completed',
    })
    setApi(fakeJobsApi({ 'jobs.list': () => [preview, verified] }).api)
    renderHistory()
    const rows = await screen.findAllByTestId('history-row')
    expect(rows.map((r) => r.getAttribute('data-job-id'))).toEqual(['a'])
    expect(screen.getByText('1 run')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('checkbox', { name: 'Show previews' }))
    expect(screen.getAllByTestId('history-row').map((r) => r.getAttribute('data-job-id'))).toEqual(['p', 'a'])
    expect(screen.getByText('2 runs')).toBeInTheDocument()
  })

  it('says so when there are only previews', async () => {
    const preview = summary({ id: 'p', mode: 'dry-run', state: 'done', outcome: 'completed' })
    setApi(fakeJobsApi({ 'jobs.list': () => [preview] }).api)
    renderHistory()
    expect(await screen.findByText(/Only previews so far/)).toBeInTheDocument()
  })

  it('opens a run and its log', async () => {
    setApi(fakeJobsApi({ 'jobs.list': () => [verified] }).api)
    renderHistory()
    await userEvent.click(await screen.findByRole('button', { name: 'Open run Photos nightly' }))
    expect(useNavigation.getState()).toMatchObject({ screen: 'job', path: ['a'] })
    await userEvent.click(screen.getByRole('button', { name: 'Open the log of Photos nightly' }))
    expect(useNavigation.getState()).toMatchObject({ screen: 'logs', path: ['a'] })
  })

  it('shows whether the listing was complete when the report says so', async () => {
    const fake = fakeJobsApi({
      'jobs.list': () => [verified, { ...withFailures, reports: verified.reports }],
      'jobs.report': ({ id }) => reportOf(id, id === 'a'),
    })
    setApi(fake.api)
    renderHistory()
    const rows = await screen.findAllByTestId('history-row')
    await waitFor(() =>
      expect(within(rows[1]!).getByTestId('verification')).toHaveTextContent('Listing complete'),
    )
    expect(within(rows[0]!).getByTestId('verification')).toHaveTextContent('Listing incomplete')
  })

  it('marks runs a schedule started or skipped as Scheduled, and its Run now runs as such', async () => {
    const scheduled = summary({
      id: 's',
      name: 'Media to S3',
      trigger: 'schedule',
      scheduleId: 'sched-1',
      startedBy: 'schedule "Nightly"',
      createdAt: '2025-05-05T02:00:00.000Z',
    })
    const skipped = summary({
      id: 'k',
      name: 'Media to S3',
      state: 'skipped',
      trigger: 'schedule',
      scheduleId: 'sched-1',
      startedBy: 'schedule "Nightly"',
      error: 'The previous run (started by hand) was still under way.',
      createdAt: '2025-05-06T02:00:00.000Z',
    })
    const runNow = summary({
      id: 'r',
      name: 'Media to S3',
      trigger: 'manual',
      scheduleId: 'sched-1',
      startedBy: 'ops@desk',
      createdAt: '2025-05-07T10:00:00.000Z',
    })
    setApi(fakeJobsApi({ 'jobs.list': () => [verified, scheduled, skipped, runNow] }).api)
    renderHistory()
    const rows = await screen.findAllByTestId('history-row')
    const byId = (id: string) => rows.find((row) => row.getAttribute('data-job-id') === id)!
    for (const id of ['s', 'k']) {
      const badge = within(byId(id)).getByTestId('history-scheduled')
      expect(badge).toHaveTextContent('Scheduled')
      expect(badge).toHaveAttribute('title', 'Started by schedule "Nightly"')
      expect(within(byId(id)).queryByTestId('history-schedule-run-now')).toBeNull()
    }
    expect(byId('k')).toHaveTextContent('Skipped')
    expect(within(byId('r')).queryByTestId('history-scheduled')).toBeNull()
    expect(within(byId('r')).getByTestId('history-schedule-run-now')).toHaveTextContent('Schedule, run now')
    // A run started from Migrations has neither.
    expect(within(byId('a')).queryByTestId('history-scheduled')).toBeNull()
    expect(within(byId('a')).queryByTestId('history-schedule-run-now')).toBeNull()
    expect(screen.getAllByTestId('history-scheduled')).toHaveLength(2)
  })

  it('guides when there is no run yet', async () => {
    setApi(fakeJobsApi({ 'jobs.list': () => [] }).api)
    renderHistory()
    expect(await screen.findByText('No runs yet')).toBeInTheDocument()
  })
})
