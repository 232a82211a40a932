/**
 * Header rows below a title, a second phone column, and remembered mappings, through the HTTP
 * routes a client uses: headless imports, the browser's import creation, /mappings.
 */
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:test';
import * as XLSX from 'xlsx';
import { client, createWorkspace, seededCampaign } from './helpers.ts';
import { csv, readReport } from './csv.ts';
import { campaignLeads } from './leads-api.ts';
import { MAX_SAVED_MAPPINGS, saveMapping } from '../../workers/mappings/saved-mappings.ts';

type Api = ReturnType<typeof client>;
const headless = (api: Api, campaignId: string, body: string | Uint8Array, query = '', type = 'text/csv') =>
  api.post(`/campaigns/${campaignId}/imports?ignoreErrors=true&fileName=export.csv${query}`, body, { 'Content-Type': type });

/** A CRM export: a title line, a blank line, then the header. */
const EXPORT = `Leads export — November\r\n\r\n${csv([
  ['customer_name', 'Phone Number', 'Mobile'],
  ['Ann', '+14152000101', '+14152000102'],
  ['Bo', 'not a phone', ''],
  ['Cy', '+14152000101', ''],
])}`;

describe('a header below a title line', () => {
  it('imports the right rows, with error_row counted from the header, and the corrected report re-imports', async () => {
    const { api, campaign } = await seededCampaign();
    const res = await headless(api, campaign.id, EXPORT);
    expect(res.status).toBe(201);
    const view = await res.json<any>();
    expect(view).toMatchObject({ status: 'completed', totalRows: 3, importedRows: 1, failedRows: 2, headerRow: 3 });
    expect(view.errorCounts).toEqual({ PHONE_INVALID: 1, DUPLICATE_IN_FILE: 1 });

    // "Mobile" beside "Phone Number" is only a wizard suggestion: a headless import leaves it out.
    expect(view).toMatchObject({ mappingSource: 'automatic', unknownColumns: ['Mobile'] });
    const leads = await campaignLeads(api, campaign.id);
    expect(leads.map((l: any) => [l.phoneNumber, l.variables.customer_name, l.secondaryContacts.map((s: any) => s.phoneNumber)])).toEqual([
      ['+14152000101', 'Ann', []],
    ]);

    const report = readReport(await (await api.get(`/imports/${view.id}/errors.csv`)).text());
    expect(report.rows.map((r) => [r.customer_name, r.error_row])).toEqual([['Bo', '2'], ['Cy', '3']]);
    expect(report.rows[1]!.error_messages).toMatch(/row 1/);

    const fixed = csv([report.headers, ...report.rows.map((r, i) => report.headers.map((h) => (h === 'Phone Number' ? `+1415200020${i}` : r[h]!)))]);
    const again = await (await headless(api, campaign.id, fixed)).json<any>();
    expect(again).toMatchObject({ status: 'completed', importedRows: 2, failedRows: 0, headerRow: 1 });
  });

  it('finds the header of a workbook below its title rows', async () => {
    const { api, campaign } = await seededCampaign();
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Report of 2 Dec'], [], ['customer_name', 'Phone'], ['Ann', '+14152000111'], ['Bo', '+14152000112']]), 'S');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
    const res = await api.post(`/campaigns/${campaign.id}/imports?ignoreErrors=true&fileName=report.xlsx`, bytes, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(await res.json()).toMatchObject({ status: 'completed', importedRows: 2, headerRow: 3 });
  });

  it('takes the header row a client names with headerRow, and refuses a row that cannot be one', async () => {
    const { api, campaign } = await seededCampaign();
    expect(await (await headless(api, campaign.id, EXPORT, '&headerRow=3')).json()).toMatchObject({ status: 'completed', importedRows: 1, headerRow: 3 });

    const title = await headless(api, campaign.id, EXPORT, '&headerRow=1');
    expect(title.status).toBe(422);
    expect((await title.json<any>()).error.code).toBe('NO_PHONE_COLUMN');

    const blank = await headless(api, campaign.id, EXPORT, '&headerRow=2');
    expect(blank.status).toBe(422);
    expect((await blank.json<any>()).error.message).toMatch(/Row 2 of the file is empty/);

    const past = await headless(api, campaign.id, EXPORT, '&headerRow=40');
    expect((await past.json<any>()).error.message).toMatch(/past its end/);

    const bad = await headless(api, campaign.id, EXPORT, '&headerRow=zero');
    expect(bad.status).toBe(400);
  });
});

/** The wizard's import creation with a mapping the user chose. */
const createFromWizard = (api: Api, campaignId: string, fileName: string, headers: string[], columns: unknown[]) =>
  api.post('/imports', { campaignId, fileName, headers, mapping: { columns }, totalRows: 1, ignoreErrors: true });

const CUSTOM_HEADERS = ['Full Name', 'Tel', 'Org'];
const CUSTOM_COLUMNS = [{ kind: 'variable', name: 'customer_name' }, { kind: 'phone' }, { kind: 'variable', name: 'company' }];

describe('remembered mappings', () => {
  it('remembers the wizard mapping and gives it back for the same and for overlapping headers', async () => {
    const { api, campaign, assistant } = await seededCampaign();
    expect((await createFromWizard(api, campaign.id, 'leads-nov.csv', CUSTOM_HEADERS, CUSTOM_COLUMNS)).status).toBe(201);

    const same = await api.json(api.post(`/campaigns/${campaign.id}/mappings/match`, { headers: CUSTOM_HEADERS }));
    expect(same).toMatchObject({ mapping: { columns: CUSTOM_COLUMNS }, match: 'exact', source: { fileName: 'leads-nov.csv', scope: 'campaign' } });

    const overlap = await api.json(api.post(`/campaigns/${campaign.id}/mappings/match`, { headers: ['tel', 'Notes', 'Full Name'] }));
    expect(overlap).toMatchObject({
      mapping: { columns: [{ kind: 'phone' }, { kind: 'ignore' }, { kind: 'variable', name: 'customer_name' }] },
      match: 'overlap',
      remembered: [0, 2],
      source: { fileName: 'leads-nov.csv' },
    });

    // Another campaign of the workspace gets it too, marked as the workspace's.
    const other = await api.json(api.post('/campaigns', { name: 'Autumn', assistantId: assistant.id }));
    const there = await api.json(api.post(`/campaigns/${other.id}/mappings/match`, { headers: CUSTOM_HEADERS }));
    expect(there.source).toMatchObject({ fileName: 'leads-nov.csv', scope: 'workspace' });

    // Unknown headers: automatic matching, no source.
    const none = await api.json(api.post(`/campaigns/${campaign.id}/mappings/match`, { headers: ['phone_number', 'Mobile'] }));
    expect(none).toMatchObject({ source: null, mapping: { columns: [{ kind: 'phone' }, { kind: 'secondaryPhone', index: 1 }] }, suggested: [1] });
  });

  it('a headless file takes the mapping saved for its identical headers in the campaign, not one for overlapping headers, and saves none', async () => {
    const { api, campaign } = await seededCampaign();
    await createFromWizard(api, campaign.id, 'leads-nov.csv', CUSTOM_HEADERS, CUSTOM_COLUMNS);
    // "Full Name" matches no variable by itself: only the remembered mapping sends it to customer_name (required).
    const same = await (await headless(api, campaign.id, csv([CUSTOM_HEADERS, ['Ann', '+14152000201', 'Acme']]))).json<any>();
    expect(same).toMatchObject({ status: 'completed', importedRows: 1, mappingSource: 'remembered', rememberedMapping: { fileName: 'leads-nov.csv' } });
    const [lead] = await campaignLeads(api, campaign.id);
    expect(lead.variables).toMatchObject({ customer_name: 'Ann', company: 'Acme' });
    expect(await api.json(api.get(`/imports/${same.id}`))).toMatchObject({ mappingSource: 'remembered' });

    // Overlapping headers: the automatic mapping, so "Full Name" goes nowhere and customer_name is missing.
    const overlap = await (await headless(api, campaign.id, csv([['Org', 'Full Name', 'Tel', 'City'], ['Acme', 'Bo', '+14152000202', 'SF']]))).json<any>();
    expect(overlap).toMatchObject({ status: 'completed', importedRows: 0, failedRows: 1, errorCounts: { VARIABLE_REQUIRED: 1 }, mappingSource: 'automatic', rememberedMapping: null });
    // A headless import remembers nothing: nobody confirmed its mapping.
    const match = await api.json(api.post(`/campaigns/${campaign.id}/mappings/match`, { headers: ['Org', 'Full Name', 'Tel', 'City'] }));
    expect(match).toMatchObject({ match: 'overlap', source: { fileName: 'leads-nov.csv' } });
    expect((await api.json(api.get('/mappings'))).items.map((m: any) => m.fileName)).toEqual(['leads-nov.csv']);
  });

  it('drops a remembered target the campaign\'s assistant does not have', async () => {
    const { api, campaign } = await seededCampaign();
    await createFromWizard(api, campaign.id, 'a.csv', CUSTOM_HEADERS, CUSTOM_COLUMNS);
    const bare = await api.json(api.post('/assistants', { name: 'Bare', variables: [{ name: 'customer_name', type: 'text' }] }));
    const other = await api.json(api.post('/campaigns', { name: 'Bare', assistantId: bare.id }));
    const match = await api.json(api.post(`/campaigns/${other.id}/mappings/match`, { headers: CUSTOM_HEADERS }));
    expect(match.mapping.columns).toEqual([{ kind: 'variable', name: 'customer_name' }, { kind: 'phone' }, { kind: 'ignore' }]);
  });

  it('lists and forgets mappings; a forgotten one no longer matches', async () => {
    const { api, campaign } = await seededCampaign();
    await createFromWizard(api, campaign.id, 'leads-nov.csv', CUSTOM_HEADERS, CUSTOM_COLUMNS);
    const { items } = await api.json(api.get('/mappings'));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ campaignId: campaign.id, fileName: 'leads-nov.csv', headers: CUSTOM_HEADERS, mapping: { columns: CUSTOM_COLUMNS } });
    expect((await api.del(`/mappings/${items[0].id}`)).status).toBe(204);
    expect((await api.del(`/mappings/${items[0].id}`)).status).toBe(404);
    const match = await api.json(api.post(`/campaigns/${campaign.id}/mappings/match`, { headers: CUSTOM_HEADERS }));
    expect(match.source).toBeNull();
  });

  it('keeps each workspace\'s mappings to itself', async () => {
    const a = await seededCampaign();
    await createFromWizard(a.api, a.campaign.id, 'secret.csv', CUSTOM_HEADERS, CUSTOM_COLUMNS);
    const b = await seededCampaign();
    const match = await b.api.json(b.api.post(`/campaigns/${b.campaign.id}/mappings/match`, { headers: CUSTOM_HEADERS }));
    expect(match.source).toBeNull();
    expect((await b.api.json(b.api.get('/mappings'))).items).toEqual([]);
    const [mine] = (await a.api.json(a.api.get('/mappings'))).items;
    expect((await b.api.del(`/mappings/${mine.id}`)).status).toBe(404);
    expect((await b.api.post(`/campaigns/${a.campaign.id}/mappings/match`, { headers: CUSTOM_HEADERS })).status).toBe(404);
    expect((await a.api.json(a.api.get('/mappings'))).items).toHaveLength(1);
  });

  it(`keeps the ${MAX_SAVED_MAPPINGS} most recent per workspace`, async () => {
    const { workspaceId, token } = await createWorkspace();
    for (let i = 0; i < MAX_SAVED_MAPPINGS + 5; i++) {
      await saveMapping(env, { workspaceId, campaignId: 'cmp_x', fileName: `f${i}.csv`, headers: ['phone', `h${i}`], mapping: { columns: [{ kind: 'phone' }, { kind: 'ignore' }] } });
    }
    const { items } = await client(token).json(client(token).get('/mappings'));
    expect(items).toHaveLength(MAX_SAVED_MAPPINGS);
    expect(items.map((m: any) => m.fileName)).not.toContain('f0.csv');
    expect(items.map((m: any) => m.fileName)).toContain(`f${MAX_SAVED_MAPPINGS + 4}.csv`);
  });
});
