/**
 * Calling readiness of stored leads through GET /campaigns/{id}/leads: every number's country,
 * type, time zones and extension; `suppressed` and `nextCallableAt`; `?callableAt=` at DST
 * boundaries in the US and the EU, for a number whose prefix spans two zones, and with
 * suppressed leads; and leads.csv's extensions surviving a real re-import.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { seededCampaign } from './helpers.ts';
import { csv, readReport } from './csv.ts';
import { campaignLeads } from './leads-api.ts';
import { listCampaignLeads } from '../../workers/campaigns/list-leads.ts';
import { isCallableAt } from '../../src/lib/calling/callable.ts';
import { DEFAULT_CALLING_WINDOW } from '../../src/lib/calling/calling-window.ts';

type Api = Awaited<ReturnType<typeof seededCampaign>>['api'];

const importCsv = async (api: Api, campaignId: string, text: string) => {
  const view = await api.json(api.post(`/campaigns/${campaignId}/imports?fileName=leads.csv&ignoreErrors=true`, text, { 'Content-Type': 'text/csv' }));
  expect(view.status, JSON.stringify(view)).toBe('completed');
  return view;
};

const NY = '+12125550100';
const BERLIN = '+4930901820';
const BOISE_OR_LA = '+12083001234'; // 12082…12089 except listed exchanges: America/Boise & America/Los_Angeles
const DENVER = '+12082501234'; // 1208250 is listed as America/Denver only
const LA = '+14155550177';

async function callableAt(api: Api, campaignId: string, at: string): Promise<string[]> {
  const res = await api.get(`/campaigns/${campaignId}/leads?limit=500&callableAt=${encodeURIComponent(at)}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json<any>()).items as any[]).map((l) => l.phoneNumber).sort();
}

async function zoneCampaign() {
  const c = await seededCampaign();
  await importCsv(
    c.api,
    c.campaign.id,
    csv([['phone_number', 'customer_name'], ...[NY, BERLIN, BOISE_OR_LA, DENVER, LA].map((p) => [p, 'X'])]),
  );
  return c;
}

describe('number fields on the lead resource', () => {
  it('carries country, type, time zones and extension on the lead and each secondary contact', async () => {
    const { api, campaign } = await seededCampaign();
    // Premium-rate numbers are blocked by default; this campaign takes every type so the field shows.
    expect((await api.patch(`/campaigns/${campaign.id}`, { blockedPhoneTypes: [] })).status).toBe(200);
    await importCsv(
      api,
      campaign.id,
      csv([
        ['phone_number', 'customer_name', 'secondary_phone_1', 'secondary_1_name', 'secondary_phone_2'],
        ['415-555-0177 ext 12', 'Ann', '+4930901820;ext=7', 'Bo', BOISE_OR_LA],
        ['+1 900 555 0123', 'Premium', '', '', ''],
      ]),
    );
    const leads = await campaignLeads(api, campaign.id);
    expect(leads).toHaveLength(2);
    const ann = leads.find((l) => l.variables.customer_name === 'Ann');
    expect(ann).toMatchObject({
      phoneNumber: '+14155550177',
      phoneCountry: 'US',
      phoneType: 'FIXED_LINE_OR_MOBILE',
      phoneTimeZones: ['America/Los_Angeles'],
      phoneExtension: '12',
    });
    expect(ann.secondaryContacts).toEqual([
      { phoneNumber: '+4930901820', phoneCountry: 'DE', phoneType: 'FIXED_LINE', phoneTimeZones: ['Europe/Berlin'], phoneExtension: '7', variables: { name: 'Bo', role: null } },
      {
        phoneNumber: BOISE_OR_LA,
        phoneCountry: 'US',
        phoneType: 'FIXED_LINE_OR_MOBILE',
        phoneTimeZones: ['America/Boise', 'America/Los_Angeles'],
        phoneExtension: null,
        variables: { name: null, role: null },
      },
    ]);
    const premium = leads.find((l) => l.variables.customer_name === 'Premium');
    expect(premium).toMatchObject({ phoneType: 'PREMIUM_RATE', phoneExtension: null });
    expect(premium.phoneTimeZones.length).toBeGreaterThan(0);
  });

  it('leads.csv writes extensions so a real re-import gives back the same numbers and extensions', async () => {
    const { api, campaign } = await seededCampaign();
    const first = await importCsv(
      api,
      campaign.id,
      csv([
        ['phone_number', 'customer_name', 'secondary_phone_1'],
        ['(415) 555-0177 x12', 'Ann', '+4930901820 #7'],
        ['+12125550100', 'Ben', ''],
      ]),
    );
    const exported = await (await api.get(`/imports/${first.id}/leads.csv`)).text();
    const rows = readReport(exported).rows;
    expect(rows.find((r) => r.customer_name === 'Ann')!.phone_number).toMatch(/\+14155550177 ext\. 12$/);

    const other = await seededCampaign();
    await importCsv(other.api, other.campaign.id, exported);
    const pick = (l: any) => ({
      phoneNumber: l.phoneNumber,
      phoneExtension: l.phoneExtension,
      secondary: l.secondaryContacts.map((s: any) => [s.phoneNumber, s.phoneExtension]),
    });
    const again = (await campaignLeads(other.api, other.campaign.id)).map(pick);
    expect(again).toEqual((await campaignLeads(api, campaign.id)).map(pick));
    expect(again).toContainEqual({ phoneNumber: '+14155550177', phoneExtension: '12', secondary: [['+4930901820', '7']] });
  });
});

describe('GET /campaigns/{id}/leads?callableAt=', () => {
  it('follows US daylight saving time (8 March 2026) in the default 08:00–21:00 window', async () => {
    const { api, campaign } = await zoneCampaign();
    // 12:30Z: New York 07:30 EST on the Saturday, 08:30 EDT on the Sunday.
    expect(await callableAt(api, campaign.id, '2026-03-07T12:30:00Z')).not.toContain(NY);
    expect(await callableAt(api, campaign.id, '2026-03-08T12:30:00Z')).toContain(NY);
    // Fall back (1 November 2026): 12:30Z is 08:30 EDT on the Saturday, 07:30 EST on the Sunday.
    expect(await callableAt(api, campaign.id, '2026-10-31T12:30:00Z')).toContain(NY);
    expect(await callableAt(api, campaign.id, '2026-11-01T12:30:00Z')).not.toContain(NY);
  });

  it('follows EU summer time (29 March 2026, 25 October 2026)', async () => {
    const { api, campaign } = await zoneCampaign();
    // 06:30Z: Berlin 07:30 CET the day before, 08:30 CEST on the day.
    expect(await callableAt(api, campaign.id, '2026-03-28T06:30:00Z')).not.toContain(BERLIN);
    expect(await callableAt(api, campaign.id, '2026-03-29T06:30:00Z')).toContain(BERLIN);
    // 19:30Z: Berlin 21:30 CEST on the Saturday (closed), 20:30 CET on the Sunday.
    expect(await callableAt(api, campaign.id, '2026-10-24T19:30:00Z')).not.toContain(BERLIN);
    expect(await callableAt(api, campaign.id, '2026-10-25T19:30:00Z')).toContain(BERLIN);
  });

  it('a number whose prefix spans Boise and Los Angeles is callable only when both are inside the window', async () => {
    const { api, campaign } = await zoneCampaign();
    // 14:30Z on 10 March 2026: Boise 08:30 MDT, Los Angeles 07:30 PDT, Denver 08:30 MDT.
    const early = await callableAt(api, campaign.id, '2026-03-10T14:30:00Z');
    expect(early).toContain(DENVER);
    expect(early).not.toContain(BOISE_OR_LA);
    expect(early).not.toContain(LA);
    // 15:30Z: Boise 09:30, Los Angeles 08:30: both inside.
    expect(await callableAt(api, campaign.id, '2026-03-10T15:30:00Z')).toEqual(expect.arrayContaining([BOISE_OR_LA, LA, DENVER]));
    // 03:30Z on 11 March: Boise 21:30 (closed), Los Angeles 20:30 (open).
    const late = await callableAt(api, campaign.id, '2026-03-11T03:30:00Z');
    expect(late).toContain(LA);
    expect(late).not.toContain(BOISE_OR_LA);
  });

  it('pages through the callable leads with the cursor, in id order, each one callable', async () => {
    const { api, campaign } = await seededCampaign();
    // 60 New York and 60 Los Angeles numbers, interleaved.
    const rows: string[][] = [];
    for (let i = 0; i < 60; i++) rows.push([`+1212555${String(1000 + i)}`, 'NY'], [`+1415555${String(1000 + i)}`, 'LA']);
    await importCsv(api, campaign.id, csv([['phone_number', 'customer_name'], ...rows]));
    // 13:30Z on 10 March 2026: New York 09:30, Los Angeles 06:30.
    const at = '2026-03-10T13:30:00Z';
    const seen: any[] = [];
    let cursor = '';
    for (let pages = 0; pages < 10; pages++) {
      const page = await api.json(api.get(`/campaigns/${campaign.id}/leads?limit=25&callableAt=${at}${cursor ? `&cursor=${cursor}` : ''}`));
      seen.push(...page.items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(60);
    expect(seen.every((l) => l.variables.customer_name === 'NY')).toBe(true);
    const ids = seen.map((l) => Number(l.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(seen.every((l) => isCallableAt(l.phoneTimeZones, DEFAULT_CALLING_WINDOW, new Date(at)))).toBe(true);
  });

  it('refuses a callableAt that is not an ISO instant', async () => {
    const { api, campaign } = await seededCampaign();
    for (const bad of ['tomorrow', '2026-13-01T00:00:00Z', '1700000000']) {
      const res = await api.get(`/campaigns/${campaign.id}/leads?callableAt=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      const body = await res.json<any>();
      expect(body.error.message).toMatch(/callableAt/);
    }
  });
});

describe('suppressed and nextCallableAt', () => {
  it('flags a lead suppressed from the moment its number is listed, excludes it from callableAt, and clears it when removed', async () => {
    const { api, campaign } = await zoneCampaign();
    const at = '2026-03-10T15:30:00Z';
    expect(await callableAt(api, campaign.id, at)).toContain(LA);
    let leads = await campaignLeads(api, campaign.id);
    expect(leads.every((l) => l.suppressed === false)).toBe(true);

    expect((await api.json(api.post('/suppressions', { phoneNumbers: ['(415) 555-0177'] }))).added).toBe(1);
    leads = await campaignLeads(api, campaign.id);
    const la = leads.find((l) => l.phoneNumber === LA);
    expect(la).toMatchObject({ suppressed: true, nextCallableAt: null });
    expect(leads.filter((l) => l.suppressed)).toHaveLength(1);
    expect(await callableAt(api, campaign.id, at)).not.toContain(LA);
    expect(await callableAt(api, campaign.id, at)).toContain(BOISE_OR_LA);

    expect((await api.del(`/suppressions/${encodeURIComponent(LA)}`)).status).toBe(204);
    expect((await campaignLeads(api, campaign.id)).find((l) => l.phoneNumber === LA).suppressed).toBe(false);
    expect(await callableAt(api, campaign.id, at)).toContain(LA);
  });

  it('an expired entry does not suppress', async () => {
    const { api, campaign } = await zoneCampaign();
    await api.json(api.post('/suppressions', { phoneNumbers: [NY], expiresAt: '2020-01-01T00:00:00Z' }));
    expect((await campaignLeads(api, campaign.id)).find((l) => l.phoneNumber === NY).suppressed).toBe(false);
    expect(await callableAt(api, campaign.id, '2026-03-10T15:30:00Z')).toContain(NY);
  });

  it('nextCallableAt is the first instant within 7 days inside the window in every zone', async () => {
    const { api, campaign } = await zoneCampaign();
    const before = Date.now();
    const leads = await campaignLeads(api, campaign.id);
    for (const l of leads) {
      expect(l.nextCallableAt, l.phoneNumber).not.toBeNull();
      const t = Date.parse(l.nextCallableAt);
      expect(t).toBeGreaterThanOrEqual(before - 1_000);
      expect(t).toBeLessThanOrEqual(Date.now() + 7 * 86_400_000);
      expect(isCallableAt(l.phoneTimeZones, DEFAULT_CALLING_WINDOW, new Date(t))).toBe(true);
      // The minute before is outside (or the lead is callable right now).
      if (t > Date.now() + 1_000) expect(isCallableAt(l.phoneTimeZones, DEFAULT_CALLING_WINDOW, new Date(t - 60_000))).toBe(false);
    }
  });

  it('is null for a window that can never hold in all the zones of a number', async () => {
    const { workspaceId, campaign } = await zoneCampaign();
    // 09:00–10:00 local: Boise is one hour ahead of Los Angeles, so the two hours never overlap.
    const window = { start: '09:00', end: '10:00', days: [1, 2, 3, 4, 5, 6, 7] };
    const page = await listCampaignLeads(env, workspaceId, campaign.id, { limit: 50 }, { window, purpose: 'telemarketing' });
    const by = new Map(page.items.map((l) => [l.phoneNumber, l]));
    expect(by.get(BOISE_OR_LA)!.nextCallableAt).toBeNull();
    expect(by.get(DENVER)!.nextCallableAt).not.toBeNull();
    expect(by.get(LA)!.nextCallableAt).not.toBeNull();
    // And such a number is never in a callableAt page under that window.
    for (let h = 0; h < 24; h++) {
      const at = new Date(Date.UTC(2026, 2, 10, h, 30)).toISOString();
      const callable = await listCampaignLeads(env, workspaceId, campaign.id, { limit: 50, callableAt: at }, { window, purpose: 'telemarketing' });
      expect(callable.items.map((l) => l.phoneNumber)).not.toContain(BOISE_OR_LA);
    }
  });
});
