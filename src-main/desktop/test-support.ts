import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JobManager } from '../core/jobs/job-manager'
import { FakeManagerClock, fakeRunners } from '../core/jobs/job-manager-fakes'

/** A real job manager over a temporary history with scripted runners, for the desktop glue's tests. */
export async function managerWithFakeRunners() {
  const { factory, runners } = fakeRunners()
  let n = 0
  const manager = await JobManager.open({
    historyDir: await mkdtemp(join(tmpdir(), 'desktop-jobs-')),
    tool: { name: 'swift2s3', version: 'test' },
    startedBy: 'tester@host',
    clock: new FakeManagerClock(),
    runJob: factory,
    newId: () => `job-${++n}`,
  })
  return { manager, runners }
}

/** Lets a finished run's promise reach the manager. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
