// CPU seconds the test servers spent during a run. On this rig the clients share two cores with Swift,
// whose single proxy worker is usually the bottleneck, so the load a tool puts on the servers explains
// much of its speed. Read from /proc for every pid file of scripts/test-servers.sh and the workers those
// processes forked (swift-*-server runs its work in a child).
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100

/** Seconds of CPU of pid (with its reaped children) plus its live descendants; 0 if unreadable. */
function treeCpuS(pid, own = true) {
  try {
    // Fields after the ")" that ends the command name: utime is the 12th, stime 13th, cutime 14th, cstime 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number)
    const ticks = fields[11] + fields[12] + (own ? fields[13] + fields[14] : 0)
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean)
    return ticks / TICKS + children.reduce((sum, child) => sum + treeCpuS(Number(child), false), 0)
  } catch {
    return 0
  }
}

/** A snapshot { name: cpuSeconds } of every server with a pid file in `${dir}/run`. */
export function serverCpu(dir) {
  const runDir = join(dir, 'run')
  const snapshot = {}
  let files
  try {
    files = readdirSync(runDir).filter((file) => file.endsWith('.pid'))
  } catch {
    return snapshot // no servers started by the script: nothing to measure
  }
  for (const file of files) {
    const pid = Number(readFileSync(join(runDir, file), 'utf8').trim())
    if (pid > 0) snapshot[file.slice(0, -4)] = treeCpuS(pid)
  }
  return snapshot
}

/** The processes that serve the requests of a run; the updaters run on a timer whatever the clients do. */
const SERVING = ['proxy', 'object', 'container', 'account', 'memcached']

/** CPU seconds between two snapshots: { serving, proxy, total } (proxy = the tempauth/s3api proxy on :18080). */
export function serverCpuDelta(before, after) {
  const delta = (name) => Math.max(0, (after[name] ?? 0) - (before[name] ?? after[name] ?? 0))
  return {
    serving: SERVING.reduce((sum, name) => sum + delta(name), 0),
    proxy: delta('proxy'),
    total: Object.keys(after).reduce((sum, name) => sum + delta(name), 0),
  }
}

/** Cores the servers keep busy while nobody uses them, measured over ms, per server and in total. */
export async function idleServerLoad(dir, ms = 5000) {
  const before = serverCpu(dir)
  await new Promise((resolve) => setTimeout(resolve, ms))
  const after = serverCpu(dir)
  const perServer = Object.fromEntries(
    Object.keys(after).map((name) => [
      name,
      Math.max(0, after[name] - (before[name] ?? after[name])) / (ms / 1000),
    ]),
  )
  return { total: Object.values(perServer).reduce((a, b) => a + b, 0), perServer }
}
