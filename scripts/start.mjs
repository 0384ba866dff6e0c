#!/usr/bin/env node
// `npm start`: sets up and opens the app.
// 1. installs dependencies when node_modules is missing or older than the lockfile;
// 2. builds main, preload and renderer;
// 3. fetches the Electron binary (`install-electron`) and opens the desktop app, or, where it cannot
//    be fetched (offline or locked-down machines), says so in one line and starts browser mode.
// `npm start -- --web` (or SWIFT2S3_WEB=1) goes straight to browser mode.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const wantWeb = process.argv.includes('--web') || process.env.SWIFT2S3_WEB === '1'

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options })
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`)
    process.exit(result.status ?? 1)
  }
  return result
}

function dependenciesStale() {
  const marker = join(root, 'node_modules', '.package-lock.json')
  if (!existsSync(marker) || !existsSync(bin('electron-vite'))) return true
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs
}

if (dependenciesStale()) {
  console.log('Installing dependencies (npm ci)…')
  run('npm', ['ci', '--no-audit', '--no-fund'])
}

// Node from the `node` devDependency: the same major version Electron embeds.
const node = existsSync(bin('node')) ? bin('node') : process.execPath

console.log('Building the app…')
run(node, [bin('electron-vite'), 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })

function startBrowserMode() {
  const child = spawn(node, [join(root, 'out', 'main', 'web.js'), ...passThroughArgs()], {
    cwd: root,
    stdio: 'inherit',
  })
  forwardSignals(child)
}

function passThroughArgs() {
  return process.argv.slice(2).filter((arg) => arg !== '--web')
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

if (wantWeb) {
  startBrowserMode()
} else {
  // electron-vite and the electron CLI read this file to find an installed binary.
  if (!existsSync(join(root, 'node_modules', 'electron', 'path.txt'))) {
    console.log('Fetching the Electron binary (first run only)…')
  }
  const fetched = spawnSync(node, [bin('install-electron')], { cwd: root, encoding: 'utf8' })
  if (fetched.status === 0) {
    const child = spawn(node, [bin('electron'), '.'], { cwd: root, stdio: 'inherit' })
    forwardSignals(child)
  } else {
    const reason = `${fetched.stderr}\n${fetched.stdout}`
      .split('\n')
      .map((line) => line.trim())
      .find((line) => /error|fail|ENOTFOUND|ECONN|fetch/i.test(line))
    console.log(
      `The Electron binary could not be downloaded (${reason ?? 'no network?'}); starting browser mode instead.`,
    )
    startBrowserMode()
  }
}
