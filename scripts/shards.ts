/** The D1 bindings a wrangler config declares: DB and the leads pool LEADS_0 … LEADS_{N-1}. */
import { readFileSync } from 'node:fs';

/** Every `binding = "…"` of a [[d1_databases]] block, in file order. */
export function d1Bindings(configText: string): string[] {
  const out: string[] = [];
  for (const block of configText.split(/^\[\[d1_databases\]\]\s*$/m).slice(1)) {
    const binding = /^binding = "([^"]+)"$/m.exec(block.split(/^\[/m)[0]!)?.[1];
    if (binding) out.push(binding);
  }
  return out;
}

/** The leads shards new workspaces may be placed on: LEADS_0 … LEADS_{LEADS_SHARDS-1}. */
export function leadShardBindings(configText = readFileSync('wrangler.toml', 'utf8')): string[] {
  const declared = d1Bindings(configText).filter((b) => /^LEADS_\d+$/.test(b));
  const size = Number(/^LEADS_SHARDS = "(\d+)"$/m.exec(configText)?.[1] ?? declared.length);
  return declared.filter((b) => Number(b.slice('LEADS_'.length)) < size);
}
