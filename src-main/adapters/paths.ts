import { join } from 'node:path'
import { app } from 'electron'
import { APP_DIR_NAME } from '../core/profiles/config-dir'

/**
 * Points userData at `<appData>/swift2s3`, the folder the CLI computes with defaultConfigDir(), so both
 * open the same profiles and vault. Left alone, Electron names the folder after the productName
 * ("Swift to S3"). Call before `ready` and before requestSingleInstanceLock(), which keeps its lock there.
 */
export function pinUserDataDir(): string {
  const dir = join(app.getPath('appData'), APP_DIR_NAME)
  app.setPath('userData', dir)
  return dir
}

/** Where the profile store and the vault file live: the `cwd` for ProfileStore and CipherVault. */
export function userDataDir(): string {
  return app.getPath('userData')
}
