import { describe, expect, it } from 'vitest'
import { fakeSnapshot } from './job-manager-fakes'
import { JobProgress } from './job-manager-progress'

describe('JobProgress over several containers', () => {
  it('adds finished containers to the live one, so the totals only grow', () => {
    const p = new JobProgress(0)
    expect(p.snapshot(undefined, 0).objects.total).toBe(0)
    p.containerStarted(0)
    expect(p.snapshot(fakeSnapshot(2, 3), 1000).objects).toMatchObject({ total: 3, done: 2 })
    p.containerEnded(fakeSnapshot(3, 3))
    // The engine still answers with the ended container until the next one starts: not counted twice.
    expect(p.snapshot(fakeSnapshot(3, 3), 2000).objects).toMatchObject({ total: 3, done: 3 })
    p.containerStarted(10_000)
    const s = p.snapshot(fakeSnapshot(1, 5), 12_000)
    expect(s.objects).toMatchObject({ total: 8, done: 4, copied: 4 })
    expect(s.bytes).toEqual({ total: 800, done: 400 })
    expect(s.elapsedSeconds).toBe(12)
    // Samples on the job's timeline: the second container's first second is the job's eleventh.
    expect(s.samples).toEqual([
      [1, 1000],
      [11, 1000],
    ])
  })

  it('says planned and no time left once the run has finished', () => {
    const p = new JobProgress(0)
    p.containerStarted(0)
    p.containerEnded(fakeSnapshot(3, 3))
    const s = p.snapshot(undefined, 5000, true)
    expect(s).toMatchObject({ planned: true, etaSeconds: 0, rate: 0 })
    expect(p.snapshot(undefined, 5000).planned).toBe(false)
  })
})
