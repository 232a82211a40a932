/**
 * Calling rules through the API: GET /calling-rules; leads from several states and an address
 * (region, postal code) imported headless; each lead's regions, callingTimeZones, callingRules,
 * maxCallsPer24h; `?callableAt=` at chosen instants (Tuesday evening, Texas's Sunday noon, Utah's
 * Christmas, both DST changes); the campaign's callPurpose; the counts per profile and rule; the
 * re-profile job; and the preview's verdict equal to the campaign page's for every lead.
 */
import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { seededCampaign } from './helpers.ts';
import { csv } from './csv.ts';
import { campaignLeads } from './leads-api.ts';
import { undo } from './policy-helpers.ts';
import { listCampaignLeads } from '../../workers/campaigns/list-leads.ts';
import { reprofileStep } from '../../workers/leads/reprofile.ts';
import { shardOf } from '../../workers/leads/placement.ts';
import { shardDb } from '../../workers/leads/shards.ts';
import { DEFAULT_CALLING_WINDOW } from '../../src/lib/calling/calling-window.ts';
import { autoMap } from '../../src/lib/map/columns.ts';
import { createRowValidator } from '../../src/lib/validate/row.ts';
import { FactStore, emptyFacts, setFact } from '../../src/lib/ui/preview/phone-facts.ts';
import { readinessOf } from '../../src/lib/ui/preview/readiness.ts';

type Api = Awaited<ReturnType<typeof seededCampaign>>['api'];

const FL = '+13055550100'; // Miami
const TX = '+12145550100'; // Dallas
const UT = '+18015550100'; // Salt Lake City
const RI = '+14015550100'; // Providence
const BC = '+16045550100'; // Vancouver
const TOLL_FREE = '+18005550100';
const NY_IN_UTAH = '+12125550100'; // a New York number, a Salt Lake City ZIP
const HAWAII = '+18085550100';

const HEADERS = ['phone_number', 'customer_name', 'State', 'Zip Code'];
const ROWS = [
  [FL, 'Fl', '', ''],
  [TX, 'Tx', 'Texas', ''],
  [UT, 'Ut', '', '84101-2345'],
  [RI, 'Ri', 'R.I.', ''],
  [BC, 'Bc', 'British Columbia', 'V6B 1A1'],
  [TOLL_FREE, 'Free', '', ''],
  [NY_IN_UTAH, 'NyUt', '', '84101'],
  [HAWAII, 'Hi', '', ''],
];

async function importLeads(api: Api, campaignId: string, rows = ROWS) {
  const view = await api.json(api.post(`/campaigns/${campaignId}/imports?fileName=states.csv&ignoreErrors=true`, csv([HEADERS, ...rows]), { 'Content-Type': 'text/csv' }));
  expect(view.status, JSON.stringify(view)).toBe('completed');
  return view;
}

