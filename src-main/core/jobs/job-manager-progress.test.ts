import { describe, expect, it } from 'vitest'
import type { ProgressSnapshot } from '../transfer/progress'
import { fakeSnapshot, fakeSpec } from './job-manager-fakes'
import { canEstimate, JobProgress } from './job-manager-progress'

/** A container's tracker part-way through its listing: `listed` found so far, `done` of them copied. */
function listing(done: number, listed: number, rate = 1000): ProgressSnapshot {
  return { ...fakeSnapshot(done, listed), planned: false, rate, etaSeconds: null }
}

const stats = [
  { name: 'photos', objectCount: 10, bytesUsed: 1000 },
  { name: 'videos', objectCount: 30, bytesUsed: 3000 },
]

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

describe("JobProgress: an estimate from the containers' stats until everything is listed", () => {
  it('estimates the whole job from preflight, before a single object is listed', () => {
    const p = new JobProgress(0)
    expect(p.snapshot(undefined, 0).estimate).toBeNull()
    p.sourceKnown(stats)
    const s = p.snapshot(undefined, 500)
    expect(s.objects.total).toBe(0)
    expect(s).toMatchObject({ planned: false, etaSeconds: null })
    expect(s.estimate).toEqual({ objects: 40, bytes: 4000, etaSeconds: null })
  })

  it('counts what is listed exactly and the rest by the stats, with the time left at the current rate', () => {
    const p = new JobProgress(0)
    p.sourceKnown(stats)
    p.containerStarted(0, 'photos')
    // 4 of photos listed, 2 copied: photos still counts as its 10, videos as its 30.
    const s = p.snapshot(listing(2, 4, 100), 1000)
    expect(s.objects).toMatchObject({ total: 4, done: 2 })
    expect(s.estimate).toEqual({ objects: 40, bytes: 4000, etaSeconds: 38 })
    // Photos listed in full (12: its stats lagged behind two new objects): its exact count replaces them.
    const listed: ProgressSnapshot = { ...fakeSnapshot(5, 12), etaSeconds: 7 }
    const t = p.snapshot(listed, 2000)
    expect(t.estimate).toMatchObject({ objects: 42, bytes: 4200 })
    // The first container's own time left is not the job's: no exact ETA while videos is unlisted.
    expect(t).toMatchObject({ planned: false, etaSeconds: null })
  })

  it('gives way to the exact totals once the last container is listed, and says planned only then', () => {
    const p = new JobProgress(0)
    p.sourceKnown(stats)
    p.containerStarted(0, 'photos')
    p.containerEnded(fakeSnapshot(10, 10))
    // Between containers (photos verifying): videos is still known only by its stats.
    expect(p.snapshot(undefined, 1000)).toMatchObject({
      planned: false,
      estimate: { objects: 40, bytes: 4000, etaSeconds: null },
    })
    p.containerStarted(2000, 'videos')
    expect(p.snapshot(listing(3, 8), 3000).estimate).toMatchObject({ objects: 40, bytes: 4000 })
    const last: ProgressSnapshot = { ...fakeSnapshot(3, 31), etaSeconds: 28 }
    const s = p.snapshot(last, 4000)
    expect(s).toMatchObject({ planned: true, etaSeconds: 28, estimate: null })
    expect(s.objects.total).toBe(41)
  })

  it('drops an estimate the copy has already outrun', () => {
    const p = new JobProgress(0)
    p.sourceKnown([{ name: 'photos', objectCount: 2, bytesUsed: 200 }])
    p.containerStarted(0, 'photos')
    expect(p.snapshot(listing(2, 3), 1000).estimate).toMatchObject({ objects: 3, bytes: 300 })
    // More copied than the stats and the listing together promise: the stats are wrong.
    const outrun: ProgressSnapshot = {
      ...listing(3, 3),
      bytes: { total: 300, done: 450 },
    }
    expect(p.snapshot(outrun, 2000).estimate).toBeNull()
  })

  it('makes none when the stats do not describe what is copied, yet still knows when all is listed', () => {
    const p = new JobProgress(0, false)
    p.sourceKnown(stats)
    p.containerStarted(0, 'photos')
    expect(p.snapshot(listing(1, 2), 1000)).toMatchObject({ planned: false, estimate: null })
    p.containerEnded(fakeSnapshot(10, 10))
    p.containerStarted(0, 'videos')
    expect(p.snapshot(fakeSnapshot(1, 30), 2000)).toMatchObject({ planned: true, estimate: null })
  })

  it('estimates only plain copy runs: no prefix, no include or exclude pattern, not a dry run', () => {
    expect(canEstimate(fakeSpec())).toBe(true)
    const withSource = (source: Partial<ReturnType<typeof fakeSpec>['source']>) => {
      const spec = fakeSpec()
      spec.source = { ...spec.source, ...source }
      return spec
    }
    expect(canEstimate(withSource({ prefix: '2024/' }))).toBe(false)
    expect(canEstimate(withSource({ include: ['*.jpg'] }))).toBe(false)
    expect(canEstimate(withSource({ exclude: ['tmp/**'] }))).toBe(false)
    expect(canEstimate(withSource({ include: [], exclude: [] }))).toBe(true)
    // Markers are empty objects: bytes and the time left stay right.
    expect(canEstimate(withSource({ directoryMarkers: 'skip' }))).toBe(true)
    expect(canEstimate(fakeSpec({ dryRun: true }))).toBe(false)
    expect(canEstimate(fakeSpec({ verifyOnly: true }))).toBe(false)
  })
})
