#!/usr/bin/env node
// `npm run bench [-- --quick]`: swift2s3's engine against rclone on the loopback test servers, with the
// same data and the same concurrency (16). Each figure is the median of interleaved runs (ours, rclone,
// ours, rclone…), every copy into a fresh empty bucket except W3, which re-runs W1 onto its own result.
//   W1  2,000 objects of 1–64 KiB
//   W2  four 64 MiB objects and one 64 MiB SLO
//   W3  W1 again with nothing changed
//   W4  W1 with both endpoints behind a proxy that delivers every chunk 50 ms late, both ways
// W1, W3 and W4 go through a TCP proxy that counts HTTP requests and bytes (W1/W3 without delay); W2 goes
// direct so 320 MiB do not have to cross this process. Results: the terminal and docs/performance.md.
// One bench at a time per server set (a lock in the temp dir); it stops when the servers are restarted
// under it, and saves every finished run in its work dir (runs.json) for `--from DIR` to report again.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { writePerformanceDoc } from './doc.mjs'
import { lockServers } from './lock.mjs'
import { measure, measuringWith } from './measure.mjs'
import { startProxy } from './proxy.mjs'
import { idleServerLoad, serverCpu, serverCpuDelta } from './server-cpu.mjs'
import {
  evaluateTargets,
  markdownTable,
  RESULT_HEADER,
  resultRows,
  summarize,
  TARGET_HEADER,
  targetRows,
  textTable,
} from './report.mjs'
import { createLargeObjects, createSmallObjects, swiftLogin } from './swift.mjs'
import { nodeForCli, oursCommand, rcloneCommand } from './tools.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const PREFIX = 'bench-'
const WAN_DELAY_MS = 50
const SERVER_NAMES = ['proxy', 'object', 'container', 'account']

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      objects: { type: 'string' },
      only: { type: 'string' },
      doc: { type: 'boolean' },
      from: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(
      'Usage: npm run bench [-- --quick] [--runs N] [--objects N] [--only W1,W2,W3,W4] [--doc|--no-doc]\n' +
        '  --quick    1 run each, W1 with 300 objects (a fast check; does not write docs/performance.md)\n' +
        '  --doc      write docs/performance.md even with --quick/--only (a full run writes it by default)\n' +
        '  --from DIR report again from the runs a bench saved in DIR (runs.json), without running anything\n',
    )
    process.exit(0)
  }
  const only = new Set((values.only ?? 'W1,W2,W3,W4').toUpperCase().split(','))
  const full = !values.quick && !values.only && !values.runs && !values.objects
  return {
    runs: Number(values.runs ?? (values.quick ? 1 : 3)),
    objects: Number(values.objects ?? (values.quick ? 300 : 2000)),
    only,
    writeDoc: values.doc ?? (full && !values.from),
    from: values.from,
  }
}

function log(line) {
  process.stdout.write(`${line}\n`)
}

