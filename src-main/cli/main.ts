import { readFile } from 'node:fs/promises'
import { hostname, userInfo } from 'node:os'
import { resolve } from 'node:path'
import type { LogLevel } from '../core/log/logger'
import { JobRun, type JobOutcome } from '../core/jobs/run-job'
import { parseCli } from './args'
import { progressJson, progressLine } from './progress-line'
import { specFromProfile } from './profile-run'
import { askSecret, promptCredentials } from './prompt'
import type { JobSpec } from '../core/jobs/job-spec'

/**
 * The CLI over the same engine as the app: the original script's flags and env vars, a live progress
 * line on a terminal (plain log lines otherwise, JSON lines with --json), and exit codes scripts can use:
 * 0 all verified; 1 some objects failed or are not verified; 2 usage, configuration or authentication
 * error with nothing written; 3 credentials expired with no terminal to ask for new ones; 130 interrupted.
 */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  stderr: NodeJS.WritableStream
  env: Record<string, string | undefined>
  cwd: string
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal
  /** A terminal to ask for new credentials on, when they expire mid-run; without one the run exits with 3. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean }
  tool: { name: string; version: string }
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseCli(argv, io.env, io.cwd)
  } catch (error) {
    io.stderr.write(
      `swift2s3: ${error instanceof Error ? error.message : String(error)}\nRun with --help for the flags.\n`,
    )
    return 2
  }
  if (parsed.kind === 'help') {
    io.stdout.write(`${parsed.text}\n`)
    return 0
  }
  if (parsed.kind === 'version') {
    io.stdout.write(`${io.tool.name} ${io.tool.version}\n`)
    return 0
  }
  let spec: JobSpec
  try {
    spec =
      parsed.profile === undefined
        ? parsed.spec
        : await specFromProfile(
            parsed,
            io.env,
            io.stdin?.isTTY
              ? (label) => askSecret({ input: io.stdin!, output: io.stdout }, label)
              : undefined,
          )
  } catch (error) {
    io.stderr.write(`swift2s3: ${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }
  for (const [file, side] of [
    [parsed.caFile, 'source'],
    [parsed.s3CaFile, 'target'],
  ] as const) {
    if (!file) continue
    try {
      const pem = await readFile(resolve(io.cwd, file), 'utf8')
      if (side === 'source') spec.source.caBundle = pem
      else spec.target.caBundle = pem
    } catch (error) {
      io.stderr.write(`swift2s3: the CA file ${file} cannot be read: ${(error as Error).message}\n`)
      return 2
    }
  }
  const live = io.stdout.isTTY === true && !parsed.json
  let drawn = false
  const clearLine = () => {
    if (drawn) io.stdout.write('\r\x1b[2K')
    drawn = false
  }
  const consoleSink = (line: string, level: LogLevel) => {
    // On a terminal the progress line carries the detail; only notable lines are printed above it.
    // Debug lines (each object started, each skip reason) are for the file; the console stays readable.
    if (parsed.json || level === 'debug') return
    if (live && level === 'info' && /^.* - INFO - (Created object|Skipped)/.test(line)) return
    clearLine()
    ;(level === 'error' || level === 'warn' ? io.stderr : io.stdout).write(`${line}\n`)
  }
  const interactive = io.stdin?.isTTY === true && !parsed.json
  let asking = false
  const run: JobRun = new JobRun(spec, {
    tool: io.tool,
    startedBy: startedBy(),
    console: consoleSink,
    ...(io.signal ? { signal: io.signal } : {}),
    // Without a terminal nobody can type new keys: end at once with exit code 3.
    ...(interactive ? {} : { credentialWaitMs: 0 }),
    onEvent: (container, event) => {
      if (parsed.json && event.type !== 'object-started') {
        io.stdout.write(`${JSON.stringify({ container, ...event })}\n`)
      }
      if (event.type === 'credentials-required' && interactive && io.stdin && !asking) {
        asking = true
        clearLine()
        void promptCredentials({ input: io.stdin, output: io.stdout }, event.reason)
          .then((credentials) => run.provideCredentials(credentials))
          .finally(() => (asking = false))
      }
    },
  })
  const timer = setInterval(
    () => {
      const progress = run.progress()
      if (!progress) return
      if (parsed.json) io.stdout.write(`${progressJson(progress)}\n`)
      else if (live) {
        io.stdout.write(`\r\x1b[2K${progressLine(progress, io.stdout.columns ?? 100)}`)
        drawn = true
      }
    },
    parsed.json ? 1000 : 250,
  )
  let outcome: JobOutcome
  try {
    outcome = await run.run()
  } finally {
    clearInterval(timer)
    clearLine()
  }
  printSummary(outcome, io, parsed.json)
  return outcome.exitCode
}

function startedBy(): string {
  try {
    return `${userInfo().username}@${hostname()}`
  } catch {
    return hostname()
  }
}

function printSummary(outcome: JobOutcome, io: CliIo, json: boolean): void {
  const r = outcome.report
  if (json) {
    io.stdout.write(
      `${JSON.stringify({ type: 'summary', exitCode: outcome.exitCode, outcome: r.outcome, totals: r.totals, logFile: outcome.logFile, reports: outcome.reports, problems: outcome.problems })}\n`,
    )
    return
  }
  const out = io.stdout
  const v = r.totals.verification
  if (outcome.exitCode === 2) return
  if (outcome.exitCode === 3) {
    out.write(
      '\nThe S3 credentials expired and there is no terminal to ask for new ones. Set new AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) and run the same command again: only what is missing is copied.\n',
    )
  }
  if (outcome.exitCode === 130) {
    out.write(
      '\nInterrupted. Nothing half-written was left behind; run the same command again to resume: only missing or changed objects are copied.\n',
    )
  }
  out.write(
    `\n${r.mode === 'dry-run' ? 'Dry run' : r.mode === 'verify-only' ? 'Verification' : 'Migration'} ${r.outcome}: ${r.totals.objects} objects`,
  )
  if (r.mode === 'copy')
    out.write(`, ${r.totals.copied} copied, ${r.totals.skipped} unchanged, ${r.totals.failed} failed`)
  out.write('\n')
  const ended = r.outcome === 'cancelled' || r.outcome === 'needs-credentials'
  if (r.mode !== 'dry-run' && !ended) {
    out.write(
      `Verified: ${v['verified-md5']} by MD5, ${v['verified-recorded']} by recorded source ETag; ${v.mismatched} mismatched, ${v.missing} missing; ${r.totals.extras} extra on the target\n`,
    )
  }
  if (outcome.problems.length) {
    out.write(
      `\nNot verified or failed (${outcome.problems.length}${outcome.problems.length >= 200 ? '+' : ''}):\n`,
    )
    for (const p of outcome.problems) out.write(`  ${p.key}: ${p.reason}\n`)
  }
  if (outcome.logFile) out.write(`\nLog:     ${outcome.logFile}\n`)
  if (outcome.reports)
    out.write(
      `Reports: ${outcome.reports.html}\n         ${outcome.reports.csv}\n         ${outcome.reports.json}\n`,
    )
}
