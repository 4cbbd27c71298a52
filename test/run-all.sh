#!/usr/bin/env bash
# The project's whole test suite (`npm test`). Runs every part even when one fails, then prints one
# "N passed, N failed, N skipped" line summed from the runners' JSON reports; exits non-zero on any failure.
#
# The vault tests need a real Secret Service: when gnome-keyring and dbus are installed, the suite runs
# inside its own D-Bus session with a freshly unlocked, throw-away keyring (never the user's own).
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DOCTOR_IN_KEYRING_SESSION:-}" ] && command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  keyring_home=$(mktemp -d)
  trap 'rm -rf "$keyring_home"' EXIT
  mkdir -p "$keyring_home/data"
  DOCTOR_IN_KEYRING_SESSION=1 XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home" \
    dbus-run-session -- bash -c 'echo -n test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$0"' "$0"
  exit $?
fi

# In CI the keychain must be real: a broken keyring setup fails the vault tests instead of skipping them.
if [ -n "${CI:-}" ]; then export ACD_REQUIRE_KEYCHAIN=1; fi

# Preflight: each part that needs something outside npm says what is missing and how to install it
# (Debian/Ubuntu package names; `bash .ci/run` installs them all), instead of failing deep inside a
# runner. Locally the suite still runs (those parts fail or skip with their reason); in CI it fails.
missing=0
need() {
  local what=$1 install=$2
  echo "!! missing: $what"
  echo "   install: $install"
  missing=1
}
chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$chromium_path" ] || need "Chromium at $chromium_path (end-to-end tests; set CHROMIUM_PATH for another place)" "sudo apt-get install -y --no-install-recommends chromium fonts-liberation"
command -v openssl >/dev/null || need "openssl (makes the test certificates: client, simulator and fault tests)" "sudo apt-get install -y openssl"
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  need "dbus and gnome-keyring (the vault tests against a real keychain; skipped without)" "sudo apt-get install -y --no-install-recommends dbus gnome-keyring"
fi
node -e "require('keytar')" 2>/dev/null ||
  need "the keychain module keytar (optional to install, so it was skipped: the vault tests against a real keychain and the package check need it)" \
    "sudo apt-get install -y --no-install-recommends libsecret-1-dev pkg-config build-essential python3, then npm install"
if [ "$missing" = 1 ] && [ -n "${CI:-}" ]; then
  echo "!! preflight failed: CI must have every system package (see .ci/run)"
  exit 1
fi

results=test-results
rm -rf "$results" && mkdir -p "$results"
status=0

run() {
  local name=$1
  shift
  echo "== $name"
  if ! "$@"; then
    echo "!! $name failed"
    status=1
    return 1
  fi
}

run "type check (node)" npx tsc -p tsconfig.node.json --noEmit
run "type check (node tests, scripts, configs)" npx tsc -p tsconfig.test.json
run "type check (renderer)" npx svelte-check --tsconfig ./tsconfig.web.json --fail-on-warnings --output machine
run "type check (renderer tests)" npx svelte-check --tsconfig ./test/renderer/tsconfig.json --fail-on-warnings --output machine
run "lint (ESLint: correctness, and the folder boundaries of eslint.config.js)" npx eslint --max-warnings 0 .
run "format (Prettier: npm run format fixes it)" npx prettier --check --log-level warn .
run "build" npm run --silent build && export DOCTOR_BUILT=1
run "type check (benchmarks, against the built declarations)" npx tsc -p tsconfig.bench.json
run "unit and integration tests (node)" npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest-node.json"
run "package check (electron-builder --dir with a stand-in Electron)" node scripts/package-check.mjs --report "$results/package-check.json"
run "component tests (renderer, jsdom)" npx vitest run -c vitest.renderer.config.ts --reporter=default --reporter=json --outputFile.json="$results/vitest-renderer.json"
run "end-to-end tests (Chromium over the development bridge)" npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json="$results/vitest-e2e.json"
run "Electron smoke tests (Playwright _electron; skip where no Electron binary exists)" npx playwright test -c test/electron/playwright.config.ts

node scripts/summarize-test-results.mjs "$results" || status=1
exit $status
