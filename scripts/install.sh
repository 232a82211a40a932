# Sourced: installs npm packages when missing or older than the lockfile.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# SheetJS's two endless loops (scripts/patch-sheetjs.mjs; npm's postinstall runs it too, this
# covers a node_modules installed before the patch existed). Idempotent, a few milliseconds.
node scripts/patch-sheetjs.mjs
