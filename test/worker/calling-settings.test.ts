/**
 * A campaign's calling settings through the real Worker: the calling window and blocked phone
 * types set at creation and by PATCH, returned with the campaign, checked with specific messages,
 * scoped to the workspace; and the blocked types deciding PHONE_TYPE_BLOCKED /
 * SECONDARY_PHONE_TYPE_BLOCKED at import, as the import captured them when it was created.
 */
import { describe, expect, it } from 'vitest';
import { SELF } from 'cloudflare:test';
import { client, createWorkspace, seededCampaign, waitForEnd } from './helpers.ts';
import { readReport } from './csv.ts';

const DEFAULT_WINDOW = { start: '08:00', end: '21:00', days: [1, 2, 3, 4, 5, 6, 7] };

const patch = (token: string, id: string, body: unknown) =>
  SELF.fetch(`http://example.com/api/v1/campaigns/${id}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

async function assistantOf(api: ReturnType<typeof client>) {
  return api.json(api.post('/assistants', { name: 'A', variables: [{ name: 'customer_name', type: 'text' }], secondaryVariables: [] }));
}

describe('campaign calling settings', () => {
  it('defaults: every day 08:00–21:00, premium-rate numbers blocked; returned by create, get and list', async () => {
    const { api, campaign } = await seededCampaign();
    expect(campaign).toMatchObject({ callingWindow: DEFAULT_WINDOW, blockedPhoneTypes: ['PREMIUM_RATE'] });
    expect(await api.json(api.get(`/campaigns/${campaign.id}`))).toMatchObject({ callingWindow: DEFAULT_WINDOW, blockedPhoneTypes: ['PREMIUM_RATE'] });
    const list = await api.json(api.get('/campaigns'));
    expect(list.items[0]).toMatchObject({ id: campaign.id, callingWindow: DEFAULT_WINDOW, blockedPhoneTypes: ['PREMIUM_RATE'] });
  });

  it('are set at creation', async () => {
    const ws = await createWorkspace();
    const api = client(ws.token);
    const assistant = await assistantOf(api);
    const res = await api.post('/campaigns', {
      name: 'Weekdays',
      assistantId: assistant.id,
      callingWindow: { start: '09:30', end: '17:00', days: [1, 2, 3, 4, 5] },
      blockedPhoneTypes: ['PREMIUM_RATE', 'TOLL_FREE'],
    });
    expect(res.status).toBe(201);
    const created = await res.json<any>();
    expect(created).toMatchObject({ callingWindow: { start: '09:30', end: '17:00', days: [1, 2, 3, 4, 5] }, blockedPhoneTypes: ['PREMIUM_RATE', 'TOLL_FREE'] });
    expect(await api.json(api.get(`/campaigns/${created.id}`))).toEqual(created);
  });

  it('PATCH changes only the fields given, and they stay changed', async () => {
    const { api, token, campaign } = await seededCampaign();
    const res = await patch(token, campaign.id, { callingWindow: { start: '10:00', end: '18:00', days: [6, 7] }, blockedPhoneTypes: [] });
    expect(res.status).toBe(200);
    const body = await res.json<any>();
    expect(body).toMatchObject({ id: campaign.id, name: 'Spring', defaultCountry: 'US', callingWindow: { start: '10:00', end: '18:00', days: [6, 7] }, blockedPhoneTypes: [] });
    const renamed = await (await patch(token, campaign.id, { name: 'Summer', defaultCountry: 'gb' })).json<any>();
    expect(renamed).toMatchObject({ name: 'Summer', defaultCountry: 'GB', callingWindow: { start: '10:00', end: '18:00', days: [6, 7] }, blockedPhoneTypes: [] });
    expect(await api.json(api.get(`/campaigns/${campaign.id}`))).toEqual(renamed);
  });

  it.each([
    ['a malformed time', { callingWindow: { start: '8:00', end: '21:00', days: [1] } }, 'callingWindow.start', /24-hour time "HH:MM"/],
    ['an hour past 24', { callingWindow: { start: '08:00', end: '25:00', days: [1] } }, 'callingWindow.end', /24-hour time/],
    ['an end before the start', { callingWindow: { start: '21:00', end: '08:00', days: [1] } }, 'callingWindow', /end must be later than callingWindow.start/],
    ['an end equal to the start', { callingWindow: { start: '09:00', end: '09:00', days: [1] } }, 'callingWindow', /end must be later/],
    ['an unknown weekday', { callingWindow: { start: '08:00', end: '21:00', days: [0, 1] } }, 'callingWindow.days.0', /1 \(Monday\) to 7 \(Sunday\)/],
    ['no day at all', { callingWindow: { start: '08:00', end: '21:00', days: [] } }, 'callingWindow.days', /at least one day/],
    ['a day twice', { callingWindow: { start: '08:00', end: '21:00', days: [1, 1] } }, 'callingWindow.days', /lists a day twice/],
    ['a missing field', { callingWindow: { start: '08:00', days: [1] } }, 'callingWindow.end', /callingWindow is an object \{start: "HH:MM", end: "HH:MM"/],
    ['an unknown type', { blockedPhoneTypes: ['PREMIUM'] }, 'blockedPhoneTypes.0', /each one of MOBILE, FIXED_LINE/],
    ['a type twice', { blockedPhoneTypes: ['VOIP', 'VOIP'] }, 'blockedPhoneTypes', /lists a type twice/],
    ['a misspelt field', { callingwindow: DEFAULT_WINDOW }, 'callingwindow', /Unknown field callingwindow/],
    ['nothing to change', {}, '', /at least one of name, defaultCountry, callingWindow, blockedPhoneTypes/],
  ])('PATCH refuses %s with a specific message', async (_, body, path, message) => {
    const { api, token, campaign } = await seededCampaign();
    const res = await patch(token, campaign.id, body);
    expect(res.status).toBe(400);
    const error = (await res.json<any>()).error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/Invalid/);
    if (path) expect(error.message.startsWith(`${path}: `)).toBe(true);
    // Nothing changed.
    expect(await api.json(api.get(`/campaigns/${campaign.id}`))).toMatchObject({ callingWindow: DEFAULT_WINDOW, blockedPhoneTypes: ['PREMIUM_RATE'] });
  });

  it('POST refuses invalid settings too', async () => {
    const { api, assistant } = await seededCampaign();
    const res = await api.post('/campaigns', { name: 'X', assistantId: assistant.id, callingWindow: { start: '20:00', end: '02:00', days: [1] } });
    expect(res.status).toBe(400);
    expect((await res.json<any>()).error.message).toMatch(/across midnight/);
    const types = await api.post('/campaigns', { name: 'X', assistantId: assistant.id, blockedPhoneTypes: 'PREMIUM_RATE' });
    expect(types.status).toBe(400);
    expect((await types.json<any>()).error.message).toMatch(/blockedPhoneTypes is a list/);
  });

  it("PATCH answers 404 for another workspace's campaign and changes nothing", async () => {
    const a = await seededCampaign();
    const b = await createWorkspace();
    const res = await patch(b.token, a.campaign.id, { blockedPhoneTypes: [] });
    expect(res.status).toBe(404);
    expect((await res.json<any>()).error.code).toBe('NOT_FOUND');
    expect((await patch(b.token, 'cmp_nope', { name: 'x' })).status).toBe(404);
    expect(await a.api.json(a.api.get(`/campaigns/${a.campaign.id}`))).toMatchObject({ blockedPhoneTypes: ['PREMIUM_RATE'] });
    const noToken = await SELF.fetch(`http://example.com/api/v1/campaigns/${a.campaign.id}`, { method: 'PATCH', body: '{"name":"x"}' });
    expect(noToken.status).toBe(401);
  });
});

