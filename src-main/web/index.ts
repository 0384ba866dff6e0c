import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { buildAppInfo } from '../app-info'
import { defaultConfigDir } from '../core/profiles'
import { openBrowserVault, VAULT_KEY_ENV } from '../core/secrets'
import { createHandlers, lazyProfileStore } from '../ipc/handlers'
import { LogService } from '../core/logs'
import { forwardJobEvents, type EventSink } from '../ipc/job-events'
import { forwardLogEvents } from '../ipc/log-events'
import { openJobHost } from '../ipc/job-host'
import { logInternalErrors } from '../ipc/internal-errors'
import { createRouter } from '../ipc/router'
import { openScheduleHost } from '../ipc/schedule-host'
import { openSettingsHost } from '../ipc/settings-host'
import { checkWebHost, newAccessToken } from './access'
import { injectedClock } from './injected-clock'
import { OneTimeFiles, webFileOffer } from './one-time-files'
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
  const hostSource = values.host !== undefined ? '--host' : 'SWIFT2S3_WEB_HOST'
  const host = checkWebHost(values.host ?? process.env['SWIFT2S3_WEB_HOST'] ?? '127.0.0.1', hostSource)
  // A starter (tests, a service manager) may fix the token; otherwise each run gets a new one.
  const token = process.env['SWIFT2S3_WEB_TOKEN'] || newAccessToken()

  // Each browser test starts with its own data directory; people get the desktop app's profiles.
  const dataDir = process.env['SWIFT2S3_DATA_DIR'] || defaultConfigDir()
  // A key too short, or not the one the vault file was written with, stops the start with its reason.
  const vault = await openBrowserVault(dataDir, process.env)

  const info = buildAppInfo('browser', { node: process.versions.node })
  // Browser-mode tests set SWIFT2S3_FAKE_NOW (and SWIFT2S3_CLOCK_RATE) to see schedules come due.
  const clocks = injectedClock(process.env)
  if (clocks) console.warn(`Test clock in use: it is now ${new Date(clocks.scheduler.now()).toISOString()}.`)
  const jobs = await openJobHost(dataDir, clocks?.jobs)
  // Settings put their limits into force before any page can start a job.
  const settings = openSettingsHost(dataDir, jobs.manager, jobs.deps)
  // Exports and reports reach the page as one-time download URLs served next to the app.
  const files = new OneTimeFiles()
  const logs = { service: new LogService({ jobs: () => jobs.manager }), files: webFileOffer(files) }
  const profiles = lazyProfileStore(dataDir)
  // Events reach the pages once the server is up; until then there is no page to tell.
  let broadcast: EventSink = () => {}
  const schedules = openScheduleHost({
    dataDir,
    manager: jobs.manager,
    settings: settings.store,
    profiles,
    vault,
    jobs: settings.jobs,
    ...(clocks && { clock: clocks.scheduler }),
    send: (event, payload) => broadcast(event, payload),
  })
  const handlers = createHandlers({
    info,
    profiles,
    vault,
    jobs: settings.jobs,
    settings: settings.deps(),
    logs,
    schedules: () => schedules.scheduler,
  })
  const router = createRouter(handlers, logInternalErrors())
  const server = await startWebServer({
    router,
    rendererDir: join(import.meta.dirname, '../renderer'),
    token,
    host,
    port,
    files,
  }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `${portSource} ${port} is already in use on ${host}; pick another port, or 0 for any free one.`,
      )
    }
    throw error
  })
  if (!vault.backend().persistent) {
    console.warn(
      `Secrets are kept in memory only; set ${VAULT_KEY_ENV} to keep them encrypted in ${dataDir}.`,
    )
  }
  broadcast = (event, payload) => server.broadcast(event, payload)
  // Pages that connect later call jobs.list; events only keep the open ones current.
  forwardJobEvents(jobs.manager, (event, payload) => server.broadcast(event, payload))
  forwardLogEvents(jobs.manager, logs.service, (event, payload) => server.broadcast(event, payload))
  console.log(`Browser mode ready: ${server.url}`)

  const stop = (): void => {
    // History is written in the background; close() waits for it so the last states are kept.
    settings.stop()
    schedules.stop()
    void Promise.all([server.close(), jobs.manager.close()]).then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
