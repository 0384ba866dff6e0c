#!/usr/bin/env node
// The security scan gate: Doyensec's Electronegativity over the app's sources. Exits 1 listing every
// HIGH finding (MEDIUM ones are printed as warnings), also when a file could not be parsed, since an
// unparsed file is an unchecked one; 2 on a usage or set-up error; 0 otherwise.
//
//   node scripts/security-scan.mjs [--root DIR] [--report FILE.json] [--all]
//
// What is scanned: package.json and src-main/, src-preload/, src-renderer/ under --root (default: this
// repository), without tests (*.test.*, test/ folders, __mocks__). The sources rather than out/: the
// findings then point at the lines we edit, and `eng-disable` comments survive (the build drops
// trailing comments); the built JS adds nothing the scanner understands better (checked: same findings).
// The folders are copied into one temporary tree and scanned together, because the global checks
// (navigation limits, permission handler, CSP) look across main, preload and renderer at once.
//
// Why the programmatic API and not the CLI: the CLI exits 0 whatever it finds, its CSV is written with
// two racing asynchronous writes, its SARIF has no severity, and it only prints parse errors. run()
// returns the findings with their severity and the files it could not parse.
//
// Offline: Electronegativity 1.10.3 fetches translations and Electron's release list with `got`; without
// network, got's retry timer throws after the request has already failed ("The `onCancel` handler was
// attached after the promise settled") and kills the process. This script puts an offline `got` in its
// place that fails at once, so the translations fall back to the bundled English ones. The Electron
// version is passed explicitly (the one installed for the build) instead of being guessed.
//
// A false positive is suppressed on its own line with `// eng-disable CHECK_ID` and a comment saying why
// (see src-main/window/main-window.ts), never for a whole file or for the whole scan.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, join, relative, resolve, sep } from 'node:path'

const REPO = resolve(import.meta.dirname, '..')
const APP_DIRS = ['src-main', 'src-preload', 'src-renderer']

/**
 * Checks left out, each with the reason. Only checks that cannot work offline belong here; everything
 * else Electronegativity has runs.
 */
const EXCLUDED_CHECKS = {
  AvailableSecurityFixesGlobalCheck:
    'needs the live Electron release list from GitHub; the Electron version is pinned in package.json and ' +
    'updated deliberately (on a machine with internet: `npx electronegativity -i . -c ' +
    'AvailableSecurityFixesGlobalCheck,ElectronVersionJSONCheck`)',
}

/** Sources the scanner reads; .mjs/.cjs are copied with an extra `.js` so they are not skipped. */
const SCANNED = /\.(?:[cm]?js|jsx|ts|tsx|html?)$/
const RENAMED = /\.(?:mjs|cjs)$/
const IS_TEST = /(?:\.test\.[^/]+$|(?:^|\/)(?:test|tests|__tests__|__mocks__)\/)/

function usage(message) {
  console.error(`${message}\nusage: node scripts/security-scan.mjs [--root DIR] [--report FILE.json] [--all]`)
  process.exit(2)
}

function parseArgs(argv) {
  const options = { root: REPO, report: undefined, all: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--all') options.all = true
    else if (arg === '--root' || arg === '--report') {
      const value = argv[++i]
      if (!value) usage(`${arg} needs a value`)
      options[arg.slice(2)] = resolve(value)
    } else usage(`unknown argument: ${arg}`)
  }
  return options
}

/** Copies the app's scannable, non-test sources into `stage`; returns their paths relative to root. */
function stageSources(root, stage) {
  const staged = []
  const copy = (rel) => {
    const target = RENAMED.test(rel) ? `${rel}.js` : rel
    cpSync(join(root, rel), join(stage, target))
    staged.push(rel)
  }
  if (existsSync(join(root, 'package.json'))) copy('package.json')
  for (const dir of APP_DIRS) {
    if (!existsSync(join(root, dir))) continue
    for (const entry of readdirSync(join(root, dir), { recursive: true })) {
      const rel = join(dir, String(entry)).split(sep).join('/')
      if (rel.includes('/node_modules/') || IS_TEST.test(rel) || !SCANNED.test(rel)) continue
      if (statSync(join(root, rel)).isFile()) copy(rel)
    }
  }
  return staged
}

/** Loads Electronegativity with an offline `got` (see the header). */
function loadElectronegativity() {
  const packageJson = createRequire(join(REPO, 'package.json')).resolve(
    '@doyensec/electronegativity/package.json',
  )
  const require = createRequire(packageJson)
  const gotPath = require.resolve('got')
  const offline = () => Promise.reject(new Error('network disabled: offline security scan'))
  offline.head = offline
  offline.get = offline
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline }
  const runner = require('./dist/runner.js')
  return { run: runner.default ?? runner, version: require('./package.json').version }
}