const BLOCKED_FILE = `phone_number,customer_name,company,budget_range,secondary_phone_1
+14155551234,Ann,ABC,1k,
+1 900 555 0123,Premium Pete,XYZ,1k,
+14155557890,Bo,XYZ,1k,+1 900 555 0124
+12125550123,Cy,XYZ,1k,+1 800 555 0123
`;

describe('blocked phone types at import', () => {
  it('a headless import refuses premium-rate numbers by default: codes in errorCounts and in the error report', async () => {
    const { api, campaign } = await seededCampaign();
    const res = await api.post(`/campaigns/${campaign.id}/imports?fileName=leads.csv&ignoreErrors=true`, BLOCKED_FILE, { 'Content-Type': 'text/csv' });
    expect(res.status).toBe(201);
    const view = await res.json<any>();
    expect(view).toMatchObject({ status: 'completed', totalRows: 4, importedRows: 2, failedRows: 2 });
    expect(view.errorCounts).toEqual({ PHONE_TYPE_BLOCKED: 1, SECONDARY_PHONE_TYPE_BLOCKED: 1 });
    const report = readReport(await (await api.get(`/imports/${view.id}/errors.csv`)).text());
    expect(report.rows.map((r) => [r.error_row, r.error_codes])).toEqual([
      ['2', 'PHONE_TYPE_BLOCKED'],
      ['3', 'SECONDARY_PHONE_TYPE_BLOCKED'],
    ]);
    expect(report.rows[0]!.error_messages).toContain('premium-rate number (PREMIUM_RATE), which this campaign does not call');
  });

  it("follows the campaign's list: with toll-free blocked and premium-rate allowed the verdicts change", async () => {
    const { api, token, campaign } = await seededCampaign();
    expect((await patch(token, campaign.id, { blockedPhoneTypes: ['TOLL_FREE'] })).status).toBe(200);
    const view = await (await api.post(`/campaigns/${campaign.id}/imports?fileName=leads.csv&ignoreErrors=true`, BLOCKED_FILE, { 'Content-Type': 'text/csv' })).json<any>();
    expect(view.errorCounts).toEqual({ SECONDARY_PHONE_TYPE_BLOCKED: 1 });
    const report = readReport(await (await api.get(`/imports/${view.id}/errors.csv`)).text());
    expect(report.rows.map((r) => [r.error_row, r.error_codes])).toEqual([['4', 'SECONDARY_PHONE_TYPE_BLOCKED']]);
  });

  it('an import keeps the blocked types it was created with when the campaign changes mid-import', async () => {
    const { api, token, campaign } = await seededCampaign();
    expect((await patch(token, campaign.id, { blockedPhoneTypes: ['TOLL_FREE'] })).status).toBe(200);
    const headers = ['phone_number', 'customer_name'];
    const created = await api.json(api.post('/imports', { campaignId: campaign.id, fileName: 'b.csv', headers, totalRows: 3, ignoreErrors: true }));
    // Allowed after the import was created: the import still refuses toll-free numbers (and, as
    // it was created with, accepts premium-rate ones).
    expect((await patch(token, campaign.id, { blockedPhoneTypes: ['PREMIUM_RATE'] })).status).toBe(200);
    const rows = [
      { row: 1, cells: ['+18005550123', 'Tolly'] },
      { row: 2, cells: ['+19005550123', 'Pete'] },
      { row: 3, cells: ['+14155551234', 'Ann'] },
    ];
    expect((await api.put(`/imports/${created.id}/chunks/0`, { v: 1, index: 0, rows })).status).toBe(200);
    expect((await api.post(`/imports/${created.id}/start`, { chunkCount: 1 })).status).toBeLessThan(300);
    const view = await waitForEnd(api, created.id);
    expect(view).toMatchObject({ status: 'completed', importedRows: 2, failedRows: 1, errorCounts: { PHONE_TYPE_BLOCKED: 1 } });
    const report = readReport(await (await api.get(`/imports/${created.id}/errors.csv`)).text());
    expect(report.rows.map((r) => [r.error_row, r.error_codes])).toEqual([['1', 'PHONE_TYPE_BLOCKED']]);
    // A new import takes the new setting.
    const next = await (await api.post(`/campaigns/${campaign.id}/imports?fileName=leads.csv&ignoreErrors=true`, 'phone_number,customer_name\n+18005550124,Tolly\n+19005550125,Pete\n', { 'Content-Type': 'text/csv' })).json<any>();
    expect(next).toMatchObject({ status: 'completed', importedRows: 1, errorCounts: { PHONE_TYPE_BLOCKED: 1 } });
  });

  it('the OpenAPI document lists the new codes, the settings and PATCH /campaigns/{id}', async () => {
    const doc = await (await SELF.fetch('http://example.com/api/v1/openapi.json')).json<any>();
    const codes = doc.components.schemas.Import.properties.errorCounts.propertyNames.enum;
    expect(codes).toEqual(expect.arrayContaining(['PHONE_TYPE_BLOCKED', 'SECONDARY_PHONE_TYPE_BLOCKED']));
    expect(doc.paths['/campaigns/{id}'].patch.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/UpdateCampaign');
    expect(Object.keys(doc.components.schemas.UpdateCampaign.properties)).toEqual(['name', 'defaultCountry', 'callingWindow', 'blockedPhoneTypes', 'requireFreshLists', 'consentPolicy', 'callPurpose']);
    expect(Object.keys(doc.components.schemas.CreateCampaign.properties)).toEqual(expect.arrayContaining(['callingWindow', 'blockedPhoneTypes']));
  });
});
