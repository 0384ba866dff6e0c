import { readFileSync } from 'node:fs'
import { main } from './main'

/**
 * `swift2s3` / `npm run migrate -- …`. The first Ctrl-C stops cleanly (in-flight uploads aborted, the
 * log says how to resume); a second one exits at once.
 */
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  name: string
  version: string
}
const controller = new AbortController()
// conf's atomic writer (when-exit) hooks SIGINT/SIGTERM at import and re-kills the process after its own
// cleanup, which would cut a graceful stop short; this handler owns the signals instead.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal)
  process.on(signal, () => {
    if (controller.signal.aborted) process.exit(130)
    process.stderr.write('\nStopping… (Ctrl-C again to quit at once)\n')
    controller.abort(Object.assign(new Error('Interrupted'), { name: 'AbortError' }))
  })
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
  stdin: process.stdin,
  tool: { name: pkg.name, version: pkg.version },
})
