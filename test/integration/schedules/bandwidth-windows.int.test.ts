import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JobManager } from '../../../src-main/core/jobs/job-manager'
import { FakeManagerClock } from '../../../src-main/core/jobs/job-manager-fakes'
import type { JobSpec } from '../../../src-main/core/jobs/job-spec'
import type { JobDefinition } from '../../../src-main/core/profiles/job-definition'
import { ScheduleStore, Scheduler, type SpecSource } from '../../../src-main/core/schedules'
import { jobSpec } from '../jobs/manager-support'
import { createBucket, rawClient, removeBucket } from '../s3/s3-support'
import { client, removeContainer, tempauth, unique } from '../support/swift-clients'

/**
 * A bandwidth window closing while a real run copies from the loopback Swift to s3api: the run starts
 * at the window's 0.5 MB/s, and speeds up when the scheduler's clock passes the window's end. The
 * scheduler keeps time on a fake clock; the engine moves real bytes in real time.
 */

const swift = client({ auth: tempauth() })
const container = unique('sched-bw')
const s3 = rawClient()
let bucket = ''
const MB = 1_000_000
const OBJECTS = 8

beforeAll(async () => {
  await swift.putContainer(container)
  for (let i = 0; i < OBJECTS; i++) await swift.putObject(container, `part-${i}.bin`, randomBytes(MB))
  bucket = unique('sched-bw')
  await createBucket(s3, bucket)
}, 120_000)

afterAll(async () => {
  await removeContainer(swift, container).catch(() => undefined)
  await swift.close()
  await removeBucket(s3, bucket).catch(() => undefined)
  s3.destroy()
}, 120_000)

const spec = (): JobSpec => jobSpec(container, bucket, { maxWorkers: 2 })

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('bandwidth windows on a real run', () => {
  it('slows a run while the window is open and lets it go when the window closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sched-bw-'))
    const manager = await JobManager.open({
      historyDir: join(dir, 'history'),
      tool: { name: 'swift2s3', version: 'test' },
      startedBy: 'integration',
    })
    // Monday 6 May 2030, one minute before the window closes.
    const clock = new FakeManagerClock(Date.parse('2030-05-06T07:59:00Z'))
    const store = new ScheduleStore({ cwd: dir, now: () => clock.now(), defaultTimeZone: 'UTC' })
    const definition = {
      id: 'def-bw',
      name: 'Windowed copy',
      source: { profileId: 'swift-profile' },
      target: { profileId: 's3-profile' },
      options: { bandwidthLimitMb: null },
    } as unknown as JobDefinition
    const specs: SpecSource = {
      definition: (id) => (id === definition.id ? definition : undefined),
      resolve: async () => spec(),
      outline: async () => spec(),
      unattended: async () => ({ ok: true, problems: [], notes: [] }),
    }
    const scheduler = new Scheduler({
      store,
      jobs: manager,
      specs,
      clock,
      runMissedAtStartup: () => false,
      baseGlobalBandwidthMb: () => null,
    })
    scheduler.start()
    const { schedule } = await scheduler.save({
      name: 'Office hours',
      definitionId: definition.id,
      trigger: { type: 'daily', time: '23:00' },
      timeZone: 'UTC',
      bandwidthWindows: [{ days: ['mon'], start: '07:00', end: '08:00', limitMb: 0.5 }],
    })

    const job = await scheduler.runNow(schedule.id)
    expect(job.bandwidthLimitMb).toBe(0.5)
    await sleep(3000)
    const slow = manager.get(job.id).progress?.bytes.done ?? 0
    // Three seconds at 0.5 MB/s (plus the bucket's first burst) is far from the 8 MB there are.
    expect(slow).toBeLessThan(3 * MB)

    const switched = Date.now()
    clock.advance(60_000)
    expect(manager.get(job.id).bandwidthLimitMb).toBeNull()
    const done = await manager.settled(job.id)
    expect(done).toMatchObject({ state: 'done', outcome: 'completed', scheduleId: schedule.id })
    expect(done.totals.copied).toBe(OBJECTS)
    // At 0.5 MB/s the rest would take over ten seconds; without the limit it is done in a few.
    expect(Date.now() - switched).toBeLessThan(8000)
    scheduler.stop()
    await manager.close()
  }, 60_000)
})
