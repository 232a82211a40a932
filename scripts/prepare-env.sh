# Sourced by prepare.sh and test.sh: Node 24 on PATH, npm packages, .dev.vars.
source scripts/node-env.sh
source scripts/install.sh
[ -f .dev.vars ] || cp .dev.vars.example .dev.vars
# A checkout made before a new variable was added keeps its values and gains the new one.
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  grep -q "^${line%%=*}=" .dev.vars || printf '%s\n' "$line" >> .dev.vars
done < .dev.vars.example
