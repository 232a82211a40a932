/**
 * Bench-only (bench/worker.ts): seeds synthetic leads into a campaign through the real store
 * (workers/leads/leads-store.ts: the same encode, profile and insert as an import's write pass), and
 * times the page of leads callable at an instant inside the Worker. Numbers spread over an area
 * code of every US state and DC, both Canadian coasts and a few other countries, a fifth of them
 * with a ZIP code of another state, so calling profiles are as mixed as in a real list.
 */
import type { Env } from '../workers/env.ts';
import { leadsStore } from '../workers/leads/leads-store.ts';
import { workspaceDb } from '../workers/leads/placement.ts';
import { DEFAULT_CALLING_WINDOW } from '../src/lib/calling/calling-window.ts';
import { profileCallableAt } from '../src/lib/calling/calling-verdict.ts';
import { parseProfileKey } from '../src/lib/calling/profile.ts';
import type { NormalizedLead } from '../src/lib/types.ts';

/** [calling code + area, country, national digits left]. */
const US_AREA_CODES = [
  '205', '907', '602', '501', '415', '303', '203', '302', '202', '305', '404', '808', '208', '312', '317', '515', '316', '502', '504', '207',
  '410', '617', '313', '612', '601', '314', '406', '402', '702', '603', '201', '505', '212', '919', '701', '614', '405', '503', '215', '401',
  '803', '605', '615', '214', '801', '802', '804', '206', '304', '414', '307', '915', '541',
];
const PREFIXES: [string, string, number][] = [
  ...US_AREA_CODES.map((a): [string, string, number] => [`1${a}`, 'US', 7]),
  ['1604', 'CA', 7], ['1250', 'CA', 7], ['1902', 'CA', 7], ['1709', 'CA', 7], ['1416', 'CA', 7],
  ['4420', 'GB', 8], ['4930', 'DE', 7], ['6128', 'AU', 8], ['8130', 'JP', 8], ['5511', 'BR', 8],
];
/** ZIP codes of other states given to every fifth US lead (an address elsewhere than the area code). */
const ZIPS = ['84101', '33101', '75201', '02903', '99501', '96813', '10001', '90012', '60601', '80202'];

/** Lead i of `total`: in blocks by prefix (lists come by region), the worst case for a scan in id order. */
function lead(i: number, total: number): NormalizedLead {
  const block = Math.ceil(total / PREFIXES.length);
  const [prefix, country, digits] = PREFIXES[Math.min(Math.floor(i / block), PREFIXES.length - 1)]!;
  const national = String(2_000_000 + (i % block)).padStart(digits, '0').slice(-digits);
  const fields = { region: null, postal_code: country === 'US' && i % 5 === 0 ? ZIPS[i % ZIPS.length]! : null };
  return { e164: `+${prefix}${national}`, country, type: 'FIXED_LINE_OR_MOBILE', extension: null, timeZones: [], zoneSetId: -1, variables: { customer_name: `Lead ${i}` }, secondary: [], fields };
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
      // With a calling profile, as every lead is written: its count is kept by a trigger (one more row written).
      `INSERT INTO leads (workspace_id, campaign_id, phone, phone_country, phone_type, phone_zone_set, calling_profile, variables, secondary_contacts, created_at)
       SELECT ?1, 'cmp_bench_rows', j.value->>0, 'US', 'FIXED_LINE_OR_MOBILE', j.value->>1, 'US|US-CA|America/Los_Angeles', '{}', '[]', '2026-01-01' FROM json_each(?2) AS j`,
    )
    .bind(workspaceId, json)
    .run();
  await d1.prepare(`DELETE FROM leads WHERE campaign_id = 'cmp_bench_rows'`).run();
  return (r.meta.rows_written ?? 0) / 100;
}

/** One page of leads callable at `at` (default window, telemarketing), timed inside the Worker (D1 time included). */
export async function compareCallable(env: Env, workspaceId: string, campaignId: string, at: Date, limit: number, cursor?: number) {
  const store = leadsStore(env, workspaceId, campaignId);
  const time = async <T>(f: () => Promise<T>) => {
    let best = Infinity;
    let value: T | undefined;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      value = await f();
      best = Math.min(best, performance.now() - t0);
    }
    return { ms: best, value: value! };
  };
  const profiles = await time(() => store.profileCounts(null));
  const context = { window: DEFAULT_CALLING_WINDOW, purpose: 'telemarketing' as const };
  const decide = await time(async () => profiles.value.items.map((p) => p.profile).filter((k) => profileCallableAt(parseProfileKey(k), context, at)));
  const page = await time(() => store.listInProfiles(decide.value, at, limit, cursor));
  return { profiles: profiles.value.items.length, callableProfiles: decide.value.length, countsMs: profiles.ms, decideMs: decide.ms, pageMs: page.ms, items: page.value.items.length };
}
