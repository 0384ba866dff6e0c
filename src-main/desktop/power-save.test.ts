import { beforeEach, describe, expect, it } from 'vitest'
import { powerSaveBlocker } from '../../test/mocks/electron'
import { fakeOutcome, fakeSpec } from '../core/jobs/job-manager-fakes'
import { JobActivity } from './job-activity'
import { holdPowerSaveWhileWorking } from './power-save'
import { managerWithFakeRunners, settle } from './test-support'

const blockers = powerSaveBlocker

beforeEach(() => blockers.active.clear())

describe('power-save blocker', () => {
  it('keeps the machine awake while a job works, and lets it sleep once none does', async () => {
    const { manager, runners } = await managerWithFakeRunners()
    const release = holdPowerSaveWhileWorking(new JobActivity(manager))
    expect([...blockers.active.values()]).toEqual([])

    const a = manager.start({ spec: fakeSpec(), name: 'a' })
    const b = manager.start({ spec: fakeSpec(), name: 'b' })
    // One blocker for any number of jobs, of the kind that lets the screen turn off.
    expect([...blockers.active.values()]).toEqual(['prevent-app-suspension'])

    runners[0]!.finish(fakeOutcome(0, 'completed'))
    await manager.settled(a.id)
    expect(blockers.active.size).toBe(1)

    // A paused job does not keep the machine awake.
    manager.pause(b.id)
    expect(blockers.active.size).toBe(0)
    manager.resume(b.id)
    expect(blockers.active.size).toBe(1)

    runners[1]!.finish(fakeOutcome(0, 'completed'))
    await manager.settled(b.id)
    await settle()
    expect(blockers.active.size).toBe(0)
    release()
  })

  it('holds it while a job waits for new credentials, and releases it when stopped', async () => {
    const { manager, runners } = await managerWithFakeRunners()
    manager.start({ spec: fakeSpec(), name: 'a' })
    runners[0]!.emit({ type: 'state', state: 'waiting-for-credentials' })
    const release = holdPowerSaveWhileWorking(new JobActivity(manager))
    expect(blockers.active.size).toBe(1)
    release()
    expect(blockers.active.size).toBe(0)
  })
})
