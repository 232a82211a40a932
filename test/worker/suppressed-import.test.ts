/**
 * The suppression list at import, decided by the server's validate pass: a listed primary fails its
 * row with SUPPRESSED, a listed secondary with SECONDARY_SUPPRESSED, under both ignoreErrors
 * settings; expired entries and other workspaces' lists never apply.
 */
import { describe, expect, it } from 'vitest';
import { seededCampaign, waitForEnd } from './helpers.ts';
import { csv, readReport } from './csv.ts';
import { campaignLeads } from './leads-api.ts';

type Api = Awaited<ReturnType<typeof seededCampaign>>['api'];

const PAST = '2020-01-01T00:00:00.000Z';
const importCsv = (api: Api, campaignId: string, text: string, ignoreErrors: boolean) =>
  api.post(`/campaigns/${campaignId}/imports?fileName=leads.csv&ignoreErrors=${ignoreErrors}`, text, { 'Content-Type': 'text/csv' });

// Row 1: listed primary; row 2: listed secondary (in the second secondary column, the first one empty);
// row 3: clean; row 4: a primary whose entry has expired.
const FILE = csv([
  ['phone_number', 'customer_name', 'secondary_phone_1', 'secondary_phone_2'],
  ['(415) 201-0001', 'Listed', '', ''],
  ['+14152010002', 'Secondary listed', '', '415.201.0012'],
  ['+14152010003', 'Clean', '+14152010013', ''],
  ['+14152010004', 'Expired entry', '', ''],
]);

async function listNumbers(api: Api) {
  expect((await api.json(api.post('/suppressions', { phoneNumbers: ['+14152010001', '+14152010012'], reason: 'asked' }))).added).toBe(2);
  expect((await api.json(api.post('/suppressions', { phoneNumbers: ['+14152010004'], expiresAt: PAST }))).added).toBe(1);
}

describe('import against the suppression list', () => {
  it('ignoreErrors on: listed rows fail with SUPPRESSED / SECONDARY_SUPPRESSED, counted and reported; expired entries do not apply', async () => {
    const { api, campaign } = await seededCampaign();
    await listNumbers(api);
    const view = await api.json(importCsv(api, campaign.id, FILE, true));
    expect(view).toMatchObject({ status: 'completed', totalRows: 4, importedRows: 2, failedRows: 2 });
    expect(view.errorCounts).toEqual({ SUPPRESSED: 1, SECONDARY_SUPPRESSED: 1 });

    const report = readReport(await (await api.get(`/imports/${view.id}/errors.csv`)).text());
    expect(report.rows.map((r) => [r.error_row, r.error_codes])).toEqual([
      ['1', 'SUPPRESSED'],
      ['2', 'SECONDARY_SUPPRESSED'],
    ]);
    expect(report.rows[0]!.error_messages).toMatch(/do-not-call/);
    // The message names the column the listed secondary number sits in, with the number as written.
    expect(report.rows[1]!.error_messages).toContain('"secondary_phone_2"');
    expect(report.rows[1]!.error_messages).toContain('415.201.0012');

    const leads = await campaignLeads(api, campaign.id);
    expect(leads.map((l) => l.phoneNumber).sort()).toEqual(['+14152010003', '+14152010004']);
    expect(leads.every((l) => l.suppressed === false)).toBe(true);
  });

  it('ignoreErrors off: a suppressed row fails the import and nothing is written', async () => {
    const { api, campaign } = await seededCampaign();
    await listNumbers(api);
    const view = await api.json(importCsv(api, campaign.id, FILE, false));
    expect(view).toMatchObject({ status: 'failed', importedRows: 0, failedRows: 2 });
    expect(view.errorCounts).toEqual({ SUPPRESSED: 1, SECONDARY_SUPPRESSED: 1 });
    expect(view.failure.code).toBe('ROWS_INVALID');
    expect(await campaignLeads(api, campaign.id)).toEqual([]);
  });

  it('decides in the background (queued) import too, chunk by chunk', async () => {
    const { api, campaign } = await seededCampaign();
    const phones = Array.from({ length: 1_500 }, (_, i) => `+1415202${String(i).padStart(4, '0')}`);
    const listed = phones.filter((_, i) => i % 100 === 7);
    expect((await api.json(api.post('/suppressions', { phoneNumbers: listed }))).added).toBe(15);
    const res = await importCsv(api, campaign.id, csv([['phone_number', 'customer_name'], ...phones.map((p) => [p, 'X'])]), true);
    expect(res.status).toBe(202);
    const view = await waitForEnd(api, (await res.json<any>()).id);
    expect(view).toMatchObject({ status: 'completed', importedRows: 1_485, failedRows: 15 });
    expect(view.errorCounts).toEqual({ SUPPRESSED: 15 });
  });

  it("another workspace's list never applies", async () => {
    const a = await seededCampaign();
    const b = await seededCampaign();
    await listNumbers(b.api);
    const view = await a.api.json(importCsv(a.api, a.campaign.id, FILE, false));
    expect(view).toMatchObject({ status: 'completed', importedRows: 4, failedRows: 0 });
    expect(view.errorCounts).toEqual({});
    expect((await campaignLeads(a.api, a.campaign.id)).every((l) => l.suppressed === false)).toBe(true);
  });
});
