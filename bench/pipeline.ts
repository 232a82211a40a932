/**
 * End-to-end through the headless path on `wrangler dev`: POST the generated CSV to the demo
 * campaign, poll the import until it ends, report rows/s (request start → completed) against the
 * local one-thread ceiling 1 / (phone-library cost per row + raw multi-row insert cost per row),
 * both measured in this run. Samples the RSS of the workerd processes under wrangler every 200 ms.
 *
 *   node bench/pipeline.ts 100000
 */
import { execFileSync } from 'node:child_process';
import { rmSync, mkdtempSync, writeFileSync, cpSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { generateLeadsCsv } from './generate.ts';
import { fmt, label, mb, runCore } from './core.ts';
import { startDevServer, type DevServer } from '../test/browser/server.ts';
import { writeBenchConfig } from './bench-config.ts';
import { formatCampaignList, timeCampaignList, type CampaignListTiming } from './campaigns-list.ts';

/** wrangler dev running the bench's own Worker (bench/worker.ts: the real one plus the raw-insert route). */
export function startBenchServer(port: number, persistTo: string, cwd = process.cwd()): Promise<DevServer> {
  return startDevServer(port, persistTo, { cwd, config: writeBenchConfig(cwd) });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Sums the RSS of the workerd processes descended from `root`, every 200 ms. */
function sampleWorkerd(root: number): { stop(): { peak: number; first: number; samples: number } } {
  let peak = 0;
  let first = -1;
  let samples = 0;
  const tick = () => {
    let out: string;
    try {
      out = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,comm='], { encoding: 'utf8' });
    } catch {
      return;
    }
    const procs = out.trim().split('\n').map((l) => {
      const [pid, ppid, rss, ...comm] = l.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), rss: Number(rss) * 1024, comm: comm.join(' ') };
    });
    const tree = new Set([root]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const p of procs) if (!tree.has(p.pid) && tree.has(p.ppid)) (tree.add(p.pid), (grew = true));
    }
    const rss = procs.filter((p) => tree.has(p.pid) && p.comm.includes('workerd')).reduce((s, p) => s + p.rss, 0);
    if (rss > 0) {
      samples++;
      if (first < 0) first = rss;
      if (rss > peak) peak = rss;
    }
  };
  tick();
  const timer = setInterval(tick, 200);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return { peak, first, samples };
    },
  };
}

/**
 * A copy of the project's sources for wrangler dev to run: wrangler watches its sources and reloads
 * the Worker on every edit, and a reload in the middle of an import stalls it, so the bench runs a
 * snapshot taken at its start (node_modules is linked, not copied).
 */
