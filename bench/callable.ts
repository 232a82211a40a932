/**
 * `GET /campaigns/{id}/leads?callableAt=` on a campaign of N leads (default 1M), on the bench's
 * dev server (port 8817 unless BENCH_PORT): seeds the demo campaign through the real leads store
 * (bench/seed-leads.ts; numbers in blocks by region, as lists come), then times a page of 100 at instants where most, some and few of the
 * zone sets are callable, from the client (HTTP, best and median of 7) and inside the Worker for
 * the two query plans (per-zone-set merge on (campaign_id, phone_zone_set, id), and a scan of
 * (campaign_id, id) filtering on the set). Also prints rows written per lead.
 *
 *   node bench/callable.ts [rows]
 */
import { mkdtempSync, mkdirSync, cpSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchServer } from './pipeline.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const port = Number(process.env.BENCH_PORT ?? 8817);
const INSTANTS: [string, string][] = [
  ['2026-03-10T17:00:00Z', 'US and EU day'],
  ['2026-03-10T09:00:00Z', 'EU/Asia day, US night'],
  ['2026-03-10T05:00:00Z', 'Asia/Australia day only'],
  ['2026-03-10T11:00:00Z', 'EU day, US night'],
];

/** A copy of the sources, so edits made while the bench runs do not reload the Worker. */
function snapshot(): string {
  const root = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), 'lead-bench-src-'));
  for (const name of ['workers', 'src', 'scripts', 'drizzle', 'drizzle-leads', 'build', 'bench', 'static', 'wrangler.toml', 'package.json', 'tsconfig.json', '.dev.vars', '.dev.vars.example']) {
    if (existsSync(join(root, name))) cpSync(join(root, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  // wrangler dev needs the assets folder; this bench reads the API only.
  if (!existsSync(join(dir, 'build'))) (mkdirSync(join(dir, 'build')), writeFileSync(join(dir, 'build', 'index.html'), ''));
  return dir;
}

const server = await startBenchServer(port, mkdtempSync(join(tmpdir(), 'lead-bench-state-')), snapshot());
const auth = { Authorization: `Bearer ${server.token}` };
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* gone */
  }
};
process.once('SIGINT', () => (stop(), process.exit(130)));
try {
  const t0 = performance.now();
  for (let from = 0; from < rows; from += 50_000) {
    const res = await fetch(`${server.url}/api/v1/_bench/seed-leads?campaignId=cmp_demo&from=${from}&rows=${Math.min(50_000, rows - from)}&total=${rows}`, { method: 'POST', headers: auth });
    if (!res.ok) throw new Error(`seed answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
  }
  const leadCount = ((await (await fetch(`${server.url}/api/v1/campaigns/cmp_demo`, { headers: auth })).json()) as { leadCount: number }).leadCount;
  console.log(`callable: seeded ${leadCount.toLocaleString('en-US')} leads in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const rw = (await (await fetch(`${server.url}/api/v1/_bench/rows-written-per-lead`, { headers: auth })).json()) as { rowsWrittenPerLead: number };
  console.log(`callable: rows written per lead (table + indexes): ${rw.rowsWrittenPerLead}`);

  for (const cursor of ['', String(Math.floor(leadCount / 2))]) {
    for (const [at, label] of INSTANTS) {
      const times: number[] = [];
      let items = 0;
      for (let i = 0; i < 7; i++) {
        const s = performance.now();
        const res = await fetch(`${server.url}/api/v1/campaigns/cmp_demo/leads?limit=100&callableAt=${at}${cursor ? `&cursor=${cursor}` : ''}`, { headers: auth });
        const body = (await res.json()) as { items: unknown[] };
        times.push(performance.now() - s);
        if (!res.ok) throw new Error(`listing answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
        items = body.items.length;
      }
      times.sort((a, b) => a - b);
      const inside = (await (await fetch(`${server.url}/api/v1/_bench/callable-compare?campaignId=cmp_demo&limit=100&at=${at}${cursor ? `&cursor=${cursor}` : ''}`, { headers: auth })).json()) as {
        allowedZoneSets: number;
        perZoneSet: { ms: number; items: number };
        scan: { ms: number; items: number };
      };
      console.log(
        `callable: ${at} (${label}${cursor ? ', cursor mid-campaign' : ''}): page of ${items}, HTTP best ${times[0]!.toFixed(1)} ms, median ${times[3]!.toFixed(1)} ms; ` +
          `in the Worker: per-zone-set ${inside.perZoneSet.ms.toFixed(1)} ms, scan ${inside.scan.ms.toFixed(1)} ms (${inside.scan.items} items); ${inside.allowedZoneSets} zone sets callable`,
      );
    }
  }
  const s = performance.now();
  await fetch(`${server.url}/api/v1/campaigns/cmp_demo/leads?limit=100`, { headers: auth });
  console.log(`callable: plain page of 100 (no callableAt) ${(performance.now() - s).toFixed(1)} ms`);
} finally {
  stop();
}
