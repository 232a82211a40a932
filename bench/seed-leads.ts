/**
 * Bench-only (bench/worker.ts): seeds synthetic leads into a campaign through the real store
 * (workers/leads/leads-store.ts: the same encode and insert as an import's write pass), and compares the
 * two ways of paging the leads callable at an instant. Numbers spread over area codes of every US
 * zone, two-zone prefixes and a few other countries, so zone sets are as mixed as in a real list.
 */
import type { Env } from '../workers/env.ts';
import { leadsStore } from '../workers/leads/leads-store.ts';
import { workspaceDb } from '../workers/leads/placement.ts';
import { listInZoneSetsByScan } from './zone-set-scan.ts';
import { callableZoneSets } from '../workers/campaigns/callable-zone-sets.ts';
import { DEFAULT_CALLING_WINDOW } from '../src/lib/calling/calling-window.ts';
import type { NormalizedLead } from '../src/lib/types.ts';

/** [calling code + area, country, national digits left]. */
const PREFIXES: [string, string, number][] = [
  ['1212', 'US', 7], ['1305', 'US', 7], ['1404', 'US', 7], ['1617', 'US', 7], ['1312', 'US', 7], ['1214', 'US', 7],
  ['1713', 'US', 7], ['1303', 'US', 7], ['1602', 'US', 7], ['1415', 'US', 7], ['1206', 'US', 7], ['1907', 'US', 7],
  ['1808', 'US', 7], ['1208', 'US', 7], ['1541', 'US', 7], ['1915', 'US', 7], ['1605', 'US', 7], ['1416', 'CA', 7],
  ['1604', 'CA', 7], ['1709', 'CA', 7], ['4420', 'GB', 8], ['4930', 'DE', 7], ['3314', 'FR', 8], ['6128', 'AU', 8],
  ['8130', 'JP', 8], ['5511', 'BR', 8], ['9111', 'IN', 8], ['7495', 'RU', 7],
];

/** Lead i of `total`: in blocks by prefix (lists come by region), the worst case for a scan in id order. */
function lead(i: number, total: number): NormalizedLead {
  const block = Math.ceil(total / PREFIXES.length);
  const [prefix, country, digits] = PREFIXES[Math.min(Math.floor(i / block), PREFIXES.length - 1)]!;
  const national = String(2_000_000 + (i % block)).padStart(digits, '0').slice(-digits);
  return { e164: `+${prefix}${national}`, country, type: 'FIXED_LINE_OR_MOBILE', extension: null, timeZones: [], zoneSetId: -1, variables: { customer_name: `Lead ${i}` }, secondary: [] };
}

export async function seedLeads(env: Env, workspaceId: string, campaignId: string, from: number, rows: number, total: number) {
  const store = leadsStore(env, workspaceId, campaignId);
  const t0 = Date.now();
  let written = 0;
  for (let start = from; start < from + rows; start += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, from + rows - start) }, (_, k) => ({ row: start + k + 1, lead: lead(start + k, total) }));
    written += (await store.insert('imp_bench_seed', batch, new Date().toISOString())).size;
  }
  return { written, ms: Date.now() - t0 };
}

/** Rows written per lead by one insert statement of 100 leads into a scratch campaign (then deleted). */
export async function rowsWrittenPerLead(env: Env, workspaceId: string) {
  const d1 = await workspaceDb(env, workspaceId);
  const json = JSON.stringify(Array.from({ length: 100 }, (_, i) => [`+1415999${String(i).padStart(4, '0')}`, i % 300]));
  const r = await d1
    .prepare(
      `INSERT INTO leads (workspace_id, campaign_id, phone, phone_country, phone_type, phone_zone_set, variables, secondary_contacts, created_at)
       SELECT ?1, 'cmp_bench_rows', j.value->>0, 'US', 'FIXED_LINE_OR_MOBILE', j.value->>1, '{}', '[]', '2026-01-01' FROM json_each(?2) AS j`,
    )
    .bind(workspaceId, json)
    .run();
  await d1.prepare(`DELETE FROM leads WHERE campaign_id = 'cmp_bench_rows'`).run();
  return (r.meta.rows_written ?? 0) / 100;
}

/** One page of leads callable at `at`, both ways, timed inside the Worker (D1 time included). */
export async function compareCallable(env: Env, workspaceId: string, campaignId: string, at: Date, limit: number, cursor?: number) {
  const store = leadsStore(env, workspaceId, campaignId);
  const sets = callableZoneSets(DEFAULT_CALLING_WINDOW, at);
  const time = async (f: () => Promise<{ items: unknown[] }>) => {
    let best = Infinity;
    let n = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      n = (await f()).items.length;
      best = Math.min(best, performance.now() - t0);
    }
    return { ms: best, items: n };
  };
  return {
    allowedZoneSets: sets.length,
    perZoneSet: await time(() => store.listInZoneSets(sets, at, limit, cursor)),
    scan: await time(async () => listInZoneSetsByScan({ d1: await workspaceDb(env, workspaceId), workspaceId, campaignId }, sets, at, limit, cursor)),
  };
}
