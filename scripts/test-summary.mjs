#!/usr/bin/env node
// Sums the JSON reports of vitest and Playwright into the one closing line CI reads:
//   N passed, N failed
// Steps that failed without a test report (type check, lint, build…) are passed as arguments
// `--failed-step NAME` and count as failures, so a broken build can never look green.
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
for (const file of reports) {
  if (!existsSync(file)) continue
  const report = JSON.parse(readFileSync(file, 'utf8'))
  if ('numPassedTests' in report) {
    // vitest (jest-compatible JSON)
    passed += report.numPassedTests
    failed += report.numFailedTests
    console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`)
  } else if (report.stats) {
    // Playwright: expected = passed, unexpected = failed, flaky passed on retry (counted as passed)
    const { expected = 0, unexpected = 0, flaky = 0 } = report.stats
    passed += expected + flaky
    failed += unexpected
    const errors = report.errors?.length ?? 0
    failed += errors
    console.log(
      `${file}: ${expected + flaky} passed, ${unexpected} failed${errors ? `, ${errors} errors` : ''}`,
    )
  }
}
for (const step of failedSteps) console.log(`step failed: ${step}`)
failed += failedSteps.length
console.log(`${passed} passed, ${failed} failed`)
