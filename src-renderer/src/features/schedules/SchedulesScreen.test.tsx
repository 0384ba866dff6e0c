import { MantineProvider } from '@mantine/core'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { JobEntry } from '../../../../src-preload/contract/profiles'
import type {
  GlobalBandwidthWindows,
  Schedule,
  ScheduleDraft,
  SchedulePreviewInput,
} from '../../../../src-preload/contract/schedules'
import { setApi } from '../../ipc/bridge'
import { navigate, useNavigation } from '../../stores/navigation'
import { useProfiles } from '../../stores/profiles'
import { resetSchedules } from '../../stores/schedules'
import { fakeJobsApi, FakeFailure, summary } from '../job/test-support'
import { SchedulesScreen } from './SchedulesScreen'

const NIGHTLY: Schedule = {
  id: 'sched-1',
  name: 'Nightly catch-up',
  definitionId: 'def-1',
  trigger: { type: 'weekly', days: ['mon', 'tue', 'wed', 'thu', 'fri'], time: '02:00' },
  timeZone: 'Europe/Berlin',
  enabled: true,
  bandwidthWindows: [],
  credentialsWaitMinutes: 15,
  createdAt: '2030-01-01T10:00:00.000Z',
  updatedAt: '2030-01-01T10:00:00.000Z',
  handledUntil: '2030-01-07T01:00:00.000Z',
  lastRun: {
    jobId: 'job-9',
    at: '2030-01-07T01:00:00.000Z',
    scheduledFor: '2030-01-07T01:00:00.000Z',
    result: 'completed',
    message: null,
  },
  definitionName: 'Media to S3',
  description: 'every weekday at 02:00, Europe/Berlin',
  nextRun: '2030-01-08T01:00:00.000Z',
  active: null,
}

const DEFINITION = {
  kind: 'job',
  record: { id: 'def-1', name: 'Media to S3' },
} as unknown as JobEntry

// Typing into several fields with user-event takes a few seconds in happy-dom on a busy machine.
vi.setConfig({ testTimeout: 20_000 })

const WINDOWS: GlobalBandwidthWindows = { timeZone: 'UTC', windows: [] }

function setup(schedules: Schedule[] = [NIGHTLY]) {
  let list = structuredClone(schedules)
  let windows = structuredClone(WINDOWS)
  const fake = fakeJobsApi({
    'schedules.list': () => list,
    'schedules.windows.get': () => windows,
    'schedules.windows.save': (input) => {
      const w = input.windows[0]
      if (w && w.end === w.start) {
        throw new FakeFailure(
          'VALIDATION',
          'Bandwidth windows: windows.0.end must end at another time than it starts',
          'windows.0.end',
        )
      }
      windows = input
      return input
    },
    'schedules.setEnabled': ({ id, enabled }) => {
      list = list.map((s) => (s.id === id ? { ...s, enabled, nextRun: enabled ? s.nextRun : null } : s))
      return {
        schedule: list.find((s) => s.id === id)!,
        unattended: {
          ok: false,
          problems: ['The S3 profile "Archive" has no secret access key saved.'],
          notes: [],
        },
      }
    },
    'schedules.runNow': ({ id }) => summary({ id: 'job-10', scheduleId: id }),
    'schedules.delete': ({ id }) => {
      list = list.filter((s) => s.id !== id)
      return { id }
    },
    'schedules.preview': (input: SchedulePreviewInput) => {
      if (input.trigger.type === 'daily' && !/^\d\d:\d\d$/.test(input.trigger.time)) {
        throw new FakeFailure(
          'VALIDATION',
          'Schedule: trigger.time must be HH:MM, from 00:00 to 23:59',
          'trigger.time',
        )
      }
      return {
        description: `every day at ${input.trigger.type === 'daily' ? input.trigger.time : '?'}, ${input.timeZone}`,
        nextRuns: [
          { at: '2030-03-30T01:30:00.000Z', note: null },
          {
            at: '2030-03-31T01:00:00.000Z',
            note: '02:30 does not exist that day in Europe/Berlin (the clocks go forward), so it runs at 03:00, when the clocks have changed.',
          },
        ],
        unattended: input.definitionId
          ? {
              ok: false,
              problems: ['The Swift profile "Prod" keeps its password for this session only.'],
              notes: [],
            }
          : null,
      }
    },
    'schedules.save': (draft: ScheduleDraft) => {
      if (draft.name.trim() === '')
        throw new FakeFailure('VALIDATION', 'Schedule: name must not be empty', 'name')
      const saved: Schedule = {
        ...NIGHTLY,
        id: 'sched-2',
        name: draft.name,
        trigger: draft.trigger,
        timeZone: draft.timeZone,
      }
      list = [...list, saved]
      return { schedule: saved, unattended: { ok: true, problems: [], notes: [] } }
    },
  })
  setApi(fake.api)
  useProfiles.setState({ status: 'ready', jobs: [DEFINITION] })
  render(
    <MantineProvider>
      <SchedulesScreen />
    </MantineProvider>,
  )
  return fake
}

