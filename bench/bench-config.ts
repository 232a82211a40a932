/**
 * The bench's Worker config, made from wrangler.toml at each run (so the two cannot drift): the
 * same bindings and vars, the bench's own entry point (bench/worker.ts: the real Worker plus the
 * raw-insert route) and paths relative to bench/. Never deployed; git-ignored.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BENCH_CONFIG = 'bench/wrangler.bench.toml';

/** wrangler.toml's text turned into the bench's config text. */
export function benchConfigText(production: string): string {
  return (
    '# Generated from ../wrangler.toml by bench/bench-config.ts for `wrangler dev` in the bench only.\n' +
    production
      .replace(/^name = "([^"]+)"$/m, 'name = "$1-bench"')
      .replace(/^main = "[^"]+"$/m, 'main = "worker.ts"')
      .replace(/^(directory|migrations_dir) = "([^"]+)"$/gm, '$1 = "../$2"')
  );
}

/** Writes bench/wrangler.bench.toml under `root` and returns its path relative to it. */
export function writeBenchConfig(root = '.'): string {
  writeFileSync(join(root, BENCH_CONFIG), benchConfigText(readFileSync(join(root, 'wrangler.toml'), 'utf8')));
  return BENCH_CONFIG;
}