/** The test servers (idempotent start) and an up-to-date CLI build (scripts/migrate.mjs builds if stale). */
function prepare() {
  const start = spawnSync('bash', [join(root, 'scripts', 'test-servers.sh'), 'start'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (start.status !== 0) throw new Error('scripts/test-servers.sh start failed')
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'migrate.mjs'), '--version'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (build.status !== 0) throw new Error('building the CLI failed')
  const rclone = spawnSync('rclone', ['version'], { encoding: 'utf8' })
  if (rclone.status !== 0) throw new Error('rclone is not installed (apt-get install rclone)')
  const dir = resolve(root, process.env.TEST_SERVERS_DIR ?? '.test-servers')
  const servers = JSON.parse(readFileSync(join(dir, 'servers.json'), 'utf8'))
  // The pids of the servers now up, so the bench notices if they are stopped or replaced while it runs.
  servers.pids = Object.fromEntries(
    SERVER_NAMES.map((name) => [name, Number(readFileSync(join(servers.dir, 'run', `${name}.pid`), 'utf8'))]),
  )
  return { servers, rcloneVersion: rclone.stdout.split('\n')[0] }
}

/** Where a run reaches Swift and S3: directly, or through one proxy each (so their counts stay apart). */
async function proxiedRoute(servers, delayMs) {
  const swiftUrl = new URL(servers.tempauth.url)
  const s3Url = new URL(servers.s3.endpoint)
  const swift = await startProxy({
    host: swiftUrl.hostname,
    port: Number(swiftUrl.port),
    delayMs,
    objectDepth: 4,
  })
  const s3 = await startProxy({ host: s3Url.hostname, port: Number(s3Url.port), delayMs, objectDepth: 2 })
  const path = (url) => new URL(url).pathname
  return {
    authUrl: `${swift.url}${path(servers.tempauth.authUrl)}`,
    storageUrl: `${swift.url}${path(servers.tempauth.storageUrl)}`,
    s3Url: s3.url,
    proxies: { swift, s3 },
  }
}

function directRoute(servers) {
  return {
    authUrl: servers.tempauth.authUrl,
    storageUrl: servers.tempauth.storageUrl,
    s3Url: servers.s3.endpoint,
  }
}

/** Both proxies' counters since the last call, merged (requests per object counts Swift and S3 alike). */
function takeProxyStats(route) {
  if (!route.proxies) return undefined
  const swift = route.proxies.swift.reset()
  const s3 = route.proxies.s3.reset()
  const methods = {}
  for (const [prefix, stats] of [
    ['Swift ', swift],
    ['S3 ', s3],
  ]) {
    for (const [method, count] of Object.entries(stats.methods)) methods[prefix + method] = count
  }
  return {
    requests: swift.requests + s3.requests,
    objectRequests: swift.objectRequests + s3.objectRequests,
    methods,
    swift,
    s3,
  }
}

class Bench {
  constructor({ servers, swift, opts, workDir }) {
    Object.assign(this, { servers, swift, opts, workDir })
    this.runs = []
    this.rcloneConfig = join(workDir, 'rclone.conf')
    writeFileSync(this.rcloneConfig, '') // the remotes come from RCLONE_CONFIG_* variables only
  }

  /** One measured run of `tool` copying `source` into `bucket`; checks the bucket afterwards. */
  async run({ workload, index, tool, source, bucket, route }) {
    const logDir = join(this.workDir, `${workload}-${tool}-${index}`)
    mkdirSync(logDir, { recursive: true })
    const spec = { root, servers: this.servers, route, container: source.container, bucket, logDir }
    const { argv, env } =
      tool === 'ours' ? oursCommand(spec) : rcloneCommand({ ...spec, configFile: this.rcloneConfig })
    this.checkServers()
    takeProxyStats(route) // drop anything counted between runs
    const cpuBefore = serverCpu(this.servers.dir)
    const measured = await measure(argv, { env, logBase: join(logDir, 'run') })
    const server = serverCpuDelta(cpuBefore, serverCpu(this.servers.dir))
    const proxy = takeProxyStats(route)
    const listed = (await this.swift.list(bucket)) ?? []
    const bytes = listed.reduce((sum, row) => sum + row.bytes, 0)
    const verified = listed.length === source.objects && bytes === source.bytes
    const record = { workload, index, tool, ...source, ...measured, server, proxy, verified, logDir }
    log(describe(record))
    this.checkServers()
    // A failed run has no meaningful figures, and the usual cause (servers gone, a broken build) spoils the
    // runs after it too: stop, keep the logs, write nothing.
    if (record.code !== 0 || !verified) {
      throw new Error(`${workload} run ${index} of ${tool} failed (exit ${record.code}); see ${logDir}`)
    }
    this.runs.push(record)
    // Saved as they come, so a bench stopped later (servers restarted under it) keeps what it measured.
    writeFileSync(join(this.workDir, 'runs.json'), JSON.stringify(this.runs, null, 1))
    return record
  }

  /**
   * The servers this bench started with must still be the ones answering. Another checkout's test run
   * uses the same fixed ports: when it stops or replaces them, every later run would copy from a stranger.
   */
  checkServers() {
    if (!this.serversOk())
      throw new Error('the test servers went away during the bench (stopped or replaced): rerun')
  }

  serversOk() {
    return SERVER_NAMES.every((name) => alive(this.servers.pids[name]))
  }

  /** Interleaved runs: ours, rclone, ours, rclone…; `after(i, buckets)` may add runs on those buckets (W3). */
  async pairs(workload, source, route, after) {
    for (let i = 1; i <= this.opts.runs; i++) {
      const buckets = {}
      for (const tool of ['ours', 'rclone']) {
        buckets[tool] = `${PREFIX}${workload.toLowerCase()}-${tool}-${i}`
        await this.swift.createContainer(buckets[tool])
        await this.run({ workload, index: i, tool, source, bucket: buckets[tool], route })
      }
      if (after) await after(i, buckets)
      await timed('  dropping both buckets', () =>
        Promise.all(Object.values(buckets).map((b) => this.dropBucket(b))),
      )
    }
  }

  async dropBucket(bucket) {
    await this.swift.deleteContainer(bucket)
    await this.swift.deleteContainer(`${bucket}+segments`) // s3api's multipart segments, if any
  }
}

/** One tempauth login through a route, in ms: proof that the delay proxy really delays. */
async function timedLogin(route, servers) {
  const user = servers.tempauth.users.find((u) => u.user === 'test:tester')
  const started = performance.now()
  await swiftLogin({ authUrl: route.authUrl, user: user.user, key: user.key })
  const ms = performance.now() - started
  takeProxyStats(route)
  return ms
}

/** Runs fn and logs how long it took: setup and cleanup are not measured, but they cost bench time. */
async function timed(label, fn) {
  const started = performance.now()
  const value = await fn()
  log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return value
}

function describe(r) {
  const through = r.proxy
    ? `, ${(r.proxy.requests / r.objects).toFixed(3)} req/object` +
      ` (${(r.proxy.objectRequests / r.objects).toFixed(2)} to objects)` +
      ` (Swift ↓${(r.proxy.swift.bytesDown / 1e6).toFixed(1)} MB, S3 ↑${(r.proxy.s3.bytesUp / 1e6).toFixed(1)} MB)`
    : ''
  const failed = r.code !== 0 ? ` EXIT ${r.code}` : ''
  const check = r.verified ? '' : ' TARGET INCOMPLETE'
  return (
    `  ${r.workload} #${r.index} ${r.tool.padEnd(6)} ${r.wallS.toFixed(2)} s, ` +
    `${(r.objects / r.wallS).toFixed(1)} obj/s, ${(r.bytes / 1e6 / r.wallS).toFixed(1)} MB/s, ` +
    `CPU ${r.cpuS.toFixed(2)} s (servers ${r.server.serving.toFixed(1)} s), RSS ${r.peakRssMb.toFixed(0)} MiB${through}${failed}${check}  [${r.logDir}]`
  )
}

async function main() {
  const opts = options()
  if (opts.from) return report(loadSaved(opts.from), opts)
  const started = new Date()
  lockServers(process.env.TS_PROXY_PORT ?? 18080)
  const { servers, rcloneVersion } = prepare()
  const user = servers.tempauth.users.find((u) => u.user === 'test:tester')
  const swift = await swiftLogin({ authUrl: servers.tempauth.authUrl, user: user.user, key: user.key })
  const workDir = mkdtempSync(join(os.tmpdir(), 'swift2s3-bench-'))
  const bench = new Bench({ servers, swift, opts, workDir })
  log(`swift2s3 bench: ${opts.runs} run(s) per tool, W1 with ${opts.objects} objects; logs in ${workDir}`)

  // Leftovers of an interrupted bench would make "fresh empty bucket" untrue.
  for (const name of await swift.listContainers(PREFIX)) await swift.deleteContainer(name)
  const idle = await idleServerLoad(servers.dir)
  const busiest = Object.entries(idle.perServer)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([name, cores]) => `${name} ${cores.toFixed(2)}`)
    .join(', ')
  log(`The idle servers keep ${idle.total.toFixed(2)} of ${os.cpus().length} cores busy (${busiest}).`)
  const context = {
    command: commandLine(),
    started,
    rcloneVersion,
    swiftVersion: await swiftVersion(servers),
    nodeVersion: spawnSync(nodeForCli(root), ['--version'], { encoding: 'utf8' }).stdout.trim(),
    measuringWith,
    idle,
    opts: { runs: opts.runs, objects: opts.objects, only: [...opts.only] },
    workDir,
  }
  saveContext(workDir, context)

  const counting = await proxiedRoute(servers, 0)
  const delayed = await proxiedRoute(servers, WAN_DELAY_MS)
  try {
    const needSmall = ['W1', 'W3', 'W4'].some((w) => opts.only.has(w))
    if (needSmall) {
      log(`Creating ${opts.objects} objects of 1–64 KiB in ${PREFIX}src-small…`)
      const small = {
        container: `${PREFIX}src-small`,
        ...(await timed('  created', () => createSmallObjects(swift, `${PREFIX}src-small`, opts.objects))),
      }
      if (opts.only.has('W1') || opts.only.has('W3')) {
        log('W1 (and W3 on the same buckets), through a counting proxy:')
        await bench.pairs('W1', small, counting, async (i, buckets) => {
          if (!opts.only.has('W3')) return
          for (const tool of ['ours', 'rclone']) {
            await bench.run({
              workload: 'W3',
              index: i,
              tool,
              source: small,
              bucket: buckets[tool],
              route: counting,
            })
          }
        })
      }
      if (opts.only.has('W4')) {
        log(`W4, through a proxy delaying every chunk by ${WAN_DELAY_MS} ms both ways:`)
        delayed.loginMs = await timedLogin(delayed, servers)
        log(`  a Swift login through it takes ${delayed.loginMs.toFixed(0)} ms (direct: a few ms)`)
        await bench.pairs('W4', small, delayed)
      }
    }
    if (opts.only.has('W2')) {
      log('Creating four 64 MiB objects and one 64 MiB SLO…')
      const container = `${PREFIX}src-large`
      const large = {
        container,
        ...(await timed('  created', () =>
          createLargeObjects(swift, container, `${PREFIX}src-large-segments`, {}),
        )),
      }
      log('W2, direct:')
      await bench.pairs('W2', large, directRoute(servers))
    }
  } finally {
    for (const proxy of [
      counting.proxies.swift,
      counting.proxies.s3,
      delayed.proxies.swift,
      delayed.proxies.s3,
    ]) {
      await proxy.close()
    }
    await cleanUp(bench, swift)
  }

  context.finished = new Date()
  context.delayedLoginMs = delayed.loginMs
  saveContext(workDir, context)
  report({ context, runs: bench.runs }, opts)
}