beforeEach(() => {
  window.location.hash = ''
  useNavigation.setState({ screen: 'schedules', path: [] })
})

afterEach(() => resetSchedules())

describe('the Schedules screen', () => {
  it('lists each schedule with what it runs, when, its next run in its zone and its last result', async () => {
    setup()
    const row = await screen.findByTestId('schedule-row')
    expect(within(row).getByText('Nightly catch-up')).toBeInTheDocument()
    expect(within(row).getByTestId('schedule-trigger')).toHaveTextContent(
      'every weekday at 02:00, Europe/Berlin',
    )
    expect(within(row).getByText('Runs “Media to S3”')).toBeInTheDocument()
    // 01:00 UTC is 02:00 in Berlin in January.
    expect(within(row).getByTestId('schedule-next-run')).toHaveTextContent('Tue 8 Jan 2030, 02:00')
    expect(within(row).getByTestId('schedule-last-result')).toHaveTextContent('Completed')
    expect(within(row).getByRole('switch', { name: 'Nightly catch-up enabled' })).toBeChecked()
  })

  it('turns a schedule off and on, and says when it cannot run unattended', async () => {
    const fake = setup()
    const toggle = await screen.findByRole('switch', { name: 'Nightly catch-up enabled' })
    await userEvent.click(toggle)
    await waitFor(() => expect(toggle).not.toBeChecked())
    expect(screen.getByTestId('schedule-next-run')).toHaveTextContent('Off')
    await userEvent.click(toggle)
    expect(await screen.findByText('“Nightly catch-up” is on, but cannot run unattended')).toBeInTheDocument()
    expect(screen.getByText(/has no secret access key saved/)).toBeInTheDocument()
    expect(fake.callsOf('schedules.setEnabled')).toEqual([
      { id: 'sched-1', enabled: false },
      { id: 'sched-1', enabled: true },
    ])
  })

  it('runs now and opens the run; deletes after asking', async () => {
    const fake = setup()
    await userEvent.click(await screen.findByRole('button', { name: 'Run Nightly catch-up now' }))
    await waitFor(() => expect(useNavigation.getState()).toMatchObject({ screen: 'job', path: ['job-10'] }))
    act(() => navigate('schedules'))
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Nightly catch-up' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Delete schedule' }))
    await waitFor(() => expect(screen.queryByTestId('schedule-row')).not.toBeInTheDocument())
    expect(fake.callsOf('schedules.delete')).toEqual([{ id: 'sched-1' }])
  })

  it('replaces its list when main pushes a new one', async () => {
    const fake = setup()
    await screen.findByTestId('schedule-row')
    act(() =>
      fake.emit('schedules.changed', {
        schedules: [
          {
            ...NIGHTLY,
            lastRun: { ...NIGHTLY.lastRun!, result: 'running' },
            active: { jobId: 'job-11', phase: 'running' },
          },
        ],
      }),
    )
    expect(screen.getByTestId('schedule-last-result')).toHaveTextContent('Running')
    act(() =>
      fake.emit('schedule.notice', {
        scheduleId: 'sched-1',
        scheduleName: 'Nightly catch-up',
        kind: 'skipped',
        message: '"Nightly catch-up" was skipped: The previous run of this schedule was still under way.',
        jobId: 'job-12',
        at: '2030-01-08T01:00:00.000Z',
      }),
    )
    expect(screen.getByTestId('schedule-notice')).toHaveTextContent('was skipped')
  })
})