async function callableAt(api: Api, campaignId: string, at: string): Promise<string[]> {
  const res = await api.get(`/campaigns/${campaignId}/leads?limit=500&callableAt=${encodeURIComponent(at)}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json<any>()).items as any[]).map((l) => l.variables.customer_name).sort();
}

describe('GET /calling-rules', () => {
  it('serves the versioned table: the rules DESIGN.md lists, each with hours, holidays of last, this and next year, source and date checked', async () => {
    const { api } = await seededCampaign();
    const body = await api.json(api.get('/calling-rules'));
    expect(body.version).toMatch(/^\d{4}-\d{2}-\d{2}\.[0-9a-f]{8}$/);
    const ids = body.rules.map((r: any) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['US', 'US-FL', 'US-OK', 'US-MD', 'US-WA', 'US-CT', 'US-TX', 'US-UT', 'US-RI', 'US-AL', 'US-LA', 'US-MS', 'US-PA', 'CA', 'AU']));
    const byId = Object.fromEntries(body.rules.map((r: any) => [r.id, r]));
    expect(byId['US']).toMatchObject({ region: 'US', days: { '1': [['08:00', '21:00']], '7': [['08:00', '21:00']] }, holidays: [], maxCallsPer24h: null });
    expect(byId['US-FL']).toMatchObject({ days: { '3': [['08:00', '20:00']] }, maxCallsPer24h: 3, scope: 'telemarketing' });
    expect(byId['US-CT'].days['1']).toEqual([['09:00', '20:00']]);
    expect(byId['US-TX'].days['7']).toEqual([['12:00', '21:00']]);
    expect(byId['US-RI'].days).toMatchObject({ '1': [['09:00', '18:00']], '6': [['10:00', '17:00']], '7': [] });
    expect(byId['US-UT'].days['7']).toEqual([]);
    const year = new Date().getUTCFullYear();
    for (const y of [year - 1, year, year + 1]) expect(byId['US-UT'].holidays).toContain(`${y}-12-25`);
    expect(byId['US-PA'].holidays).toContain('2026-04-03'); // Good Friday 2026
    for (const r of body.rules) {
      expect(r.source).toMatch(/^https?:\/\//);
      expect(r.verifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['telemarketing', 'automated', 'all']).toContain(r.scope);
    }
    expect(byId['US-PA'].status).toBe('unconfirmed');
    expect((await SELF.fetch('http://example.com/api/v1/calling-rules')).status).toBe(401);
  });
});

describe('leads from several states', () => {
  it('carry region, postalCode, regions, callingTimeZones, callingRules and maxCallsPer24h', async () => {
    const { api, campaign } = await seededCampaign();
    await importLeads(api, campaign.id);
    const leads = Object.fromEntries((await campaignLeads(api, campaign.id)).map((l) => [l.variables.customer_name, l]));
    expect(leads.Fl).toMatchObject({ region: null, postalCode: null, regions: ['US-FL'], callingTimeZones: ['America/New_York'], callingRules: ['US', 'US-FL'], maxCallsPer24h: 3 });
    expect(leads.Tx).toMatchObject({ region: 'US-TX', regions: ['US-TX'], callingTimeZones: ['America/Chicago', 'America/Denver'], callingRules: ['US', 'US-TX'], maxCallsPer24h: null });
    expect(leads.Ut).toMatchObject({ postalCode: '84101', regions: ['US-UT'], callingRules: ['US', 'US-UT'] });
    expect(leads.Ri).toMatchObject({ region: 'US-RI', callingRules: ['US', 'US-RI'] });
    expect(leads.Bc).toMatchObject({ region: 'CA-BC', postalCode: 'V6B 1A1', regions: ['CA-BC'], callingRules: ['CA'] });
    expect(leads.NyUt).toMatchObject({ regions: ['US-NY', 'US-UT'], callingTimeZones: ['America/Denver', 'America/New_York'], callingRules: ['US', 'US-UT'] });
    // A toll-free number could be anywhere: every US rule binds it.
    expect(leads.Free.regions).toEqual([]);
    expect(leads.Free.callingRules).toEqual(expect.arrayContaining(['US', 'US-FL', 'US-TX', 'US-UT', 'US-RI', 'US-CT', 'US-PA']));
    expect(leads.Free.maxCallsPer24h).toBe(3);
  });

  it('an unknown region or a malformed ZIP is a row error with guidance; nothing else of the row is lost', async () => {
    const { api, campaign } = await seededCampaign();
    const view = await importLeads(api, campaign.id, [[FL, 'Bad', 'Flordia', '3310'], [TX, 'Good', 'TX', '75201']]);
    expect(view.errorCounts).toEqual({ REGION_INVALID: 1, POSTAL_CODE_INVALID: 1 });
    const report = await (await api.get(`/imports/${view.id}/errors.csv`)).text();
    expect(report).toMatch(/is not a US state or Canadian province/);
    expect(report).toMatch(/has 4 digits; a ZIP code has 5/);
    const leads = await campaignLeads(api, campaign.id);
    expect(leads.map((l) => [l.region, l.postalCode])).toEqual([['US-TX', '75201']]);
  });

  it('?callableAt= applies window ∩ rules in every zone, at instants chosen around each rule', async () => {
    const { api, campaign } = await seededCampaign();
    await importLeads(api, campaign.id);
    // Tue 10 March 2026, 20:30 EDT / 19:30 CDT / 18:30 MDT / 17:30 PDT / 14:30 HST: Florida stops at 20, Rhode Island at 18.
    expect(await callableAt(api, campaign.id, '2026-03-11T00:30:00Z')).toEqual(['Bc', 'Hi', 'NyUt', 'Tx', 'Ut']);
    // Sun 15 March, 11:30 CDT: Texas starts Sundays at noon; Utah and Rhode Island never call on Sundays; BC is at 09:30.
    expect(await callableAt(api, campaign.id, '2026-03-15T16:30:00Z')).toEqual(['Fl']);
    // Sun 15 March, 13:00 CDT / 12:00 MDT / 11:00 PDT / 08:00 HST: Texas's noon has come in Denver too.
    expect(await callableAt(api, campaign.id, '2026-03-15T18:00:00Z')).toEqual(['Bc', 'Fl', 'Hi', 'Tx']);
    // Fri 25 December 2026, 10:00 MST: Utah's Christmas holds back the Utah number and the New York number with a Utah ZIP.
    expect(await callableAt(api, campaign.id, '2026-12-25T17:00:00Z')).toEqual(['Bc', 'Fl', 'Tx']);
    // The toll-free number is bound by every US rule in every US zone: Wednesday 11 March 2026 at 19:00 UTC
    // is 15:00 EDT … 09:00 HST, inside every weekday rule in all of them.
    expect(await callableAt(api, campaign.id, '2026-03-11T19:00:00Z')).toContain('Free');
    // Clocks change: Sunday 8 March 2026 after the change Florida opens 08:00 EDT = 12:00Z, not 13:00Z.
    expect(await callableAt(api, campaign.id, '2026-03-08T12:00:00Z')).toContain('Fl');
    expect(await callableAt(api, campaign.id, '2026-03-08T11:59:00Z')).not.toContain('Fl');
    // … and on 1 November 2026 (back to EST) Florida closes at 20:00 EST = 01:00Z.
    expect(await callableAt(api, campaign.id, '2026-11-02T00:59:00Z')).toContain('Fl');
    expect(await callableAt(api, campaign.id, '2026-11-02T01:00:00Z')).not.toContain('Fl');
  });

  it('callPurpose informational lifts rules of telemarketing scope, never the campaign window', async () => {
    const { api, campaign } = await seededCampaign();
    await importLeads(api, campaign.id);
    const patched = await api.json(api.patch(`/campaigns/${campaign.id}`, { callPurpose: 'informational' }));
    expect(patched.callPurpose).toBe('informational');
    // Rules of automated scope still bind: the toll-free number, bound by every US rule, meets Alabama's 20:00.
    expect(await callableAt(api, campaign.id, '2026-03-11T00:30:00Z')).toEqual(['Bc', 'Fl', 'Hi', 'NyUt', 'Ri', 'Tx', 'Ut']);
    // 21:30 EDT is outside the campaign's own 08:00–21:00.
    expect(await callableAt(api, campaign.id, '2026-03-11T01:30:00Z')).not.toContain('Fl');
    const bad = await api.patch(`/campaigns/${campaign.id}`, { callPurpose: 'sales' });
    expect(bad.status).toBe(400);
    expect((await bad.json<any>()).error.message).toMatch(/callPurpose is "telemarketing"/);
  });

  it('nextCallableAt, callableWhen and heldBy say which rule holds a lead back', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    await importLeads(api, campaign.id);
    const now = new Date('2026-03-15T16:30:00Z'); // Sunday 11:30 CDT
    const page = await listCampaignLeads(env, workspaceId, campaign.id, { limit: 50 }, { window: DEFAULT_CALLING_WINDOW, purpose: 'telemarketing', now });
    const by = Object.fromEntries(page.items.map((l) => [l.variables.customer_name, l]));
    expect(by.Tx).toMatchObject({ callableWhen: 'laterToday', nextCallableAt: '2026-03-15T18:00:00.000Z' });
    expect(by.Tx.heldBy).toContain('Texas: calls on Sundays start at noon');
    expect(by.Ut).toMatchObject({ callableWhen: 'laterThisWeek', nextCallableAt: '2026-03-16T14:00:00.000Z' });
    expect(by.Ut.heldBy).toContain('Utah: no calls on Sundays');
    expect(by.Fl).toMatchObject({ callableWhen: 'now', heldBy: [] });
  });

  it('the campaign counts its leads per calling profile and per rule from counters kept with each write', async () => {
    const { api, campaign } = await seededCampaign();
    await importLeads(api, campaign.id);
    const body = await api.json(api.get(`/campaigns/${campaign.id}/leads/calling-profiles`));
    expect(body.items.reduce((n: number, p: any) => n + p.count, 0)).toBe(ROWS.length);
    expect(body.unprofiled).toBe(0);
    const rules = Object.fromEntries(body.rules.map((r: any) => [r.id, r.leads]));
    expect(rules['US-UT']).toBe(3); // the Utah number, the Utah ZIP, the toll-free number
    expect(rules['CA']).toBe(1);
    expect(rules['US']).toBe(7);
    // A suppressed number leaves the counts.
    await api.post('/suppressions', { phoneNumbers: [UT] });
    const after = await api.json(api.get(`/campaigns/${campaign.id}/leads/calling-profiles`));
    expect(Object.fromEntries(after.rules.map((r: any) => [r.id, r.leads]))['US-UT']).toBe(2);
  });
});

describe('address fields under the duplicate policy', () => {
  it('update takes a new address (the profile and its counts follow), fill only an empty one, and undo gives the old one back', async () => {
    const { api, campaign } = await seededCampaign();
    await importLeads(api, campaign.id, [[FL, 'Fl', '', ''], [TX, 'Tx', 'Texas', '75201']]);
    const run = async (policy: string, rows: string[][]) => {
      const view = await api.json(api.post(`/campaigns/${campaign.id}/imports?fileName=${policy}.csv&ignoreErrors=true&onExisting=${policy}`, csv([HEADERS, ...rows]), { 'Content-Type': 'text/csv' }));
      expect(view.status, JSON.stringify(view)).toBe('completed');
      return view;
    };
    const byName = async () => Object.fromEntries((await campaignLeads(api, campaign.id)).map((l) => [l.variables.customer_name, l]));
    // fill: the Florida lead has no address and takes it; the Texas lead keeps its own.
    await run('fill', [[FL, 'Fl', 'UT', ''], [TX, 'Tx', 'OK', '73102']]);
    let leads = await byName();
    expect(leads.Fl).toMatchObject({ region: 'US-UT', regions: ['US-FL', 'US-UT'], callingRules: ['US', 'US-FL', 'US-UT'] });
    expect(leads.Tx).toMatchObject({ region: 'US-TX', postalCode: '75201' });
    // update: the row's non-empty address cells replace the lead's.
    const update = await run('update', [[TX, 'Tx', 'Oklahoma', '']]);
    leads = await byName();
    expect(leads.Tx).toMatchObject({ region: 'US-OK', postalCode: '75201', regions: ['US-OK', 'US-TX'] });
    const counted = await api.json(api.get(`/campaigns/${campaign.id}/leads/calling-profiles`));
    expect(counted.items.find((p: any) => p.regions.join() === 'US-OK,US-TX')?.count).toBe(1);
    expect(counted.items.find((p: any) => p.regions.join() === 'US-TX')).toBeUndefined();
    // Undo gives the lead its address and profile back.
    await undo(api, update.id);
    expect((await byName()).Tx).toMatchObject({ region: 'US-TX', regions: ['US-TX'] });
    const restored = await api.json(api.get(`/campaigns/${campaign.id}/leads/calling-profiles`));
    expect(restored.items.find((p: any) => p.regions.join() === 'US-TX')?.count).toBe(1);
  });
});

describe('the re-profile job', () => {
  it('brings stored profiles made from older tables to the current ones, counts following', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    await importLeads(api, campaign.id);
    const d1 = shardDb(env, await shardOf(env, workspaceId));
    // As if written by an older build: a stale profile, a lead never profiled, an older data version.
    await d1.batch([
      d1.prepare(`UPDATE leads SET calling_profile = 'US||America/New_York' WHERE campaign_id = ?1 AND phone = ?2`).bind(campaign.id, FL),
      d1.prepare(`UPDATE leads SET calling_profile = NULL WHERE campaign_id = ?1 AND phone = ?2`).bind(campaign.id, UT),
      d1.prepare(`INSERT INTO shard_meta (key, value) VALUES ('profile_data_version', 'old') ON CONFLICT (key) DO UPDATE SET value = 'old'`),
    ]);
    const before = await api.json(api.get(`/campaigns/${campaign.id}/leads/calling-profiles`));
    expect(before.unprofiled).toBe(1);
    expect(before.reprofile.upToDate).toBe(false);
    // Not callable by the stale index entry until re-profiled (fail closed: never the other way).
    expect(await callableAt(api, campaign.id, '2026-03-11T15:00:00Z')).not.toContain('Ut');
    let steps = 0;
    while (await reprofileStep(env, await shardOf(env, workspaceId), 3)) steps++;
    expect(steps).toBeGreaterThan(0);
    const after = await api.json(api.get(`/campaigns/${campaign.id}/leads/calling-profiles`));
    expect(after.unprofiled).toBe(0);
    expect(after.reprofile).toMatchObject({ upToDate: true, stored: after.profileDataVersion });
    expect(after.items).toEqual(expect.arrayContaining([expect.objectContaining({ regions: ['US-FL'], count: 1 }), expect.objectContaining({ regions: ['US-UT'], count: 1 })]));
    expect(after.items.some((p: any) => p.regions.length === 0 && p.callingTimeZones.join() === 'America/New_York')).toBe(false);
    expect(await callableAt(api, campaign.id, '2026-03-11T15:00:00Z')).toContain('Ut');
    // Done: another step changes nothing.
    expect(await reprofileStep(env, await shardOf(env, workspaceId))).toBe(false);
  });
});

describe('a workspace move', () => {
  it('carries address fields and calling profiles; the counts per profile follow on both shards', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    await importLeads(api, campaign.id);
    const before = await api.json(api.get(`/campaigns/${campaign.id}/leads/calling-profiles`));
    const from = await shardOf(env, workspaceId);
    const to = 1 - from;
    for (let i = 0; i < 200; i++) {
      const res = await SELF.fetch(`http://example.com/api/v1/admin/workspaces/${workspaceId}/move`, {
        method: 'POST',
        headers: { Authorization: 'Bearer adm_test_secret_0123456789abcdef0123456789', 'Content-Type': 'application/json' },
        body: JSON.stringify({ toShard: to, budgetSeconds: 10, drainMs: 0 }),
      });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      if (res.status === 200) break;
    }
    expect(await shardOf(env, workspaceId)).toBe(to);
    const after = await api.json(api.get(`/campaigns/${campaign.id}/leads/calling-profiles`));
    expect(after.items).toEqual(before.items);
    expect(after.rules).toEqual(before.rules);
    const leads = Object.fromEntries((await campaignLeads(api, campaign.id)).map((l) => [l.variables.customer_name, l]));
    expect(leads.Bc).toMatchObject({ region: 'CA-BC', postalCode: 'V6B 1A1' });
    // Nothing counted for the campaign is left on the old shard.
    const left = await shardDb(env, from).prepare('SELECT coalesce(sum(leads), 0) AS n FROM calling_profile_counts WHERE workspace_id = ?1').bind(workspaceId).first<{ n: number }>();
    expect(left!.n).toBe(0);
    expect(await callableAt(api, campaign.id, '2026-03-15T16:30:00Z')).toEqual(['Fl']);
  });
});

