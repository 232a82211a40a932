/**
 * The bench's raw-insert route lives in the bench's own Worker (bench/worker.ts with
 * bench/wrangler.bench.toml): the production bundle must hold no bench code, and the bench's config
 * must stay the production one but for its entry point and paths.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchConfigText, writeBenchConfig } from '../../bench/bench-config.ts';

/** Strings only bench code holds (its route, its throwaway workspace). */
const BENCH_MARKERS = ['/_bench', 'insert-ceiling', 'ws_bench_ceiling'];

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** What `wrangler deploy` would upload for this config (dry run, an empty assets folder). */
function bundle(config: string): string {
  const out = mkdtempSync(join(tmpdir(), 'lead-bundle-'));
  const assets = mkdtempSync(join(tmpdir(), 'lead-assets-'));
  dirs.push(out, assets);
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--config', config, '--outdir', out, '--assets', assets], {
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
    stdio: 'ignore',
  });
  return readdirSync(out)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(out, f), 'utf8'))
    .join('\n');
}

describe('bench Worker', () => {
  it('the production bundle holds no bench code; the bench bundle does', () => {
    const production = bundle('wrangler.toml');
    expect(production).toContain('/api/v1'); // (a real bundle)
    for (const marker of BENCH_MARKERS) expect(production, marker).not.toContain(marker);
    const bench = bundle(writeBenchConfig());
    for (const marker of BENCH_MARKERS) expect(bench, marker).toContain(marker);
  }, 120_000);

  it('the bench config is wrangler.toml but for its name, entry point and relative paths', () => {
    const text = benchConfigText(readFileSync('wrangler.toml', 'utf8'));
    expect(text).toMatch(/^name = "lead-import-bench"$/m);
    expect(text).toMatch(/^main = "worker.ts"$/m);
    expect(text).toMatch(/^migrations_dir = "\.\.\/drizzle"$/m);
    expect(text).toContain('[[queues.consumers]]');
  });
});
