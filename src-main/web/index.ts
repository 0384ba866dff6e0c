import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { buildAppInfo } from '../app-info'
import { createHandlers } from '../ipc/handlers'
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
  const port = Number(values.port ?? process.env['SWIFT2S3_WEB_PORT'] ?? 0)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535, got "${values.port}"`)
  }
  const host = values.host ?? process.env['SWIFT2S3_WEB_HOST'] ?? '127.0.0.1'
  // A starter (tests, a service manager) may fix the token; otherwise each run gets a new one.
  const token = process.env['SWIFT2S3_WEB_TOKEN'] || newAccessToken()

  const info = buildAppInfo('browser', { node: process.versions.node })
  const router = createRouter(createHandlers({ info }), (channel, error) =>
    console.error(`[ipc] ${channel} failed:`, error),
  )
  const server = await startWebServer({
    router,
    rendererDir: join(import.meta.dirname, '../renderer'),
    token,
    host,
    port,
  })
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    console.warn(`Warning: listening on ${host}, reachable from other machines; keep the URL secret.`)
  }
  console.log(`Browser mode ready: ${server.url}`)

  const stop = (): void => {
    void server.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
