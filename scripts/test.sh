#!/usr/bin/env bash
# Runs every test: types (the core, the Worker, the UI with tests and scripts, the generated Env),
# unit (the core, in Node), Worker (workerd with real local bindings), browser (Debian's Chromium
# against wrangler dev). The type checks are single-threaded: they run beside the layers (started
# with the SPA's build, reported at the end), so a 2-core machine keeps both cores busy.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prepare-env.sh
npx svelte-kit sync

# Each file is type-checked once: the core and the Worker with their own libraries, the rest
# (UI, tests, scripts, bench) by svelte-check over tsconfig.json (it checks .ts files too).
# Incremental: a re-run checks what changed (build info in node_modules/.cache).
types_log=$(mktemp)
(
  npx tsc -p tsconfig.core.json --incremental --tsBuildInfoFile node_modules/.cache/tsc/core.tsbuildinfo
  npx tsc -p tsconfig.worker.json --incremental --tsBuildInfoFile node_modules/.cache/tsc/worker.tsbuildinfo
  npx svelte-check --tsconfig ./tsconfig.json --threshold error --output machine | tail -1
  bash scripts/check-worker-types.sh
) > "$types_log" 2>&1 &
types=$!
report_types() {
  local rc=0
  wait "$types" || rc=$?
  cat "$types_log"
  rm -f "$types_log"
  if [ "$rc" -ne 0 ]; then echo "Type checks failed." >&2; fi
  return "$rc"
}
trap 'kill "$types" 2>/dev/null || true' EXIT

npx vite build --logLevel warn
npx vitest run --config vitest.unit.config.ts
npx vitest run --config vitest.worker.config.ts
npx vitest run --config vitest.browser.config.ts
report_types
trap - EXIT
