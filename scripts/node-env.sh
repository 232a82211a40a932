# Sourced by the other scripts: puts Node 24 first on PATH when the machine's node is older than 22.17.
# Node comes from the npm registry into .tools/ (git-ignored); /usr/bin/node is never replaced.
_here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_need_node() {
  command -v node >/dev/null 2>&1 || return 0
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=17)?1:0)'
}
if [ -x "$_here/.tools/node_modules/node/bin/node" ]; then
  export PATH="$_here/.tools/node_modules/node/bin:$PATH"
elif _need_node; then
  echo "Installing Node 24 into .tools/ (the machine has $(node --version 2>/dev/null || echo none))" >&2
  npm install --prefix "$_here/.tools" --no-audit --no-fund --loglevel=error node@24 >&2
  export PATH="$_here/.tools/node_modules/node/bin:$PATH"
fi
export CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_SEND_METRICS=false
unset _here