function saveContext(workDir, context) {
  writeFileSync(join(workDir, 'context.json'), JSON.stringify(context, null, 1))
}

/** Reads what a bench saved in dir: its context and the runs it finished. */
function loadSaved(dir) {
  const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'))
  const context = read('context.json')
  return {
    context: {
      ...context,
      started: new Date(context.started),
      finished: new Date(context.finished ?? Date.now()),
    },
    runs: read('runs.json'),
  }
}

/** Medians, targets, the terminal tables and (when asked) docs/performance.md. */
function report({ context, runs }, opts) {
  const summaries = {}
  for (const workload of ['W1', 'W2', 'W3', 'W4']) {
    const of = (tool) => runs.filter((r) => r.workload === workload && r.tool === tool)
    if (of('ours').length && of('rclone').length) {
      summaries[workload] = { ours: summarize(of('ours')), rclone: summarize(of('rclone')) }
    }
  }
  const targets = evaluateTargets(summaries)
  log(`\n${textTable(RESULT_HEADER, resultRows(summaries))}\n`)
  log(`${textTable(TARGET_HEADER, targetRows(targets))}\n`)
  if (opts.writeDoc) {
    const path = writePerformanceDoc(join(root, 'docs', 'performance.md'), {
      context,
      summaries,
      targets,
      runs,
    })
    log(`Wrote ${path}`)
  } else {
    log(
      `Not writing docs/performance.md (pass --doc to). Markdown:\n\n${markdownTable(TARGET_HEADER, targetRows(targets))}`,
    )
  }
}

/** Removes every bench container; a failure here must not cost the results of a finished bench. */
async function cleanUp(bench, swift) {
  const later = `The next bench removes the ${PREFIX}* containers it finds.`
  if (!bench.serversOk()) return log(`Not cleaning up: the servers changed. ${later}`)
  try {
    for (const name of await swift.listContainers(PREFIX)) await swift.deleteContainer(name)
  } catch (error) {
    log(`Cleaning up failed (${error.message}). ${later}`)
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function commandLine() {
  const args = process.argv.slice(2).join(' ')
  if (process.env.npm_lifecycle_event === 'bench') return `npm run bench${args ? ` -- ${args}` : ''}`
  return `node scripts/bench/index.mjs${args ? ` ${args}` : ''}`
}

async function swiftVersion(servers) {
  try {
    const info = await (await fetch(servers.tempauth.infoUrl)).json()
    return info.swift?.version ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

try {
  await main()
} catch (error) {
  log(`\nThe bench stopped: ${error.message}`)
  process.exitCode = 1
}
