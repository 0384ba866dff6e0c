import type { JobManager } from '../core/jobs/job-manager'
import {
  applyToJobManager,
  defaultLogDir,
  effectiveLogDir,
  runDefaultsOf,
  SettingsStore,
  startLogRetention,
  type PruneResult,
  type RetentionTimers,
} from '../core/settings'
import type { JobsDeps } from './handlers/jobs'
import type { SettingsDeps } from './handlers/settings'

export interface SettingsHost {
  store: SettingsStore
  /** The jobs channels' deps with the log folder and run defaults taken from the settings in force. */
  jobs: JobsDeps
  /** The settings channels' deps; the desktop app adds its folder dialog. */
  deps(chooseDirectory?: SettingsDeps['chooseDirectory']): SettingsDeps
  /** Stops the daily retention pass. */
  stop(): void
}

export interface SettingsHostOptions {
  /** Where retention reports what it deleted or could not delete. */
  log?: (message: string) => void
  timers?: RetentionTimers
}

function describePrune(result: PruneResult): string {
  const failed = result.failed.map((f) => `${f.path} (${f.reason})`).join(', ')
  return (
    `[settings] log retention deleted ${result.removed.length} file(s)` +
    (failed ? `; could not delete ${failed}` : '')
  )
}

/**
 * Opens the settings of a shell over its data folder and puts them into force: the job manager's limits
 * now and after every save, the log folder and run defaults for each new run, and log retention at
 * start-up and once a day. Shared by the desktop app and browser mode.
 *
 * A new log folder applies to runs started after the change; runs under way keep writing where they
 * began, and their files stay where they are.
 */
export function openSettingsHost(
  dataDir: string,
  manager: Pick<JobManager, 'setWorkerCap' | 'setGlobalBandwidth' | 'setPartBudget' | 'list'>,
  base: JobsDeps,
  options: SettingsHostOptions = {},
): SettingsHost {
  const log = options.log ?? ((message: string) => console.log(message))
  const store = new SettingsStore({ cwd: dataDir })
  if (store.problem) log(`[settings] ${store.problem}`)
  applyToJobManager(store.get(), manager)

  const retention = startLogRetention({
    days: () => store.get().logRetentionDays,
    // The folder in force and the default one: runs from before a change of folder age out as well.
    dirs: () => [...new Set([effectiveLogDir(store.get(), dataDir), defaultLogDir(dataDir)])],
    runs: () => manager.list(),
    report: (result) => log(describePrune(result)),
    onError: (error) => log(`[settings] log retention failed: ${(error as Error).message}`),
    ...(options.timers && { timers: options.timers }),
  })

  store.on((settings, previous) => {
    applyToJobManager(settings, manager)
    // A shorter retention takes effect at once rather than at tomorrow's pass.
    if (settings.logRetentionDays !== previous.logRetentionDays) {
      void retention.runNow().catch(() => {})
    }
  })

  const jobs: JobsDeps = { ...base, runDefaults: () => runDefaultsOf(store.get()) }
  Object.defineProperty(jobs, 'logDir', {
    get: () => effectiveLogDir(store.get(), dataDir),
    enumerable: true,
  })

  return {
    store,
    jobs,
    deps: (chooseDirectory) => ({ store, dataDir, ...(chooseDirectory && { chooseDirectory }) }),
    stop: retention.stop,
  }
}
