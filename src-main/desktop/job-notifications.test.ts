import { beforeEach, describe, expect, it, vi } from 'vitest'
import { Notification } from '../../test/mocks/electron'
import { fakeOutcome, fakeSpec } from '../core/jobs/job-manager-fakes'
import { notifyJobEvents } from './job-notifications'
import { managerWithFakeRunners } from './test-support'

const notifications = Notification

beforeEach(() => {
  notifications.shown.length = 0
  notifications.supported = true
})

async function setup(settings = { onFinish: true, onCredentials: true }) {
  const { manager, runners } = await managerWithFakeRunners()
  const openJob = vi.fn()
  notifyJobEvents(manager, { settings: () => settings, openJob })
  return { manager, runners, openJob, settings }
}

describe('desktop notifications', () => {
  it('announce a finished job with its counts; a click opens it', async () => {
    const { manager, runners, openJob } = await setup()
    const job = manager.start({ spec: fakeSpec(), name: 'Nightly media' })
    runners[0]!.finish(fakeOutcome(0, 'completed', { copied: 2, skipped: 1 }))
    await manager.settled(job.id)

    expect(notifications.shown).toHaveLength(1)
    const [shown] = notifications.shown
    expect(shown?.options.title).toBe('Migration finished: Nightly media')
    expect(shown?.options.body).toMatch(/copied, .* skipped, 0 failed/)
    shown?.emit('click')
    expect(openJob).toHaveBeenCalledWith(job.id)
  })

  it('say so when a job fails, with the reason', async () => {
    const { manager, runners } = await setup()
    const job = manager.start({ spec: fakeSpec(), name: 'Archive' })
    runners[0]!.crash(new Error('The bucket "dest" does not exist.'))
    await manager.settled(job.id)
    expect(notifications.shown[0]?.options).toMatchObject({
      title: 'Migration failed: Archive',
      body: expect.stringContaining('The bucket "dest" does not exist.'),
    })
  })

  it('tell when a job waits for new credentials, and when it is cancelled', async () => {
    const { manager, runners } = await setup()
    const job = manager.start({ spec: fakeSpec(), name: 'Photos' })
    runners[0]!.emit({ type: 'credentials-required', reason: 'The S3 session token expired.', key: 'a' })
    expect(notifications.shown[0]?.options).toEqual({
      title: 'Photos needs new credentials',
      body: 'The S3 session token expired. The migration waits; open it to enter new keys.',
    })
    manager.cancel(job.id)
    runners[0]!.finish(fakeOutcome(130, 'cancelled'))
    await manager.settled(job.id)
    expect(notifications.shown[1]?.options.title).toBe('Migration cancelled: Photos')
  })

  it('stay silent for the kinds Settings turned off, read at the moment of the event', async () => {
    const { manager, runners, settings } = await setup()
    settings.onFinish = false
    settings.onCredentials = false
    const job = manager.start({ spec: fakeSpec(), name: 'Quiet' })
    runners[0]!.emit({ type: 'credentials-required', reason: 'expired', key: 'a' })
    runners[0]!.finish(fakeOutcome(0, 'completed'))
    await manager.settled(job.id)
    expect(notifications.shown).toEqual([])
  })

  it('do not announce a finished run again when history re-sends it (a retry links it)', async () => {
    const { manager, runners } = await setup()
    const job = manager.start({ spec: fakeSpec(), name: 'Once' })
    runners[0]!.finish(fakeOutcome(1, 'completed-with-failures'))
    await manager.settled(job.id)
    expect(notifications.shown.map((n) => n.options.title)).toEqual([
      'Migration finished with problems: Once',
    ])
    // The retry re-sends the first run's state (now linked to the retry) and starts a new one.
    await manager.retryFailed(job.id)
    expect(notifications.shown).toHaveLength(1)
  })

  it('show nothing where the system has no notifications', async () => {
    notifications.supported = false
    const { manager, runners } = await setup()
    const job = manager.start({ spec: fakeSpec(), name: 'x' })
    runners[0]!.finish(fakeOutcome(0, 'completed'))
    await manager.settled(job.id)
    expect(notifications.shown).toEqual([])
  })
})
