/**
 * The bench's dev servers: each part starts `wrangler dev` on a free port, with its own state
 * folder, running a snapshot of the sources (wrangler reloads the Worker on every source edit, and
 * a reload in the middle of an import stalls it), and stops it when done, even when it fails.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer, type DevServer } from '../test/browser/server.ts';
import { writeBenchConfig } from './bench-config.ts';

export type { DevServer };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** A copy of the project's sources for wrangler dev to run (node_modules linked, not copied). */
export function snapshot(): string {
  const root = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), 'lead-bench-src-'));
  for (const name of ['workers', 'src', 'scripts', 'drizzle', 'drizzle-leads', 'build', 'bench', 'static', 'wrangler.toml', 'package.json', 'tsconfig.json', '.dev.vars', '.dev.vars.example']) {
    if (existsSync(join(root, name))) cpSync(join(root, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  // wrangler reads .dev.vars beside the config it runs (bench/wrangler.bench.toml): the secrets (the
  // link and sign-in key among them) must be there too.
  if (existsSync(join(root, '.dev.vars'))) cpSync(join(root, '.dev.vars'), join(dir, 'bench', '.dev.vars'));
  // wrangler dev needs the assets folder to exist; the API parts do not need the UI.
  if (!existsSync(join(dir, 'build'))) {
    mkdirSync(join(dir, 'build'));
    writeFileSync(join(dir, 'build', 'index.html'), '<!doctype html><title>bench</title>');
  }
  return dir;
}

/** wrangler dev running the bench's own Worker (bench/worker.ts: the real one plus the bench routes). */
export function startBenchServer(port: number, persistTo: string, cwd = process.cwd(), vars: Record<string, string> = {}): Promise<DevServer> {
  // The browser parts sign in once per preview: the sign-in limits are lifted as for the browser tests.
  const lifted = { SIGNIN_CODES_PER_ADDRESS_PER_HOUR: '1000', SIGNIN_CODES_PER_IP_PER_HOUR: '1000', SIGNIN_VERIFIES_PER_IP_PER_HOUR: '1000' };
  return startDevServer(port, persistTo, { cwd, config: writeBenchConfig(cwd), vars: { ...lifted, ...vars } });
}

/**
 * Runs `fn` against a fresh bench server (snapshot, free port, own state) and always tears it all
 * down; an interrupt (Ctrl-C) stops wrangler too. `live` runs the working tree instead of a snapshot.
 */
export async function withBenchServer<T>(
  what: string,
  fn: (server: DevServer, state: { persistTo: string; cwd: string }) => Promise<T>,
  opts: { live?: boolean; vars?: Record<string, string> } = {},
): Promise<T> {
  const persistTo = mkdtempSync(join(tmpdir(), 'lead-bench-state-'));
  const cwd = opts.live ? process.cwd() : snapshot();
  const port = await freePort();
  process.stderr.write(`  [${what}] starting wrangler dev on port ${port}\n`);
  let server: DevServer | undefined;
  const onSignal = () => {
    if (server) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
    }
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    server = await startBenchServer(port, persistTo, cwd, opts.vars);
    return await fn(server, { persistTo, cwd });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (server) {
      const logFile = join(tmpdir(), `lead-bench-wrangler-${what.replace(/\W+/g, '-')}.log`);
      writeFileSync(logFile, server.log());
      process.stderr.write(`  [${what}] wrangler dev output: ${logFile}\n`);
      await server.stop();
    }
    rmSync(persistTo, { recursive: true, force: true });
    if (cwd !== process.cwd()) rmSync(cwd, { recursive: true, force: true });
  }
}

export type Resource = Record<string, any>;

/** A small JSON client for one server and token. */
export function apiClient(server: DevServer, token = server.token) {
  return async (method: string, path: string, payload?: BodyInit, headers: Record<string, string> = {}): Promise<{ status: number; body: Resource }> => {
    const res = await fetch(`${server.url}/api/v1${path}`, { method, headers: { Authorization: `Bearer ${token}`, ...headers }, body: payload });
    const text = await res.text();
    let body: Resource;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { text: text.slice(0, 2000) };
    }
    return { status: res.status, body };
  };
}
export type Api = ReturnType<typeof apiClient>;

/** No progress for this long and the import is declared stuck. */
const STALL_MS = 60_000;

/** Polls an import until `done`; throws when it fails, is cancelled, or makes no progress for a minute. */
export async function waitForImport(api: Api, id: string, done: (r: Resource) => boolean, what: string): Promise<Resource> {
  let lastLog = Date.now();
  let lastProgress = Date.now();
  let lastSeen = '';
  for (;;) {
    const { status, body: r } = await api('GET', `/imports/${id}`);
    if (status !== 200) throw new Error(`${what}: GET import answered ${status}: ${JSON.stringify(r).slice(0, 500)}`);
    if (done(r)) return r;
    if (['failed', 'cancelled'].includes(r.status)) {
      throw new Error(`${what} ended ${r.status}: ${JSON.stringify(r.failure ?? r).slice(0, 500)}`);
    }
    const seen = `${r.status} ${r.processedRows} ${r.undoneRows}`;
    if (seen !== lastSeen) (lastSeen = seen), (lastProgress = Date.now());
    else if (Date.now() - lastProgress > STALL_MS) throw new Error(`${what} stalled: ${seen} unchanged for ${STALL_MS / 1000} s`);
    if (Date.now() - lastLog > 5000) {
      lastLog = Date.now();
      process.stderr.write(`  [${what}] ${r.status} processed ${r.processedRows}/${r.totalRows}${r.undoneRows ? ` undone ${r.undoneRows}` : ''}\n`);
    }
    await new Promise((res) => setTimeout(res, 250));
  }
}

/** POSTs a CSV to the headless import route and waits for `completed`: end-to-end time and the final resource. */
export async function importCsv(api: Api, campaignId: string, body: Uint8Array<ArrayBuffer>, what: string, query = ''): Promise<{ ms: number; r: Resource }> {
  const t0 = performance.now();
  const { status, body: created } = await api('POST', `/campaigns/${campaignId}/imports?ignoreErrors=true&fileName=bench.csv${query}`, body, { 'Content-Type': 'text/csv' });
  if (status !== 201 && status !== 202) throw new Error(`${what}: POST import answered ${status}: ${JSON.stringify(created).slice(0, 500)}`);
  const r = await waitForImport(api, created.id, (v) => v.status === 'completed', what);
  return { ms: performance.now() - t0, r };
}

/** imported + failed = total = the file's rows. */
export function countsAddUp(r: Resource, rows: number): boolean {
  return Number(r.importedRows) + Number(r.failedRows) === Number(r.totalRows) && Number(r.totalRows) === rows;
}

/**
 * One small import into a throwaway campaign of the token's workspace, so the first timed import
 * does not pay for a cold Worker, queue consumer and Durable Object while the one it is compared
 * with does not.
 */
export async function warmUp(api: Api, csv: Uint8Array<ArrayBuffer>): Promise<void> {
  const { body: demo } = await api('GET', '/campaigns/cmp_demo');
  const c = await api('POST', '/campaigns', JSON.stringify({ name: 'Bench warm-up', assistantId: demo.assistantId, defaultCountry: demo.defaultCountry ?? 'US' }), { 'Content-Type': 'application/json' });
  if (c.status !== 201) throw new Error(`warm-up: POST /campaigns answered ${c.status}: ${JSON.stringify(c.body).slice(0, 500)}`);
  await importCsv(api, c.body.id, csv, 'warm-up');
}
