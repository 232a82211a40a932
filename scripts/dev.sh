#!/usr/bin/env bash
# Runs the whole product locally on the embedded default: builds the UI, applies the D1 migrations (DB and every leads shard),
# seeds the demo workspace, and starts wrangler dev (local D1, R2, Queues, Durable Objects) on :8787.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prepare.sh
node scripts/migrate.ts >/dev/null
node scripts/seed.ts
exec npx wrangler dev --ip 127.0.0.1 --port "${PORT:-8787}" --var "APP_URL:http://127.0.0.1:${PORT:-8787}" "$@"
