import type { AppInfo } from '../../../src-preload/contract/types'
import type { ProfileStore } from '../../core/profiles'
import type { SecretVault } from '../../core/secrets'
import type { Handlers } from '../router'
import { appHandlers } from './app'
import { browseHandlers } from './browse'
import { PendingImports } from './pending-imports'
import { jobHandlers, type JobsDeps } from './jobs'
import { importHandlers } from './profile-import'
import { profileTestHandlers } from './profile-test'
import { profileHandlers } from './profiles'
import { secretHandlers } from './secrets'

/** What the handlers need from the composition root. */
export interface HandlerDeps {
  info: AppInfo
  /** The profile store; see lazyProfileStore for why it is a function. */
  profiles: () => ProfileStore
  vault: SecretVault
  /** The job manager the shell opened, and its log directory. */
  jobs: JobsDeps
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
    ...jobHandlers(records, deps.jobs),
  }
}

export { lazyProfileStore } from './lazy-store'
export type { JobsDeps } from './jobs'
