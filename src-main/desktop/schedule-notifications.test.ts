import { beforeEach, describe, expect, it, vi } from 'vitest'
import { Notification } from '../../test/mocks/electron'
import type { ScheduleNotice } from '../core/schedules'
import { scheduleNotifier } from './schedule-notifications'

beforeEach(() => {
  Notification.shown.length = 0
  Notification.supported = true
})

const notice = (kind: ScheduleNotice['kind']): ScheduleNotice => ({
  scheduleId: 's1',
  scheduleName: 'Nightly',
  kind,
  message: `"Nightly" did not run: Waited 15 min for secrets that never came.`,
  jobId: 'job-1',
  at: '2030-01-07T02:15:00.000Z',
})

describe('desktop notifications for schedules', () => {
  it('tell that a scheduled run did not get its secrets; a click opens Schedules', () => {
    const openSchedules = vi.fn()
    const notify = scheduleNotifier({
      settings: () => ({ onFinish: true, onCredentials: true }),
      openSchedules,
    })
    notify({ type: 'notice', notice: notice('needs-credentials') })
    notify({ type: 'schedules-changed', schedules: [] })
    expect(Notification.shown).toHaveLength(1)
    expect(Notification.shown[0]?.options).toEqual({
      title: 'Nightly did not run: secrets missing',
      body: '"Nightly" did not run: Waited 15 min for secrets that never came.',
    })
    Notification.shown[0]?.emit('click')
    expect(openSchedules).toHaveBeenCalledOnce()
  })

  it('follow the Settings switches: secrets under "on credentials", skips under "on finish"', () => {
    const settings = { onFinish: false, onCredentials: true }
    const notify = scheduleNotifier({ settings: () => settings, openSchedules: () => {} })
    notify({ type: 'notice', notice: notice('skipped') })
    notify({ type: 'notice', notice: notice('waiting-for-credentials') })
    expect(Notification.shown.map((n) => n.options.title)).toEqual(['Nightly is waiting for secrets'])
    settings.onCredentials = false
    settings.onFinish = true
    notify({ type: 'notice', notice: notice('needs-credentials') })
    notify({ type: 'notice', notice: notice('missed') })
    expect(Notification.shown.map((n) => n.options.title)).toEqual([
      'Nightly is waiting for secrets',
      'Nightly: a run was missed',
    ])
  })
})
