import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const REPO = join(import.meta.dirname, '../..')
const SCRIPT = join(REPO, 'scripts/security-scan.mjs')
const INSECURE_FIXTURE = join(REPO, 'test/fixtures/insecure-electron')

interface Finding {
  id: string
  severity: string
  file: string
  line: number
}
interface Report {
  files: string[]
  findings: Finding[]
  parseErrors: { file: string; fatal: boolean }[]
}

const scratch = mkdtempSync(join(tmpdir(), 'security-scan-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Runs the gate as `npm test` does; returns its exit code, its output and its JSON report. */
function runGate(root?: string): { status: number | null; output: string; report: Report } {
  const reportFile = join(scratch, `report-${Math.random().toString(36).slice(2)}.json`)
  const args = [SCRIPT, '--report', reportFile, ...(root ? ['--root', root] : [])]
  const run = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', timeout: 90_000 })
  const output = `${run.stdout}${run.stderr}`
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report
  return { status: run.status, output, report }
}

function writeApp(name: string, files: Record<string, string>): string {
  const root = join(scratch, name)
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}

/** A small main process that passes the gate: isolated sandboxed window, navigation and permissions denied. */
const SECURE_MAIN = `import { app, BrowserWindow, session } from 'electron'
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
})
app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  const window = new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true } })
  void window.loadFile('index.html')
})
`

const high = (report: Report) => report.findings.filter((f) => f.severity === 'HIGH')

describe('security scan gate (Electronegativity)', () => {
  it('fails on a deliberately insecure app and lists every HIGH finding with its place', () => {
    const { status, output, report } = runGate(INSECURE_FIXTURE)
    expect(status, output).toBe(1)
    expect(output).toContain('HIGH CONTEXT_ISOLATION_JS_CHECK at src-main/main.js:11:7')
    // .mjs files are scanned too (Electronegativity alone would skip them).
    expect(output).toContain('HIGH CONTEXT_ISOLATION_JS_CHECK at src-main/legacy-window.mjs:5:')
    expect(output).toContain('HIGH LIMIT_NAVIGATION_GLOBAL_CHECK at the app as a whole')
    expect(output).toMatch(/Security scan FAILED: 3 HIGH findings/)
    // webSecurity: false is reported as a MEDIUM warning, nodeIntegration: true as informational.
    expect(output).toContain('WARNING MEDIUM WEB_SECURITY_JS_CHECK at src-main/main.js:12:7')
    expect(report.findings).toContainEqual(
      expect.objectContaining({ id: 'NODE_INTEGRATION_JS_CHECK', file: 'src-main/main.js', line: 10 }),
    )
    expect(high(report)).toHaveLength(3)
  })

  it('passes on this app, scanning main, preload, renderer and package.json but no tests', () => {
    const { status, output, report } = runGate()
    expect(status, output).toBe(0)
    expect(high(report), output).toEqual([])
    expect(report.parseErrors.filter((e) => e.fatal)).toEqual([])
    expect(report.files).toEqual(
      expect.arrayContaining([
        'package.json',
        'src-main/index.ts',
        'src-main/window/main-window.ts',
        'src-preload/index.ts',
        'src-renderer/index.html',
      ]),
    )
    expect(report.files.filter((f) => /\.test\.|\/test\//.test(f))).toEqual([])
    expect(output).toMatch(/excluded AvailableSecurityFixesGlobalCheck: needs the live Electron release list/)
  })

  it('passes a secure app whose tests build insecure windows (tests are not shipped)', () => {
    const root = writeApp('secure', {
      'src-main/main.ts': SECURE_MAIN,
      'src-main/window.test.ts': `import { BrowserWindow } from 'electron'
new BrowserWindow({ webPreferences: { contextIsolation: false } })
`,
    })
    const { status, output, report } = runGate(root)
    expect(status, output).toBe(0)
    expect(report.files).toEqual(['src-main/main.ts'])
  })

  it('fails when a source file cannot be parsed, instead of skipping it', () => {
    const root = writeApp('unparsable', {
      'src-main/main.ts': SECURE_MAIN,
      'src-main/broken.ts': 'export const half: number = (\n',
    })
    const { status, output, report } = runGate(root)
    expect(status, output).toBe(1)
    expect(high(report)).toEqual([])
    expect(output).toContain('ERROR could not parse src-main/broken.ts')
    expect(output).toMatch(/Security scan FAILED: 1 file not scanned/)
  })
})
