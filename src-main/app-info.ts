import { productName, version } from '../package.json'
import type { AppInfo, ShellMode } from '../src-preload/contract/types'

/** Builds the app's identity for a shell; shared by Electron and browser mode. */
export function buildAppInfo(mode: ShellMode, versions: AppInfo['versions']): AppInfo {
  return { name: productName, version, platform: process.platform, mode, versions }
}
