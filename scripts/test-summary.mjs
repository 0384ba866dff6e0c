#!/usr/bin/env node
// Sums the JSON reports of vitest and Playwright into the one closing line CI reads:
//   N passed, N failed
// Steps that failed are passed as `--failed-step NAME` (type check, lint, build…) or
// `--failed-step NAME=REPORT` (a test phase): each counts as one failure, so a broken build can never
// look green, unless its report already shows failures (then they are counted there, not twice).
import { existsSync, readFileSync } from 'node:fs'

const args = process.argv.slice(2)
const failedSteps = []
const reports = []
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--failed-step') failedSteps.push(args[++i])
  else reports.push(args[i])
}

let passed = 0
let failed = 0
const failuresIn = new Map()
for (const file of reports) {
  if (!existsSync(file)) continue
  const report = JSON.parse(readFileSync(file, 'utf8'))
  if ('numPassedTests' in report) {
    // vitest (jest-compatible JSON)
    // A file that fails to load (syntax error, throwing import) has no failed test: count it too.
    const brokenFiles = (report.testResults ?? []).filter(
      (result) => result.status === 'failed' && !result.assertionResults?.some((a) => a.status === 'failed'),
    ).length
    passed += report.numPassedTests
    failed += report.numFailedTests + brokenFiles
    failuresIn.set(file, report.numFailedTests + brokenFiles)
    const broken = brokenFiles ? ` (+${brokenFiles} test files that failed to load)` : ''
    console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed${broken}`)
  } else if (report.stats) {
    // Playwright: expected = passed, unexpected = failed, flaky passed on retry (counted as passed)
    const { expected = 0, unexpected = 0, flaky = 0 } = report.stats
    passed += expected + flaky
    const errors = report.errors?.length ?? 0
    failed += unexpected + errors
    failuresIn.set(file, unexpected + errors)
    console.log(
      `${file}: ${expected + flaky} passed, ${unexpected} failed${errors ? `, ${errors} errors` : ''}${flaky ? ` (${flaky} passed only on their retry: look at them)` : ''}`,
    )
  }
}
for (const step of failedSteps) {
  const [name, report] = step.split('=')
  console.log(`step failed: ${name}`)
  if (!report || !(failuresIn.get(report) > 0)) failed += 1
}
console.log(`${passed} passed, ${failed} failed`)
// A run that executed no test proves nothing: fail it.
if (failed > 0 || passed === 0) process.exitCode = 1
