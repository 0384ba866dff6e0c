import { join } from 'node:path'
import type { AppSettings } from '../../../src-preload/contract/settings'
import type { JobManager } from '../jobs/job-manager'
import type { JobRunOverrides } from '../profiles/resolve-job-spec'

/** The folder runs write to when Settings names none: `<data folder>/logs`. */
export function defaultLogDir(dataDir: string): string {
  return join(dataDir, 'logs')
}

/** The folder runs write to now. */
export function effectiveLogDir(settings: Pick<AppSettings, 'logDir'>, dataDir: string): string {
  return settings.logDir ?? defaultLogDir(dataDir)
}

/** What the job manager must be told when the settings change. */
export type ManagerLimits = Pick<JobManager, 'setWorkerCap' | 'setGlobalBandwidth' | 'setPartBudget'>

/**
 * Puts the process-wide limits into force. A higher worker cap starts queued jobs at once; a lower one,
 * and a smaller part budget, take effect as work in flight finishes; the bandwidth limit at once.
 */
export function applyToJobManager(settings: AppSettings, manager: ManagerLimits): void {
  manager.setWorkerCap(settings.globalWorkerCap)
  manager.setGlobalBandwidth(settings.globalBandwidthMb)
  manager.setPartBudget(settings.partBudgetMb)
}

/**
 * The defaults a run started by the app (by hand or by a schedule) takes for options its saved
 * migration leaves unset, the worker count among them: a migration saved over IPC or imported without
 * one runs with `defaultWorkers`, read at each run, not the CLI's 16.
 */
export function runDefaultsOf(settings: AppSettings): NonNullable<JobRunOverrides['defaults']> {
  return {
    maxWorkers: settings.defaultWorkers,
    multipartThresholdMb: settings.multipartThresholdMb,
    partBudgetMb: settings.partBudgetMb,
  }
}
