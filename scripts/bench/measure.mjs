// Runs one client process and measures what the benchmark reports about it: wall time, CPU seconds
// (user + system) and peak RSS. GNU time reads them from wait4()'s rusage, which is exact and costs
// nothing; without it, bash's `times` gives the CPU and /proc polling approximates the peak RSS.
import { spawn } from 'node:child_process'
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

const GNU_TIME = '/usr/bin/time'

export const measuringWith = existsSync(GNU_TIME) ? 'GNU time (wait4 rusage)' : 'bash times + /proc polling'

/**
 * Runs argv with env, stdout/stderr into `${logBase}.log`; resolves to
 * { code, wallS, cpuS, userS, systemS, peakRssMb }.
 */
export async function measure(argv, { env, logBase }) {
  const log = openSync(`${logBase}.log`, 'w')
  const rusageFile = `${logBase}.rusage`
  const started = performance.now()
  try {
    if (existsSync(GNU_TIME)) {
      const code = await run([GNU_TIME, '-f', '%U %S %M', '-o', rusageFile, ...argv], env, log)
      const [userS, systemS, rssKb] = (await readFile(rusageFile, 'utf8'))
        .trim()
        .split('\n')
        .at(-1)
        .split(' ')
      return result(code, started, Number(userS), Number(systemS), Number(rssKb) / 1024)
    }
    // `times` prints the shell's own line, then its children's user and system time.
    const script = '"$@"; rc=$?; times > "$RUSAGE_FILE"; exit $rc'
    const poller = { peakKb: 0 }
    const code = await run(
      ['bash', '-c', script, 'bash', ...argv],
      { ...env, RUSAGE_FILE: rusageFile },
      log,
      poller,
    )
    const children = (await readFile(rusageFile, 'utf8')).trim().split('\n').at(-1).split(/\s+/)
    return result(code, started, minutes(children[0]), minutes(children[1]), poller.peakKb / 1024)
  } finally {
    closeSync(log)
  }
}

function result(code, started, userS, systemS, peakRssMb) {
  const wallS = (performance.now() - started) / 1000
  return { code, wallS, cpuS: userS + systemS, userS, systemS, peakRssMb }
}

/** bash's `times` format: 1m2.345s */
function minutes(text) {
  const match = /^(\d+)m([\d.]+)s$/.exec(text)
  return match ? Number(match[1]) * 60 + Number(match[2]) : NaN
}

function run(argv, env, log, poller) {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { env, stdio: ['ignore', log, log] })
    const timer =
      poller && setInterval(() => (poller.peakKb = Math.max(poller.peakKb, treeRssKb(child.pid))), 100)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (timer) clearInterval(timer)
      resolve(code ?? (signal ? 128 : 1))
    })
  })
}

/** Sum of VmRSS over a process and its descendants (Linux only), 0 once it is gone. */
function treeRssKb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const own = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    const children = readFileSync(join('/proc', String(pid), 'task', String(pid), 'children'), 'utf8')
    return children
      .split(' ')
      .filter(Boolean)
      .reduce((sum, child) => sum + treeRssKb(Number(child)), own)
  } catch {
    return 0
  }
}
