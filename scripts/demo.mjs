#!/usr/bin/env node
// `npm run demo`: starts the loopback test servers (Swift, Keystone, s3api from Debian packages), builds
// the app if needed, fills a demo container and migrates it with the CLI. See src-main/cli/demo.ts.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
process.stdout.write('Starting the test servers (first time: installs Debian packages, ~1 min)…\n')
const servers = spawnSync('bash', [join(root, 'scripts', 'test-servers.sh'), 'start'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
})
if (servers.status !== 0) process.exit(servers.status ?? 1)
// Building is the same as for `npm run migrate`; importing the built demo then runs it.
const build = spawnSync(process.execPath, [join(root, 'scripts', 'migrate.mjs'), '--version'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
})
if (build.status !== 0) process.exit(build.status ?? 1)
await import(pathToFileURL(join(root, 'out', 'main', 'demo.js')).href)
