import { create } from 'zustand'
import type { VaultInfo } from '../../../src-preload/contract/secrets'
import type { SettingsPatch, SettingsView } from '../../../src-preload/contract/settings'
import { call } from '../ipc/bridge'

interface SettingsState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  /** The settings as main last answered them. */
  view: SettingsView | null
  /** Why loading failed, for the screen to say. */
  error: string | null
  /** How main keeps secrets, for the Settings screen's plain statement. */
  vault: VaultInfo | null
  vaultError: string | null
}

/**
 * The app's settings as main keeps them (settings.json). Other screens read `view.settings` too, for
 * example the New Migration form's default worker count.
 */
export const useSettings = create<SettingsState>(() => ({
  status: 'idle',
  view: null,
  error: null,
  vault: null,
  vaultError: null,
}))

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Asks main for the settings and how secrets are kept. */
export async function loadSettings(): Promise<void> {
  useSettings.setState({ status: 'loading', error: null })
  const [view, vault] = await Promise.allSettled([call('settings.get'), call('secrets.backend')])
  useSettings.setState({
    status: view.status === 'fulfilled' ? 'ready' : 'error',
    view: view.status === 'fulfilled' ? view.value : useSettings.getState().view,
    error: view.status === 'rejected' ? message(view.reason) : null,
    vault: vault.status === 'fulfilled' ? vault.value : null,
    vaultError: vault.status === 'rejected' ? message(vault.reason) : null,
  })
}

/** Saves a change; rejects with main's CallError (code VALIDATION and the field) when a value is refused. */
export async function saveSettings(patch: SettingsPatch): Promise<SettingsView> {
  const view = await call('settings.save', patch)
  useSettings.setState({ view, status: 'ready', error: null })
  return view
}

/** Lets main ask the user for a log folder (desktop only); the view is unchanged when they cancel. */
export async function chooseLogDir(): Promise<SettingsView> {
  const view = await call('settings.chooseLogDir')
  useSettings.setState({ view })
  return view
}
