/** The D1 bindings a wrangler config declares: DB and the leads pool LEADS_0 … LEADS_{N-1}. */
import { readFileSync } from 'node:fs';

/** Every [[d1_databases]] block of a wrangler config, as written (header included), in file order. */
export function d1Blocks(configText: string): string[] {
  return configText
    .split(/^\[\[d1_databases\]\]\s*$/m)
    .slice(1)
    .map((block) => `[[d1_databases]]\n${block.split(/^\[/m)[0]!.trim()}\n`);
}

/** Every [[d1_databases]] block's binding and migrations folder (relative to the config; wrangler's default "migrations"), in file order. */
export function d1Databases(configText: string): { binding: string; migrationsDir: string }[] {
  const out: { binding: string; migrationsDir: string }[] = [];
  for (const body of d1Blocks(configText)) {
    const binding = /^binding = "([^"]+)"$/m.exec(body)?.[1];
    if (binding) out.push({ binding, migrationsDir: /^migrations_dir = "([^"]+)"$/m.exec(body)?.[1] ?? 'migrations' });
  }
  return out;
}

/** Every `binding = "…"` of a [[d1_databases]] block, in file order. */
export function d1Bindings(configText: string): string[] {
  return d1Databases(configText).map((d) => d.binding);
}

/** The leads shards new workspaces may be placed on: LEADS_0 … LEADS_{LEADS_SHARDS-1}. */
export function leadShardBindings(configText = readFileSync('wrangler.toml', 'utf8')): string[] {
  const declared = d1Bindings(configText).filter((b) => /^LEADS_\d+$/.test(b));
  const size = Number(/^LEADS_SHARDS = "(\d+)"$/m.exec(configText)?.[1] ?? declared.length);
  return declared.filter((b) => Number(b.slice('LEADS_'.length)) < size);
}
