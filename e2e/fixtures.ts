import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'

/** A browser-mode server started for one test, with its own data directory (for profiles and history once the engine keeps any). */
export interface AppServer {
  url: string
  origin: string
  token: string
  dataDir: string
}

const ROOT = join(import.meta.dirname, '..')

/** Starts `out/main/web.js` on a free port and waits for the URL it prints. */
async function startServer(
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<{ server: AppServer; child: ChildProcess }> {
  const token = randomBytes(24).toString('base64url')
  const dataDir = mkdtempSync(join(tmpdir(), 'swift2s3-e2e-'))
  const child = spawn(process.execPath, [join(ROOT, 'out/main/web.js'), '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, ...extraEnv, SWIFT2S3_WEB_TOKEN: token, SWIFT2S3_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 15_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /Browser mode ready: (\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)))
  })
  return { server: { url, origin: new URL(url).origin, token, dataDir }, child }
}

/** Console errors and uncaught page errors, collected so tests can assert there were none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

export const test = base.extend<{ app: AppServer; serverEnv: Record<string, string> }>({
  /** More environment for the server, per file: `test.use({ serverEnv: { SWIFT2S3_FAKE_NOW: … } })`. */
  serverEnv: [{}, { option: true }],
  app: async ({ serverEnv }, use) => {
    const { server, child } = await startServer(serverEnv)
    await use(server)
    child.kill('SIGTERM')
  },
})

export { expect }
