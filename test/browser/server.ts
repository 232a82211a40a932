/**
 * Starts `wrangler dev` on its own port and state folder, with migrations applied and demo data
 * seeded (used by the browser tests and the benchmarks).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { d1Bindings } from '../../scripts/shards.ts';

/** The workbook reader Worker's config: run beside the API Worker, as `npm run dev` does. */
export const WORKBOOK_READER_CONFIG = 'workers/workbook-reader/wrangler.toml';

export interface DevServer {
  url: string;
  token: string;
  pid: number;
  /** The last 200,000 characters wrangler printed (minus import status polls). */
  log(): string;
  /** How many times wrangler reloaded the Worker (it watches the sources). */
  reloads(): number;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  /** The project folder to run from (a snapshot keeps others' edits from reloading the Worker). */
  cwd?: string;
  /** Extra `--var NAME:value` bindings. */
  vars?: Record<string, string>;
  /** A wrangler config other than the project's wrangler.toml (relative to `cwd`), e.g. the bench's. */
  config?: string;
  /** SQL run on DB after the demo seed, before the server starts (e.g. the browser tests' workspaces). */
  sql?: string;
}

export async function startDevServer(port: number, persistTo: string, opts: DevServerOptions = {}): Promise<DevServer> {
  const cwd = opts.cwd ?? process.cwd();
  rmSync(persistTo, { recursive: true, force: true });
  const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', WRANGLER_PERSIST_TO: persistTo };
  const config = opts.config ? ['--config', opts.config] : [];
  // DB and every leads shard (LEADS_0 … ) the config declares.
  for (const binding of d1Bindings(readFileSync(join(cwd, opts.config ?? 'wrangler.toml'), 'utf8'))) {
    execFileSync('npx', ['wrangler', 'd1', 'migrations', 'apply', binding, '--local', '--persist-to', persistTo, ...config], { env, stdio: 'ignore', cwd });
  }
  const seeded = execFileSync('node', ['scripts/seed.ts'], { env, encoding: 'utf8', cwd });
  const token = /API token \(owner, for scripts\): (\S+)/.exec(seeded)![1]!;
  if (opts.sql) {
    const file = join(mkdtempSync(join(tmpdir(), 'lead-import-sql-')), 'seed.sql');
    writeFileSync(file, opts.sql);
    execFileSync('npx', ['wrangler', 'd1', 'execute', 'DB', '--local', '--persist-to', persistTo, ...config, '--file', file, '--yes'], { env, stdio: 'ignore', cwd });
  }
  // Local servers may send webhooks to a receiver on the loopback address (.dev.vars.example sets it too).
  const vars = { APP_URL: `http://127.0.0.1:${port}`, WEBHOOK_ALLOW_PRIVATE: 'true', ...opts.vars };
  // The API Worker (the first config) and the workbook reader Worker its service binding reaches.
  const workers = [...(opts.config ? ['-c', opts.config] : ['-c', 'wrangler.toml']), '-c', WORKBOOK_READER_CONFIG];
  const child: ChildProcess = spawn(
    'npx',
    ['wrangler', 'dev', ...workers, '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistTo, ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`])],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true, cwd },
  );
  let output = '';
  let reloads = 0;
  const keep = (d: Buffer) => {
    reloads += String(d).split('Reloading local server').length - 1;
    const text = String(d).split('\n').filter((l) => !/GET \/api\/v1\/imports\/\S+ 200/.test(l)).join('\n');
    output = (output + text).slice(-200_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`wrangler dev did not start:\n${output.slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    token,
    pid: child.pid!,
    log: () => output,
    reloads: () => reloads,
    async stop() {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* gone */
      }
      await new Promise((r) => setTimeout(r, 500));
    },
  };
}
