/**
 * Applies the D1 migrations to every database the config declares: DB (drizzle/) and each leads
 * shard LEADS_n (drizzle-leads/). Usage: node scripts/migrate.ts [--remote] [--config file]
 * (WRANGLER_PERSIST_TO picks the local state folder, as for wrangler itself).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { d1Bindings } from './shards.ts';

const args = process.argv.slice(2);
const remote = args.includes('--remote');
const configAt = args.indexOf('--config');
const config = configAt >= 0 ? args[configAt + 1]! : 'wrangler.toml';

export function migrateAll(opts: { config: string; remote?: boolean; persistTo?: string; cwd?: string; env?: NodeJS.ProcessEnv }): string[] {
  const text = readFileSync(opts.cwd ? `${opts.cwd}/${opts.config}` : opts.config, 'utf8');
  const bindings = d1Bindings(text);
  for (const binding of bindings) {
    const persist = !opts.remote && opts.persistTo ? ['--persist-to', opts.persistTo] : [];
    execFileSync('npx', ['wrangler', 'd1', 'migrations', 'apply', binding, opts.remote ? '--remote' : '--local', ...persist, '--config', opts.config], {
      stdio: ['ignore', 'ignore', 'inherit'],
      cwd: opts.cwd,
      env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', ...opts.env },
    });
  }
  return bindings;
}

if (import.meta.main) {
  const done = migrateAll({ config, remote, persistTo: process.env.WRANGLER_PERSIST_TO });
  console.log(`Migrations applied to ${done.join(', ')}.`);
}
