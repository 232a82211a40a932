/**
 * End-to-end through the headless path on `wrangler dev`: POST the generated CSV to the demo
 * campaign, poll the import until it ends, report rows/s (request start → completed) against the
 * local one-thread ceiling 1 / (phone-library cost per row + raw multi-row insert cost per row),
 * both measured in this run. Samples the RSS of the workerd processes under wrangler every 200 ms.
 *
 *   node bench/pipeline.ts 100000
 */
import { execFileSync } from 'node:child_process';
import { generateLeadsCsv } from './generate.ts';
import { runCore } from './core.ts';
import { fmt, label, mb, resultLine, secs, type PartOutput } from './report.ts';
import { apiClient, countsAddUp, importCsv, withBenchServer } from './server.ts';

/** Sums the RSS of the workerd processes descended from `root`, every 200 ms. */
export function sampleWorkerd(root: number): { stop(): { peak: number; first: number; samples: number } } {
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

export interface PipelineResult {
  rows: number;
  fileBytes: number;
  ms: number;
  rowsPerSec: number;
  status: string;
  importResource: Record<string, unknown>;
  countsAddUp: boolean;
  reloads: number;
  workerd: { peak: number; first: number; samples: number };
  ceiling:
    | { mounted: false; reason: string }
    | { mounted: true; insertMs: number; insertRowsPerSec: number; phoneLibMsPerRow: number; ceilingRowsPerSec: number; ratio: number };
}

export async function runPipeline(rows: number, opts: { phoneLibMsPerRow: number; live?: boolean }): Promise<PipelineResult> {
  const g = generateLeadsCsv(rows);
  const body = new TextEncoder().encode(g.text);
  const what = `pipeline ${label(rows)}`;
  return withBenchServer(
    what,
    async (server) => {
      const api = apiClient(server);
      const sampler = sampleWorkerd(server.pid);
      try {
        const reloadsAtStart = server.reloads();
        const { ms, r: resource } = await importCsv(api, 'cmp_demo', body, what);
        const reloads = server.reloads() - reloadsAtStart;
        // The insert ceiling, in the same run, on the same dev server (throwaway campaign, rows deleted after).
        let ceiling: PipelineResult['ceiling'];
        const c = await api('POST', `/_bench/insert-ceiling?rows=${rows}`);
        if (c.status === 404) {
          ceiling = { mounted: false, reason: 'route not mounted' };
        } else if (c.status !== 200) {
          ceiling = { mounted: false, reason: `route answered ${c.status}: ${JSON.stringify(c.body).slice(0, 500)}` };
        } else {
          const insertMs = Number(c.body.ms);
          const ceilingRowsPerSec = 1000 / (opts.phoneLibMsPerRow + insertMs / rows);
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
          countsAddUp: countsAddUp(resource, rows),
          workerd: sampler.stop(),
          reloads,
          ceiling,
        };
      } finally {
        sampler.stop();
      }
    },
    { live: opts.live },
  );
}

export function formatPipeline(r: PipelineResult): PartOutput {
  const res = r.importResource;
  const c = r.ceiling;
  const ceilingText = c.mounted
    ? `ceiling ${fmt(c.ceilingRowsPerSec)} rows/s (phone-lib ${(c.phoneLibMsPerRow * 1000).toFixed(1)} us/row + insert ${fmt(c.insertRowsPerSec)} rows/s) | ratio ${c.ratio.toFixed(2)}`
    : `ceiling: ${c.reason}`;
  const met = c.mounted && c.ratio >= 0.5 && r.countsAddUp && r.status === 'completed';
  return {
    results: [
      resultLine(
        `pipeline ${label(r.rows)}`,
        `end-to-end ${fmt(r.rowsPerSec)} rows/s (${secs(r.ms)}, ${r.status}, counts ${r.countsAddUp ? 'add up' : 'DO NOT ADD UP'}) | ${ceilingText}${r.reloads ? ` | WARNING wrangler reloaded ${r.reloads}x during the run` : ''}`,
        'ratio >= 0.5, counts add up',
        met,
      ),
    ],
    details: [
      `pipeline ${label(r.rows)}: total ${res.totalRows} imported ${res.importedRows} failed ${res.failedRows} | errorCounts ${JSON.stringify(res.errorCounts)} | workerd peak rss ${mb(r.workerd.peak)} (idle ${mb(r.workerd.first)}, ${r.workerd.samples} samples; file ${mb(r.fileBytes)})`,
    ],
  };
}

if (import.meta.main) {
  const rows = Number(process.argv[2] ?? 100_000);
  const core = await runCore(rows);
  const out = formatPipeline(await runPipeline(rows, { phoneLibMsPerRow: core.phoneLibMsPerRow }));
  for (const line of [...out.results, ...out.details]) console.log(line);
}
