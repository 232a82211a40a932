/** Excel through the headless path (read by the workbook reader Worker), a crafted workbook, and the completion email. */
import { describe, expect, it } from 'vitest';
import { env, SELF } from 'cloudflare:test';
import * as XLSX from 'xlsx';
import { seededCampaign } from './helpers.ts';
import { validatePass } from '../../workers/revalidate/validate-pass.ts';
import { writePass } from '../../workers/write/write-pass.ts';
import { finalizeImport } from '../../workers/report/finalize.ts';
import { coordinator } from '../../workers/coordinator/coordinator.ts';
import type { Env } from '../../workers/env.ts';
import { decodeMail } from '../mail.ts';
import { eventsOf, sentEmailOf } from './outbox-helpers.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function workbook(rows: unknown[][], bookType: 'xlsx' | 'biff8' = 'xlsx'): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Leads');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }));
}

describe('Excel on the headless path', () => {
  it('imports an .xlsx whose phone column Excel stored as numbers, and an .xls', async () => {
    const { api, campaign } = await seededCampaign();
    const bytes = workbook([
      ['phone_number', 'customer_name', 'company', 'secondary_phone_1'],
      [14152000301, 'Ann', 'A', '+14152000399'],
      ['+1 415 200 0302', 'Bob', 'B', ''],
    ]);
    const res = await api.post(`/campaigns/${campaign.id}/imports?fileName=leads.xlsx`, bytes, { 'Content-Type': XLSX_TYPE });
    const view = await res.json<any>();
    expect(res.status).toBe(201);
    expect(view).toMatchObject({ status: 'completed', importedRows: 2, failedRows: 0 });
    const leads = (await api.json(api.get(`/campaigns/${campaign.id}/leads`))).items;
    expect(leads.map((l: any) => l.phoneNumber)).toEqual(['+14152000301', '+14152000302']);
    expect(leads[0].secondaryContacts[0].phoneNumber).toBe('+14152000399');

    const xls = workbook([['Phone', 'customer_name'], ['(415) 200-0303', 'Cy']], 'biff8');
    const r2 = await api.post(`/campaigns/${campaign.id}/imports?fileName=leads.xls`, xls, { 'Content-Type': 'application/vnd.ms-excel' });
    expect(await r2.json<any>()).toMatchObject({ status: 'completed', importedRows: 1 });
  });

  it('refuses an Excel body over its stated limit before reading it', async () => {
    const { api, campaign } = await seededCampaign();
    // A workbook (its content says so: a zip) padded past 20 MB.
    const big = new Uint8Array(21 * 1024 * 1024);
    big.set(workbook([['phone_number'], ['+14152000301']]));
    const res = await api.post(`/campaigns/${campaign.id}/imports?fileName=big.xlsx`, big, { 'Content-Type': XLSX_TYPE });
    expect(res.status).toBe(413);
    expect((await res.json<any>()).error.code).toBe('FILE_TOO_LARGE');
  });

  it('a crafted workbook cannot pollute the prototypes of the isolate that serves the API, which keeps serving', async () => {
    const { api, campaign } = await seededCampaign();
    // Header cells named like prototype keys, and a truncated workbook: neither may leak into Object.prototype.
    const crafted = workbook([['__proto__', 'constructor', 'phone_number', 'customer_name'], ['{"polluted":1}', 'x', '+14152000401', 'Ann']]);
    await api.post(`/campaigns/${campaign.id}/imports?fileName=c.xlsx`, crafted, { 'Content-Type': XLSX_TYPE });
    const truncated = crafted.slice(0, crafted.length - 200);
    const bad = await api.post(`/campaigns/${campaign.id}/imports?fileName=t.xlsx`, truncated, { 'Content-Type': XLSX_TYPE });
    expect(bad.status).toBe(422);
    expect((await bad.json<any>()).error.code).toBe('FILE_CORRUPT');
    expect(({} as any).polluted).toBeUndefined();
    expect(Object.isFrozen(Object.prototype)).toBe(true);
    expect((await SELF.fetch('http://example.com/api/v1/health')).status).toBe(200);
  });
});

describe('completion email', () => {
  it('gives the file, campaign, counts, top errors and links, and no lead data', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const created = await api.json(
      api.post('/imports', { campaignId: campaign.id, fileName: 'mail.csv', headers: ['phone_number', 'customer_name'], totalRows: 4, ignoreErrors: true, notifyEmail: 'ops@example.com' }),
    );
    const rows = [
      { row: 1, cells: ['+14152000501', 'Secret Name'] },
      { row: 2, cells: ['nope', 'B'] },
      { row: 3, cells: ['+14152000503', ''] },
      { row: 4, cells: ['+14152000501', 'D'] },
    ];
    await api.put(`/imports/${created.id}/chunks/0`, { v: 1, index: 0, rows });
    const coord = coordinator(env, created.id);
    await coord.seal(1);
    await validatePass(env, workspaceId, created.id, 0);
    await writePass(env, workspaceId, created.id, 0);
    await finalizeImport(env, workspaceId, created.id);
    // Sent once by the outbox's email consumer, through the local send_email binding.
    const sent = [await sentEmailOf(created.id)];
    // A raw MIME message (text and HTML); miniflare's EmailMessage keeps it under this key.
    const mail = { to: sent[0]!.to, ...decodeMail(sent[0]!.raw) };
    expect(mail.to).toBe('ops@example.com');
    expect(mail.subject).toMatch(/mail\.csv/);
    expect(mail.subject).toMatch(/Spring/);
    expect(mail.text).toMatch(/Imported: 1/);
    expect(mail.text).toMatch(/Failed: 3/);
    expect(mail.text).toMatch(/PHONE_INVALID: 1 row/);
    expect(mail.text).toMatch(/VARIABLE_REQUIRED: 1 row/);
    expect(mail.text).toMatch(/DUPLICATE_IN_FILE: 1 row/);
    expect(mail.text).toContain(`/imports/${created.id}`);
    expect(mail.text).toContain(`/api/v1/links/imports/${created.id}/errors.csv?exp=`);
    expect(mail.text).toContain(`/api/v1/links/imports/${created.id}/leads.csv?exp=`);
    expect(mail.text).not.toMatch(/Secret Name|14152000501/);
    // Finalizing again (a redelivered message) sends nothing more.
    await finalizeImport(env as Env, workspaceId, created.id);
    expect((await eventsOf(created.id)).map((e) => [e.type, e.email_attempts])).toEqual([['import.completed', 1]]);
  });
});
