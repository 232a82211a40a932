#!/usr/bin/env bash
# Runs every test: types (tsc, svelte-check), unit (the core, in Node), Worker (workerd with real
# local bindings), browser (Debian's Chromium against wrangler dev).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prepare.sh
npx tsc -p tsconfig.json --noEmit
npx svelte-check --tsconfig ./tsconfig.json --threshold error --output machine | tail -1
npx vitest run --config vitest.unit.config.ts
npx vitest run --config vitest.worker.config.ts
npx vitest run --config vitest.browser.config.ts
