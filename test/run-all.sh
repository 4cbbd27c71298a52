#!/usr/bin/env bash
# The project's whole test suite (`npm test`). Runs every part even when one fails, then prints one
# "N passed, N failed" line summed from the runners' JSON reports, and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
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
  fi
}

run "type check (node)" npx tsc -p tsconfig.node.json --noEmit
run "build (node)" npm run --silent build:node
run "unit and integration tests (node)" npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest-node.json"

node scripts/summarize-test-results.mjs "$results" || status=1
exit $status
