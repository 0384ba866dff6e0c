import { hostname, userInfo } from 'node:os'
import { join } from 'node:path'
import { name, version } from '../../package.json'
import { JobManager } from '../core/jobs/job-manager'
import type { ManagerClock } from '../core/jobs/job-manager-clock'
import type { JobsDeps } from './handlers/jobs'

/** Who starts jobs from the app, as the CLI says it: user@host (the host alone where there is no user). */
function startedBy(): string {
  try {
    return `${userInfo().username}@${hostname()}`
  } catch {
    return hostname()
  }
}

/**
 * Opens the job manager of a shell over its data directory: history in `history/`, logs and reports in
 * `logs/`. Shared by the desktop app and browser mode so both keep runs in the same place.
 */
export async function openJobHost(
  dataDir: string,
  /** Browser-mode tests inject a clock so history times agree with the scheduler's (see web/index.ts). */
  clock?: ManagerClock,
): Promise<{ manager: JobManager; deps: JobsDeps }> {
  const manager = await JobManager.open({
    historyDir: join(dataDir, 'history'),
    tool: { name, version },
    startedBy: startedBy(),
    ...(clock && { clock }),
  })
  return { manager, deps: { manager: () => manager, logDir: join(dataDir, 'logs') } }
}
