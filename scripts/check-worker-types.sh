#!/usr/bin/env bash
# Fails when workers/worker-configuration.d.ts is not what `wrangler types` generates from
# wrangler.toml now (a binding or var added without `npm run types:worker`). The file is left as
# it was either way.
set -euo pipefail
cd "$(dirname "$0")/.."
file=workers/worker-configuration.d.ts
saved=$(mktemp)
trap 'cp "$saved" "$file"; rm -f "$saved"' EXIT
cp "$file" "$saved"
npm run -s types:worker >/dev/null
if ! cmp -s "$saved" "$file"; then
  diff "$saved" "$file" || true
  echo "$file is out of date with wrangler.toml: run npm run types:worker and commit it." >&2
  exit 1
fi
echo "$file matches wrangler.toml"
