import { describe, expect, it, vi } from 'vitest'
import { FakeEmitter } from '../../test/mocks/electron'
import { fakeOutcome, fakeSpec } from '../core/jobs/job-manager-fakes'
import { JobActivity } from './job-activity'
import { guardQuit, quitQuestion } from './quit-guard'
import { managerWithFakeRunners, settle } from './test-support'

/** An app whose quit() emits before-quit as Electron does, and records whether it went through. */
function fakeApp() {
  const app = new FakeEmitter() as FakeEmitter & { quit: () => void; quits: number }
  app.quits = 0
  app.quit = () => {
    let prevented = false
    app.emit('before-quit', { preventDefault: () => (prevented = true) })
    if (!prevented) app.quits++
  }
  return app
}

async function setup(answer: boolean, stopTimeoutMs?: number) {
  const { manager, runners } = await managerWithFakeRunners()
  const app = fakeApp()
  const confirm = vi.fn(async () => answer)
  const close = vi.spyOn(manager, 'close')
  const beforeExit = vi.fn()
  const guard = guardQuit({
    app: app as never,
    activity: new JobActivity(manager),
    manager,
    confirm,
    beforeExit,
    log: () => {},
    ...(stopTimeoutMs !== undefined && { stopTimeoutMs }),
  })
  return { manager, runners, app, confirm, close, guard, beforeExit }
}

describe('quitting', () => {
  it('with nothing running quits at once, after writing history', async () => {
    const { app, confirm, close, guard } = await setup(true)
    app.quit()
    expect(app.quits).toBe(0)
    await vi.waitFor(() => expect(app.quits).toBe(1))
    expect(confirm).not.toHaveBeenCalled()
    expect(close).toHaveBeenCalled()
    expect(guard.quitting()).toBe(true)
  })

  it('with jobs running asks first, and keeps running when the answer is no', async () => {
    const { manager, runners, app, confirm, guard } = await setup(false)
    manager.start({ spec: fakeSpec(), name: 'a' })
    manager.start({ spec: fakeSpec(), name: 'b' })
    app.quit()
    await settle()
    expect(confirm).toHaveBeenCalledWith(2)
    expect(app.quits).toBe(0)
    expect(runners.every((r) => !r.calls.includes('cancel'))).toBe(true)
    expect(guard.quitting()).toBe(false)
  })

  it('on yes stops every job, waits for them to write their reports, then quits', async () => {
    const { manager, runners, app, close, beforeExit } = await setup(true)
    const job = manager.start({ spec: fakeSpec(), name: 'a' })
    app.quit()
    await vi.waitFor(() => expect(runners[0]!.calls).toContain('cancel'))
    // Still waiting for the run to stop.
    expect(app.quits).toBe(0)
    // A second Quit while stopping does not ask again.
    app.quit()
    runners[0]!.finish(fakeOutcome(130, 'cancelled'))
    await vi.waitFor(() => expect(app.quits).toBe(1))
    expect(close).toHaveBeenCalled()
    expect(beforeExit).toHaveBeenCalledTimes(1)
    // As the question says, it can be resumed later: interrupted, not cancelled (which cannot be).
    expect(manager.get(job.id).state).toBe('interrupted')
    expect(manager.resumeInterrupted(job.id, fakeSpec())).toMatchObject({ retryOf: job.id })
  })

  it('records a job still queued at quit as interrupted too, so it can be started later', async () => {
    const { manager, runners, app } = await setup(true)
    manager.setWorkerCap(8)
    const running = manager.start({ spec: fakeSpec(), name: 'a' })
    const queued = manager.start({ spec: fakeSpec(), name: 'b' })
    expect(manager.get(queued.id).state).toBe('queued')
    app.quit()
    await vi.waitFor(() => expect(runners[0]!.calls).toContain('cancel'))
    runners[0]!.finish(fakeOutcome(130, 'cancelled'))
    await vi.waitFor(() => expect(app.quits).toBe(1))
    expect([manager.get(running.id).state, manager.get(queued.id).state]).toEqual([
      'interrupted',
      'interrupted',
    ])
    expect(runners).toHaveLength(1)
  })

  it('quits anyway when a run does not stop in time', async () => {
    const { manager, runners, app } = await setup(true, 20)
    const job = manager.start({ spec: fakeSpec(), name: 'stuck' })
    app.quit()
    await vi.waitFor(() => expect(app.quits).toBe(1))
    expect(runners[0]!.calls).toContain('cancel')
    // Still under way in history: the next start marks it interrupted.
    expect(manager.get(job.id).finishedAt).toBeNull()
  })

  it('asks in plain words, singular and plural', () => {
    expect(quitQuestion(1)).toEqual({
      message: '1 migration is running. Quit and stop it?',
      detail: 'It can be resumed later: a new run copies only what is not copied yet.',
      buttons: ['Quit and stop it', 'Keep running'],
    })
    expect(quitQuestion(3).message).toBe('3 migrations are running. Quit and stop them?')
  })
})
