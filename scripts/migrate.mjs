#!/usr/bin/env node
// `npm run migrate -- ARGS` and the `swift2s3` bin: builds the app when the sources are newer than the
// build (a fresh clone after `npm ci` has no build yet), then runs the CLI in this process so Ctrl-C and
// the exit code behave as they would for any command.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const built = join(root, 'out', 'main', 'cli.js')

// The engine needs Node 22.12+ (undici 8 and the AWS SDK; Electron 45 embeds Node 24). Started by an
// older `node` (the bin on a machine's own Node 20), hand over to the Node 24 that `npm ci` installs
// with the app, or say plainly what is needed instead of failing deep inside a dependency.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  const bundled = join(root, 'node_modules', '.bin', 'node')
  if (existsSync(bundled) && !process.env.SWIFT2S3_REEXEC) {
    const child = spawnSync(bundled, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, SWIFT2S3_REEXEC: '1' },
    })
    process.exit(child.status ?? (child.signal === 'SIGINT' ? 130 : 1))
  }
  process.stderr.write(
    `swift2s3 needs Node.js 22.12 or newer; this is Node.js ${process.versions.node}. Run \`npm ci\` in ${root} (it installs Node 24 for the app) or upgrade Node.js.\n`,
  )
  process.exit(2)
}

function newestSource(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

const stale =
  !existsSync(built) ||
  statSync(built).mtimeMs <
    Math.max(newestSource(join(root, 'src-main')), statSync(join(root, 'package.json')).mtimeMs)
if (stale && existsSync(join(root, 'src-main'))) {
  process.stderr.write('Building swift2s3…\n')
  const viteBin = join(root, 'node_modules', '.bin', 'electron-vite')
  const result = spawnSync(viteBin, ['build'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  })
  if (result.status !== 0) {
    process.stderr.write(
      `${result.stdout ?? ''}${result.stderr ?? ''}\nThe build failed; run \`npm ci\` first if dependencies are missing.\n`,
    )
    process.exit(2)
  }
}
await import(pathToFileURL(built).href)
