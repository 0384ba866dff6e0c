import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { buildAppInfo } from '../app-info'
import { defaultConfigDir } from '../core/profiles'
import { openBrowserVault, VAULT_KEY_ENV } from '../core/secrets'
import { createHandlers, lazyProfileStore } from '../ipc/handlers'
import { forwardJobEvents } from '../ipc/job-events'
import { openJobHost } from '../ipc/job-host'
import { createRouter } from '../ipc/router'
import { newAccessToken } from './access'
import { startWebServer } from './server'

/**
 * Browser mode entry (`npm run web`): the engine and the IPC router in plain Node, the UI in any
 * browser on this machine. Used where Electron cannot run, and by the browser tests.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
    },
  })
  const portSource = values.port !== undefined ? '--port' : 'SWIFT2S3_WEB_PORT'
  const portText = values.port ?? process.env['SWIFT2S3_WEB_PORT'] ?? '0'
  const port = /^\d+$/.test(portText) ? Number(portText) : Number.NaN
  if (!Number.isInteger(port) || port > 65535) {
    throw new Error(`${portSource} must be a whole number from 0 (any free port) to 65535, got "${portText}"`)
  }
  const host = values.host ?? process.env['SWIFT2S3_WEB_HOST'] ?? '127.0.0.1'
  // A starter (tests, a service manager) may fix the token; otherwise each run gets a new one.
  const token = process.env['SWIFT2S3_WEB_TOKEN'] || newAccessToken()

  // Each browser test starts with its own data directory; people get the desktop app's profiles.
  const dataDir = process.env['SWIFT2S3_DATA_DIR'] || defaultConfigDir()
  // A key too short, or not the one the vault file was written with, stops the start with its reason.
  const vault = await openBrowserVault(dataDir, process.env)

  const info = buildAppInfo('browser', { node: process.versions.node })
  const jobs = await openJobHost(dataDir)
  const handlers = createHandlers({ info, profiles: lazyProfileStore(dataDir), vault, jobs: jobs.deps })
  const router = createRouter(handlers, (channel, error) => console.error(`[ipc] ${channel} failed:`, error))
  const server = await startWebServer({
    router,
    rendererDir: join(import.meta.dirname, '../renderer'),
    token,
    host,
    port,
  }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `${portSource} ${port} is already in use on ${host}; pick another port, or 0 for any free one.`,
      )
    }
    throw error
  })
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    console.warn(`Warning: listening on ${host}, reachable from other machines; keep the URL secret.`)
  }
  if (!vault.backend().persistent) {
    console.warn(
      `Secrets are kept in memory only; set ${VAULT_KEY_ENV} to keep them encrypted in ${dataDir}.`,
    )
  }
  // Pages that connect later call jobs.list; events only keep the open ones current.
  forwardJobEvents(jobs.manager, (event, payload) => server.broadcast(event, payload))
  console.log(`Browser mode ready: ${server.url}`)

  const stop = (): void => {
    // History is written in the background; close() waits for it so the last states are kept.
    void Promise.all([server.close(), jobs.manager.close()]).then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