function electronVersion() {
  return createRequire(join(REPO, 'package.json'))('electron/package.json').version
}

/** Scans the app under `root`; returns what was scanned, the findings and the unparsed files. */
async function scan(root) {
  const present = APP_DIRS.filter((dir) => existsSync(join(root, dir)))
  if (present.length === 0) usage(`no ${APP_DIRS.join(', ')} folder under ${root}: nothing to scan`)
  const stage = mkdtempSync(join(tmpdir(), 'security-scan-'))
  try {
    const files = stageSources(root, stage)
    const { run, version } = loadElectronegativity()
    // Same language whatever the machine's locale, so the output and the tests are stable.
    process.env.LANG = 'en-US'
    const result = await run(
      {
        input: stage,
        isRelative: true,
        electronVersionOverride: electronVersion(),
        excludeFromScan: Object.keys(EXCLUDED_CHECKS),
      },
      false,
    )
    const original = (file) => {
      if (file === 'N/A') return 'the app as a whole'
      const rel = file.startsWith(stage) ? relative(stage, file) : file
      const unix = rel.split(sep).join('/')
      return RENAMED.test(unix.replace(/\.js$/, '')) ? unix.replace(/\.js$/, '') : unix
    }
    const findings = result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      manualReview: Boolean(issue.manualReview),
      file: original(issue.file),
      line: issue.location?.line ?? 0,
      column: (issue.location?.column ?? 0) + 1,
      sample: issue.sample ?? '',
      description: issue.description,
      url: `https://github.com/doyensec/electronegativity/wiki/${issue.id}`,
    }))
    const parseErrors = result.errors.map((error) => ({
      file: original(error.file),
      message: error.message,
      fatal: !error.tolerable,
    }))
    return {
      tool: `Electronegativity ${version}`,
      electron: electronVersion(),
      checks: { atomic: result.atomicChecks, global: result.globalChecks, excluded: EXCLUDED_CHECKS },
      files,
      findings,
      parseErrors,
    }
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}

const plural = (count, noun) => `${count} ${noun}${count === 1 ? '' : 's'}`

function describe(finding) {
  const where = finding.line ? `${finding.file}:${finding.line}:${finding.column}` : finding.file
  const review = finding.manualReview ? ', needs review' : ''
  return `${finding.severity} ${finding.id} at ${where} (${finding.confidence}${review})\n    ${finding.description}\n    ${finding.url}`
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  const report = await scan(options.root)
  if (options.report) writeFileSync(options.report, JSON.stringify(report, null, 2))

  const { findings, parseErrors } = report
  const high = findings.filter((f) => f.severity === 'HIGH')
  const medium = findings.filter((f) => f.severity === 'MEDIUM')
  const rest = findings.filter((f) => f.severity !== 'HIGH' && f.severity !== 'MEDIUM')
  const fatal = parseErrors.filter((e) => e.fatal)

  console.log(
    `${report.tool}, Electron ${report.electron}: ${plural(report.files.length, 'file')} of ${basename(options.root)} ` +
      `(${[...new Set(report.files.map((f) => f.split('/')[0]))].join(', ')}), ` +
      `${report.checks.atomic} atomic and ${report.checks.global} global checks`,
  )
  for (const [check, why] of Object.entries(EXCLUDED_CHECKS)) console.log(`  excluded ${check}: ${why}`)
  for (const error of parseErrors.filter((e) => !e.fatal))
    console.log(`WARNING parsed with errors: ${error.file}: ${error.message}`)
  for (const finding of medium) console.log(`WARNING ${describe(finding)}`)
  if (options.all) for (const finding of rest) console.log(describe(finding))
  else if (rest.length) console.log(`${rest.length} low or informational findings (--all lists them)`)
  for (const error of fatal) console.log(`ERROR could not parse ${error.file}: ${error.message}`)
  for (const finding of high) console.log(describe(finding))

  if (high.length || fatal.length) {
    const reasons = [
      high.length ? plural(high.length, 'HIGH finding') : '',
      fatal.length ? `${plural(fatal.length, 'file')} not scanned` : '',
    ].filter(Boolean)
    console.log(
      `Security scan FAILED: ${reasons.join(' and ')}. Fix the code; if a finding is a false positive, ` +
        'add `// eng-disable CHECK_ID` on that line with a comment saying why.',
    )
    process.exitCode = 1
  } else {
    console.log(`Security scan passed: no HIGH findings, ${medium.length} MEDIUM (warnings above).`)
  }
}

main().catch((error) => {
  console.error(error?.stack ?? String(error))
  process.exitCode = 2
})