export function snapshot(): string {
  const root = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), 'lead-bench-src-'));
  for (const name of ['workers', 'src', 'scripts', 'drizzle', 'drizzle-leads', 'build', 'bench', 'static', 'wrangler.toml', 'package.json', 'tsconfig.json', '.dev.vars', '.dev.vars.example']) {
    if (existsSync(join(root, name))) cpSync(join(root, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** No progress for this long and the import is declared stuck (the bench reports it and moves on). */
const STALL_MS = 60_000;

export interface PipelineResult {
  rows: number;
  fileBytes: number;
  ms: number;
  rowsPerSec: number;
  status: string;
  importResource: Record<string, unknown>;
  countsAddUp: boolean;
  reloads: number;
  campaignList: CampaignListTiming;
  workerd: { peak: number; first: number; samples: number };
  ceiling:
    | { mounted: false; reason: string }
    | { mounted: true; insertMs: number; insertRowsPerSec: number; phoneLibMsPerRow: number; ceilingRowsPerSec: number; ratio: number };
}

export async function runPipeline(rows: number, opts: { phoneLibMsPerRow: number; port?: number; live?: boolean }): Promise<PipelineResult> {
  const g = generateLeadsCsv(rows);
  const body = new TextEncoder().encode(g.text);
  const persistTo = mkdtempSync(join(tmpdir(), 'lead-bench-state-'));
  process.stderr.write(`  [pipeline ${rows}] starting wrangler dev\n`);
  const cwd = opts.live ? process.cwd() : snapshot();
  const server = await startBenchServer(opts.port ?? (await freePort()), persistTo, cwd);
  // Don't leave wrangler behind when the bench is interrupted.
  const onSignal = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const sampler = sampleWorkerd(server.pid);
  const auth = { Authorization: `Bearer ${server.token}` };
  try {
    process.stderr.write(`  [pipeline ${rows}] server up on ${server.url}, posting ${body.length} bytes\n`);
    const reloadsAtStart = server.reloads();
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/campaigns/cmp_demo/imports?ignoreErrors=true&fileName=bench.csv`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/csv' },
      body,
    });
    const created = (await res.json()) as Record<string, unknown>;
    if (res.status !== 201 && res.status !== 202) throw new Error(`POST import answered ${res.status}: ${JSON.stringify(created).slice(0, 2000)}`);
    const id = created.id as string;
    let resource = created;
    const deadline = Date.now() + 60 * 60_000;
    let lastLog = Date.now();
    let lastProgress = Date.now();
    let lastProcessed = -1;
    while (!['completed', 'failed', 'cancelled'].includes(resource.status as string)) {
      if (Date.now() > deadline) throw new Error(`import ${id} still ${resource.status} after an hour: ${JSON.stringify(resource)}`);
      await new Promise((r) => setTimeout(r, 250));
      const poll = await fetch(`${server.url}/api/v1/imports/${id}`, { headers: auth });
      if (!poll.ok) throw new Error(`GET import answered ${poll.status}: ${(await poll.text()).slice(0, 2000)}`);
      resource = (await poll.json()) as Record<string, unknown>;
      if (Number(resource.processedRows) !== lastProcessed) {
        lastProcessed = Number(resource.processedRows);
        lastProgress = Date.now();
      } else if (Date.now() - lastProgress > STALL_MS) {
        throw new Error(
          `import ${id} stalled: ${resource.status}, processedRows ${resource.processedRows}/${resource.totalRows} unchanged for ${STALL_MS / 1000} s; wrangler reloaded the Worker ${server.reloads() - reloadsAtStart} time(s) during the import (source edits)\n` +
            `import resource: ${JSON.stringify(resource)}\n--- wrangler dev output (tail) ---\n${server.log().slice(-6000)}`,
        );
      }
      if (Date.now() - lastLog > 5000) {
        lastLog = Date.now();
        process.stderr.write(`  [pipeline ${rows}] ${((performance.now() - t0) / 1000).toFixed(0)} s: ${resource.status} processed ${resource.processedRows}/${resource.totalRows}\n`);
      }
    }
    const ms = performance.now() - t0;
    const n = (k: string) => Number(resource[k]);
    const countsAddUp = n('importedRows') + n('failedRows') === n('totalRows') && n('totalRows') === rows;

    const campaignList = await timeCampaignList(server.url, auth);

    // The insert ceiling, in the same run, on the same dev server (throwaway campaign, rows deleted after).
    let ceiling: PipelineResult['ceiling'];
    const c = await fetch(`${server.url}/api/v1/_bench/insert-ceiling?rows=${rows}`, { method: 'POST', headers: auth });
    if (c.status === 404) {
      ceiling = { mounted: false, reason: 'route not mounted' };
    } else if (!c.ok) {
      ceiling = { mounted: false, reason: `route answered ${c.status}: ${(await c.text()).slice(0, 500)}` };
    } else {
      const { ms: insertMs } = (await c.json()) as { ms: number };
      const perRow = opts.phoneLibMsPerRow + insertMs / rows;
      const ceilingRowsPerSec = 1000 / perRow;
      ceiling = {
        mounted: true,
        insertMs,
        insertRowsPerSec: (rows / insertMs) * 1000,
        phoneLibMsPerRow: opts.phoneLibMsPerRow,
        ceilingRowsPerSec,
        ratio: ((rows / ms) * 1000) / ceilingRowsPerSec,
      };
    }
    return {
      rows,
      fileBytes: body.length,
      ms,
      rowsPerSec: (rows / ms) * 1000,
      status: resource.status as string,
      importResource: resource,
      countsAddUp,
      workerd: sampler.stop(),
      reloads: server.reloads() - reloadsAtStart,
      ceiling,
      campaignList,
    };
  } finally {
    // wrangler's own lines (queue batches, reloads, errors), minus the progress polls, for diagnosis.
    const logFile = join(tmpdir(), `lead-bench-wrangler-${rows}.log`);
    writeFileSync(logFile, server.log());
    process.stderr.write(`  [pipeline ${rows}] wrangler dev output: ${logFile}\n`);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    sampler.stop();
    await server.stop();
    rmSync(persistTo, { recursive: true, force: true });
    if (cwd !== process.cwd()) rmSync(cwd, { recursive: true, force: true });
  }
}

export function formatPipeline(r: PipelineResult): string[] {
  const res = r.importResource;
  const c = r.ceiling;
  const ceilingText = c.mounted
    ? `ceiling ${fmt(c.ceilingRowsPerSec)} rows/s (phone-lib ${(c.phoneLibMsPerRow * 1000).toFixed(1)} us/row + insert ${fmt(c.insertRowsPerSec)} rows/s) | ratio ${c.ratio.toFixed(2)} (target >= 0.5)`
    : `ceiling: ${c.reason}`;
  return [
    `pipeline ${label(r.rows)}: end-to-end ${fmt(r.rowsPerSec)} rows/s (${(r.ms / 1000).toFixed(1)} s, status ${r.status}) | ${ceilingText} | workerd peak rss ${mb(r.workerd.peak)} (idle ${mb(r.workerd.first)}, ${r.workerd.samples} samples; file ${mb(r.fileBytes)})${r.reloads ? ` | WARNING wrangler reloaded ${r.reloads}x during the run` : ''}`,
    `pipeline ${label(r.rows)} counts: total ${res.totalRows} imported ${res.importedRows} failed ${res.failedRows} -> ${r.countsAddUp ? 'add up' : 'DO NOT ADD UP'} | errorCounts ${JSON.stringify(res.errorCounts)}`,
    formatCampaignList(label(r.rows), r.campaignList),
  ];
}

if (import.meta.main) {
  const rows = Number(process.argv[2] ?? 100_000);
  const core = await runCore(rows);
  const r = await runPipeline(rows, { phoneLibMsPerRow: core.phoneLibMsPerRow });
  for (const line of formatPipeline(r)) console.log(line);
}
