#!/usr/bin/env bash
# The test command (`npm test`): from a fresh Debian 12 machine with only Node and npm, installs
# everything, checks, builds, starts the real test servers, runs every test and stops the servers
# (also on failure). Prints each phase's seconds and ends on the line `N passed, N failed`.
# Set SKIP_NPM_CI=1 to reuse node_modules while iterating locally.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
REPORTS=$ROOT/.reports
rm -rf "$REPORTS" test-results
mkdir -p "$REPORTS"

failed_steps=()
timings=()

# phase NAME[=REPORT] COMMAND...: runs one phase, records its time, and remembers a failure
# (with the JSON report that explains it, for test phases).
phase() {
  local step=$1 name=${1%%=*}
  shift
  local started=$SECONDS
  echo
  echo "=== $name"
  "$@"
  local rc=$?
  local took=$((SECONDS - started))
  timings+=("$(printf '%-12s %4ss  %s' "$name" "$took" "$([ $rc -eq 0 ] && echo ok || echo "FAILED (exit $rc)")")")
  [ $rc -eq 0 ] || failed_steps+=("$step")
  return $rc
}

summary() {
  echo
  echo "=== phase times"
  printf '%s\n' "${timings[@]}"
  local args=()
  for step in "${failed_steps[@]}"; do args+=(--failed-step "$step"); done
  # Exits non-zero on any failure, or when no test ran at all; that is the script's exit status.
  node scripts/test-summary.mjs "$REPORTS"/*.json "${args[@]}"
}

servers_started=0
stop_servers() {
  if [ $servers_started -eq 1 ]; then
    servers_started=0
    phase stop-servers bash scripts/test-servers.sh stop
  fi
}
# Also on Ctrl-C or an unexpected exit: never leave servers running.
trap stop_servers EXIT

# --- set-up ---------------------------------------------------------------------------------
if [ "${SKIP_NPM_CI:-0}" != 1 ]; then
  phase npm-ci npm ci --no-audit --no-fund || { summary; exit 1; }
fi
# npm ci installed Node 24 (the `node` devDependency) into node_modules/.bin: test on what ships.
export PATH="$ROOT/node_modules/.bin:$PATH"
case "$(node -v)" in
  v24.*) ;;
  *) echo "Expected Node 24 from node_modules/.bin, got $(node -v)"; failed_steps+=(node-version); summary; exit 1 ;;
esac
# Debian packages: Swift, Keystone, memcached, and the tools (Chromium for Playwright, rclone).
phase apt-deps bash scripts/test-servers.sh install || { summary; exit 1; }

# --- static checks and build ------------------------------------------------------------------
phase typecheck tsc -b
phase lint eslint --max-warnings 0 .
phase format prettier --check .
phase build electron-vite build
# Electronegativity over the app's sources: fails on any HIGH finding or unparsable file, and is
# proven able to fail on an insecure fixture (test/security/; the scan itself: scripts/security-scan.mjs).
phase security-scan="$REPORTS/vitest-security.json" vitest run --project security \
  --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest-security.json"

# --- tests without servers ----------------------------------------------------------------------
# Core tests must see no Electron stand-in at all (see test/setup/no-electron.ts).
unset ELECTRON_OVERRIDE_DIST_PATH
phase unit="$REPORTS/vitest-unit.json" vitest run --project core --project shell --project renderer --project built \
  --reporter=dot --reporter=json --outputFile.json="$REPORTS/vitest-unit.json"

# --- tests against the real servers -------------------------------------------------------------
servers_started=1
if phase servers bash scripts/test-servers.sh start; then
  phase integration="$REPORTS/vitest-integration.json" vitest run --project integration \
    --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest-integration.json"
  # One retry, so a timing hiccup of a loaded 2-core machine does not fail the run; the summary names
  # every test that passed only on its retry (scripts/test-summary.mjs), so flakiness stays seen.
  phase e2e="$REPORTS/playwright.json" playwright test --retries=1
fi
# Stopped before the summary, so `N passed, N failed` stays the last line.
stop_servers

summary
