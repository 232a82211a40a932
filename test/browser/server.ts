/**
 * Starts `wrangler dev` on its own port and state folder, with migrations applied and demo data
 * seeded (used by the browser tests and the benchmarks).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_IDS, demoStatements } from '../../scripts/demo-sql.ts';
import { ensureDevVars } from '../../scripts/dev-vars.ts';
import { prepareLocalD1 } from '../../scripts/local-d1.ts';

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
  /** SQL statements run on DB after the demo seed, before the server starts (e.g. the browser tests' workspaces). */
  statements?: string[];
}

export async function startDevServer(port: number, persistTo: string, opts: DevServerOptions = {}): Promise<DevServer> {
  const cwd = opts.cwd ?? process.cwd();
  rmSync(resolve(cwd, persistTo), { recursive: true, force: true });
  const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', WRANGLER_PERSIST_TO: persistTo };
  // Every database's migrations, the demo workspace (as `npm run seed` makes it, on the first
  // shard of a fresh pool) and the caller's statements, in one process.
  const token = ensureDevVars(cwd);
  const demo = await demoStatements(DEMO_IDS, token, 0);
  await prepareLocalD1({ cwd, config: opts.config ?? 'wrangler.toml', persistTo, statements: [...demo, ...(opts.statements ?? [])] });
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
