import type { AppInfo } from '../../../src-preload/contract/types'
import type { ProfileStore } from '../../core/profiles'
import type { Scheduler } from '../../core/schedules'
import type { SecretVault } from '../../core/secrets'
import type { Handlers } from '../router'
import { appHandlers } from './app'
import { browseHandlers } from './browse'
import { bucketHandlers } from './browse-buckets'
import { PendingImports } from './pending-imports'
import { jobHandlers, type JobsDeps } from './jobs'
import { defaultLogs, logHandlers, type LogsDeps } from './logs'
import { importHandlers } from './profile-import'
import { profileTestHandlers } from './profile-test'
import { profileHandlers } from './profiles'
import { scheduleHandlers } from './schedules'
import { secretHandlers } from './secrets'
import { settingsHandlers, type SettingsDeps } from './settings'

/** What the handlers need from the composition root. */
export interface HandlerDeps {
  info: AppInfo
  /** The profile store; see lazyProfileStore for why it is a function. */
  profiles: () => ProfileStore
  vault: SecretVault
  /** The job manager the shell opened, and its log directory. */
  jobs: JobsDeps
  /** The shell's log service and file hand-over; without it logs read from `jobs` and export is unavailable. */
  logs?: LogsDeps
  /** The settings store, the data folder and (desktop only) main's folder dialog. */
  settings: SettingsDeps
  /** The scheduler the shell started (openScheduleHost); without it schedules.* answer UNAVAILABLE. */
  schedules?: () => Scheduler
  /** Why the shell's usual vault could not be opened, when it fell back to another; shown in Settings. */
  vaultProblem?: string
  /** Clock for how long imported secrets are held; Date.now otherwise. */
  now?: () => number
}

/** All channel handlers, one spread per domain; the `Handlers` type catches a missing channel. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const records = { store: deps.profiles, vault: deps.vault }
  const imports = new PendingImports(deps.now)
  return {
    ...appHandlers(deps.info),
    ...profileHandlers(records, imports),
    ...importHandlers(imports),
    ...profileTestHandlers(records),
    ...secretHandlers(records, deps.vaultProblem),
    ...browseHandlers(records),
    ...bucketHandlers(records),
    ...jobHandlers(records, deps.jobs),
    ...logHandlers(deps.logs ?? defaultLogs(deps.jobs)),
    ...settingsHandlers(deps.settings),
    ...scheduleHandlers(deps.schedules),
  }
}

export { lazyProfileStore } from './lazy-store'
export type { JobsDeps } from './jobs'
export type { LogsDeps } from './logs'
export type { SettingsDeps } from './settings'
