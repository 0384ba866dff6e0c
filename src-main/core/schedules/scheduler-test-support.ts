import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JobManager } from '../jobs/job-manager'
import { fakeRunners, fakeSpec, FakeManagerClock } from '../jobs/job-manager-fakes'
import type { JobDefinition } from '../profiles/job-definition'
import { MissingSecretError } from '../profiles/resolve-job-spec'
import { ScheduleStore } from './schedule-store'
import { Scheduler } from './scheduler'
import type { ScheduleNotice, ScheduleView } from './scheduler-types'
import type { SpecSource } from './spec-source'

/**
 * A scheduler on a fake clock over a real job manager (with fake runners) and a real schedule store
 * in a temporary folder, for the scheduler's tests. Call {@link closeSchedulerTests} after each test.
 */

export const at = (iso: string): number => Date.parse(iso)
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
const dirs: string[] = []
const managers: JobManager[] = []

/** Closes the managers and removes the folders the tests made. */
export async function closeSchedulerTests(): Promise<void> {
  // History is written in the background; let it land before its folder goes.
  for (const manager of managers.splice(0)) await manager.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 })
}

/** The one saved migration the fake spec source knows. */
export const DEFINITION = {
  id: 'def-1',
  name: 'Media to S3',
  source: { profileId: 'p1' },
  target: { profileId: 'p2' },
  options: { bandwidthLimitMb: null },
} as unknown as JobDefinition

/** Saved migrations and secrets the test controls: `secrets` false makes every resolve miss one. */
function fakeSpecs() {
  const state = { secrets: true, baseLimitMb: null as number | null, resolves: 0 }
  const missing = () =>
    new MissingSecretError([
      {
        ref: 'profile:p1:password',
        profileKind: 'swift',
        profileId: 'p1',
        profileName: 'Prod Swift',
        field: 'password',
        label: 'password',
      },
    ])
  const specs: SpecSource = {
    definition: (id) => (id === DEFINITION.id ? DEFINITION : undefined),
    resolve: async () => {
      state.resolves++
      if (!state.secrets) throw missing()
      return fakeSpec({ bandwidthLimitMb: state.baseLimitMb })
    },
    outline: async () => fakeSpec(),
    unattended: async () => ({ ok: true, problems: [], notes: [] }),
  }
  return { specs, state }
}

/** Lets promise chains (resolve → start → settle) run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
}

export async function setup(
  options: { start?: string; runMissed?: boolean; dir?: string; baseGlobal?: number | null } = {},
) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'scheduler-'))
  dirs.push(dir)
  const clock = new FakeManagerClock(at(options.start ?? '2026-05-06T10:00:00Z'))
  const { factory, runners } = fakeRunners()
  let n = 0
  const manager = await JobManager.open({
    historyDir: join(dir, 'history'),
    tool: { name: 'swift2s3', version: 'test' },
    startedBy: 'tester@host',
    // The manager's progress ticks (4 a second) would make stepping through a day of fake time slow;
    // its state changes, which these tests follow, are pushed at once without them.
    clock: { now: () => clock.now(), setTimer: () => 0, clearTimer: () => {} },
    runJob: factory,
    newId: () => `job-${++n}`,
  })
  managers.push(manager)
  const store = new ScheduleStore({ cwd: dir, now: () => clock.now(), defaultTimeZone: 'UTC' })
  const { specs, state } = fakeSpecs()
  const settings = { runMissed: options.runMissed ?? true, baseGlobal: options.baseGlobal ?? null }
  const scheduler = new Scheduler({
    store,
    jobs: manager,
    specs,
    clock,
    runMissedAtStartup: () => settings.runMissed,
    baseGlobalBandwidthMb: () => settings.baseGlobal,
  })
  const notices: ScheduleNotice[] = []
  let lists: ScheduleView[][] = []
  scheduler.on((event) => {
    if (event.type === 'notice') notices.push(event.notice)
    else lists.push(event.schedules)
  })
  /** Moves the fake clock on from timer to timer, letting async work run in between. */
  async function advance(ms: number): Promise<void> {
    const until = clock.now() + ms
    for (;;) {
      await flush()
      const next = clock.nextAt()
      if (next === undefined || next > until) break
      clock.advance(Math.max(0, next - clock.now()))
    }
    clock.advance(until - clock.now())
    await flush()
  }
  async function advanceTo(iso: string): Promise<void> {
    await advance(at(iso) - clock.now())
  }
  const save = (overrides: Record<string, unknown> = {}) =>
    scheduler.save({
      name: 'Nightly',
      definitionId: 'def-1',
      trigger: { type: 'daily', time: '02:00' },
      timeZone: 'UTC',
      ...overrides,
    })
  return {
    dir,
    clock,
    runners,
    manager,
    store,
    state,
    settings,
    scheduler,
    notices,
    lists: () => lists,
    clearLists: () => (lists = []),
    advance,
    advanceTo,
    save,
  }
}