describe('the schedule form', () => {
  it('previews the next runs live, with the DST note, the rules and the unattended check', async () => {
    const fake = setup([])
    act(() => navigate('schedules', 'new'))
    await userEvent.click(await screen.findByRole('combobox', { name: /Saved migration/ }))
    await userEvent.click(await screen.findByRole('option', { name: 'Media to S3', hidden: true }))
    // Picking a migration names the schedule after it when the name is empty.
    expect(screen.getByRole('textbox', { name: /Schedule name/ })).toHaveValue('Media to S3')
    const time = screen.getByRole('textbox', { name: /^Time/ })
    await userEvent.clear(time)
    await userEvent.type(time, '02:30')
    await waitFor(() =>
      expect(screen.getByTestId('schedule-description')).toHaveTextContent('Runs every day at 02:30'),
    )
    expect(screen.getAllByTestId('dst-note')[0]).toHaveTextContent('02:30 does not exist that day')
    expect(
      screen.getByText(/A time that happens twice because the clocks go back runs once, the first time/),
    ).toBeInTheDocument()
    expect(screen.getByTestId('unattended')).toHaveTextContent('keeps its password for this session only')
    const last = fake.callsOf('schedules.preview').at(-1)
    expect(last).toMatchObject({ trigger: { type: 'daily', time: '02:30' }, definitionId: 'def-1' })
  })

  it("shows main's refusal under the field it names, and saves once fixed", async () => {
    const fake = setup([])
    act(() => navigate('schedules', 'new'))
    const time = await screen.findByRole('textbox', { name: /^Time/ })
    await userEvent.clear(time)
    await userEvent.type(time, '2am')
    // The live preview already says what is wrong with the time.
    expect(await screen.findByText('Must be HH:MM, from 00:00 to 23:59')).toBeInTheDocument()
    await userEvent.clear(time)
    await userEvent.type(time, '03:15')
    await userEvent.click(screen.getByRole('button', { name: 'Save schedule' }))
    expect(await screen.findByText('Must not be empty')).toBeInTheDocument()
    await userEvent.type(screen.getByRole('textbox', { name: /Schedule name/ }), 'Nightly')
    await userEvent.click(screen.getByRole('button', { name: 'Save schedule' }))
    expect(await screen.findByTestId('schedule-saved')).toHaveTextContent('Created “Nightly”')
    expect(fake.callsOf('schedules.save').at(-1)).toMatchObject({
      name: 'Nightly',
      trigger: { type: 'daily', time: '03:15' },
      enabled: true,
      credentialsWaitMinutes: 15,
      bandwidthWindows: [],
    })
  })
})

describe('the global bandwidth windows', () => {
  it('adds a window, shows a refusal under its field, and saves it', async () => {
    const fake = setup()
    await userEvent.click(await screen.findByRole('button', { name: 'Add a window' }))
    const until = screen.getByRole('textbox', { name: 'Global window 1 until' })
    await userEvent.clear(until)
    await userEvent.type(until, '08:00')
    await userEvent.click(screen.getByRole('button', { name: 'Save windows' }))
    expect(await screen.findByText('Must end at another time than it starts')).toBeInTheDocument()
    await userEvent.clear(until)
    await userEvent.type(until, '18:00')
    await userEvent.click(screen.getByRole('button', { name: 'Save windows' }))
    expect(await screen.findByText('Saved; they apply now.')).toBeInTheDocument()
    expect(fake.callsOf('schedules.windows.save').at(-1)).toEqual({
      timeZone: 'UTC',
      windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00', limitMb: 2 }],
    })
  })
})