describe('the preview and the campaign page decide with the same function', () => {
  it('every lead, Hawaii included, reads the same in the preview and in the listing at one instant', async () => {
    const { api, campaign, workspaceId, assistant } = await seededCampaign();
    await importLeads(api, campaign.id);
    const now = new Date('2026-03-16T04:00:00Z'); // Sun 21:00 PDT, Mon 00:00 EDT, Sun 18:00 HST
    const validator = createRowValidator({ assistant, headers: HEADERS, mapping: autoMap(HEADERS, assistant), defaultCountry: 'US' });
    const facts = new FactStore();
    const batch = emptyFacts(ROWS.length);
    const verdicts = ROWS.map((cells, i) => validator.validate({ row: i + 1, cells }));
    verdicts.forEach((v, i) => setFact(batch, i, v.lead ?? v.primary, v.lead?.callingProfile));
    facts.put(0, batch);
    const preview = readinessOf(facts, ROWS.length, (i) => verdicts[i]!.errors.length === 0, { callingWindow: DEFAULT_CALLING_WINDOW, callPurpose: 'telemarketing' }, now);
    const page = await listCampaignLeads(env, workspaceId, campaign.id, { limit: 50 }, { window: DEFAULT_CALLING_WINDOW, purpose: 'telemarketing', now });
    const server = Object.fromEntries(page.items.map((l) => [l.phoneNumber, l.callableWhen]));
    ROWS.forEach(([phone], i) => expect(preview.when[facts.profiles[i]!], phone).toBe(server[phone!]));
    expect(server[HAWAII]).toBe('now');
  });
});
