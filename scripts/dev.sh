#!/usr/bin/env bash
# Runs the whole product locally on the embedded default: builds the UI, applies the D1 migrations (DB and every leads shard),
# seeds the demo workspace, and starts wrangler dev (local D1, R2, Queues, Durable Objects) on :8787: the API Worker
# and, beside it, the workbook reader Worker its WORKBOOK_READER service binding reaches (workers/workbook-reader).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prepare.sh
node scripts/migrate.ts >/dev/null
node scripts/seed.ts
exec npx wrangler dev -c wrangler.toml -c workers/workbook-reader/wrangler.toml --ip 127.0.0.1 --port "${PORT:-8787}" --var "APP_URL:http://127.0.0.1:${PORT:-8787}" "$@"
