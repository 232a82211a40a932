# Sourced by dev.sh and test.sh: Node 24 on PATH, npm packages, .dev.vars, the built SPA.
source scripts/node-env.sh
source scripts/install.sh
[ -f .dev.vars ] || cp .dev.vars.example .dev.vars
npx svelte-kit sync
npx vite build --logLevel warn
