#!/usr/bin/env bash
# Runs every test: types (tsc per layer, svelte-check, the generated Env), unit (the core, in Node), Worker (workerd with real
# local bindings), browser (Debian's Chromium against wrangler dev).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prepare.sh
# The core (no DOM, no Workers, no Node), the Worker (workers-types), the UI with tests and scripts.
npx tsc -p tsconfig.core.json
npx tsc -p tsconfig.worker.json
npx tsc -p tsconfig.json --noEmit
npx svelte-check --tsconfig ./tsconfig.json --threshold error --output machine | tail -1
bash scripts/check-worker-types.sh
npx vitest run --config vitest.unit.config.ts
npx vitest run --config vitest.worker.config.ts
npx vitest run --config vitest.browser.config.ts
