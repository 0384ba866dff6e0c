import { create } from 'zustand'
import type { AppInfo } from '../../../src-preload/contract/types'
import { call } from '../ipc/bridge'

interface AppInfoState {
  info: AppInfo | null
  error: string | null
}

/** The engine's identity (version, platform, shell mode), loaded once at start. */
export const useAppInfo = create<AppInfoState>(() => ({ info: null, error: null }))

/** Asks main for its identity. */
export async function loadAppInfo(): Promise<void> {
  try {
    useAppInfo.setState({ info: await call('app.info'), error: null })
  } catch (error) {
    useAppInfo.setState({ error: error instanceof Error ? error.message : String(error) })
  }
}
