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
