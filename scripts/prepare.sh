# Sourced by dev.sh and setup.sh: Node 24 on PATH, npm packages, .dev.vars, the built SPA.
source scripts/prepare-env.sh
npx svelte-kit sync
npx vite build --logLevel warn
