import { constants } from 'node:fs'
import { access, mkdir } from 'node:fs/promises'
import { isAbsolute } from 'node:path'
import type { SettingsView } from '../../../src-preload/contract/settings'
import { AppError } from '../../core/errors'
import { defaultLogDir, effectiveLogDir, type SettingsStore } from '../../core/settings'
import type { Handlers } from '../router'

type SettingsChannels = 'settings.get' | 'settings.save' | 'settings.chooseLogDir'

/** What the settings channels need from the shell. */
export interface SettingsDeps {
  store: SettingsStore
  /** The app's data folder, under which the default log folder lies. */
  dataDir: string
  /**
   * Main's own folder dialog (desktop only), starting at `current`; resolves null when the user cancels.
   * Browser mode has none: a page there must not name a folder on the machine running the engine.
   */
  chooseDirectory?: (current: string) => Promise<string | null>
}

/** The settings as the Settings screen shows them. */
export function settingsView(deps: SettingsDeps): SettingsView {
  const settings = deps.store.get()
  const problem = deps.store.problem
  return {
    settings,
    logDir: effectiveLogDir(settings, deps.dataDir),
    defaultLogDir: defaultLogDir(deps.dataDir),
    file: deps.store.path,
    desktop: deps.chooseDirectory !== undefined,
    ...(problem !== undefined && { problem }),
  }
}

/** A folder the runs can write to, created when missing; a clear VALIDATION error otherwise. */
async function checkWritableFolder(path: string): Promise<void> {
  if (!isAbsolute(path)) throw new AppError('VALIDATION', 'logDir must be an absolute folder path', 'logDir')
  try {
    await mkdir(path, { recursive: true })
    await access(path, constants.W_OK)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new AppError('VALIDATION', `logDir: the folder ${path} cannot be written to (${code})`, 'logDir')
  }
}

/**
 * The settings.* channels. A change is checked whole by the store (one bad field, named, and nothing is
 * written) and then applied by the store's listeners (job manager limits, retention, desktop glue).
 */
export function settingsHandlers(deps: SettingsDeps): Pick<Handlers, SettingsChannels> {
  return {
    'settings.get': () => settingsView(deps),

    'settings.save': (patch) => {
      deps.store.save(patch)
      return settingsView(deps)
    },

    'settings.chooseLogDir': async () => {
      if (!deps.chooseDirectory) {
        throw new AppError(
          'UNAVAILABLE',
          `The log folder can only be chosen in the desktop app. In browser mode runs write to ${effectiveLogDir(
            deps.store.get(),
            deps.dataDir,
          )} on the machine running the engine.`,
        )
      }
      const chosen = await deps.chooseDirectory(effectiveLogDir(deps.store.get(), deps.dataDir))
      if (chosen === null) return settingsView(deps)
      await checkWritableFolder(chosen)
      // The default folder chosen by hand is stored as "default", so it follows the data folder.
      deps.store.save({ logDir: chosen === defaultLogDir(deps.dataDir) ? null : chosen })
      return settingsView(deps)
    },
  }
}
