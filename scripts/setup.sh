#!/usr/bin/env bash
# One-shot setup of a fresh clone: Node 24 into .tools/ when the machine's is older than 22.17,
# the npm packages, .dev.vars from .dev.vars.example, the built SPA, the local D1 migrations (DB and every leads shard) and
# the demo data. `npm run dev` and `npm test` do the same on their own; this only prepares.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prepare.sh
node scripts/migrate.ts >/dev/null
node scripts/seed.ts
