/** Hostile and broken files through the Worker's headless entry point, and retention of uploads. */
import { describe, expect, it } from 'vitest';
import { env, createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import * as XLSX from 'xlsx';
import { seededCampaign } from './helpers.ts';
import { csv, usNumbers } from './csv.ts';
import { purgeExpiredUploads } from '../../workers/retention/retention.ts';
import { heldQueue } from './held-queue.ts';
import { importPrefix } from '../../workers/chunk/keys.ts';
import { leadsDbOfCampaign } from './leads-db.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function xlsx(rows: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'S');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
}

/** Rewrites the central directory so one entry claims to expand to `claim` bytes (a zip bomb's header). */
function claimHuge(bytes: Uint8Array, entrySuffix: string, claim: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 < out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    const name = new TextDecoder().decode(out.subarray(i + 46, i + 46 + nameLength));
    if (name.endsWith(entrySuffix)) view.setUint32(i + 24, claim, true);
  }
  return out;
}

async function expectRefused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = await res.json<any>();
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  return body;
}

describe('hostile input on the headless path', () => {
  it('refuses each with a clear file-level error and writes nothing', async () => {
    const { api, campaign } = await seededCampaign();
    const post = (body: string | Uint8Array, fileName: string, type: string) =>
      api.post(`/campaigns/${campaign.id}/imports?fileName=${fileName}&ignoreErrors=true`, body, { 'Content-Type': type });

    const bomb = claimHuge(xlsx([['phone_number'], ['+14152000001']]), 'sheet1.xml', 3_000_000_000);
    await expectRefused(await post(bomb, 'bomb.xlsx', XLSX_TYPE), 413, 'FILE_TOO_LARGE');

    const html = '<html><body><table><tr><td>phone_number</td></tr><tr><td>+14152000001</td></tr></table></body></html>';
    await expectRefused(await post(html, 'export.xls', 'application/vnd.ms-excel'), 415, 'FILE_UNSUPPORTED');

    const enormous = 'phone_number,customer_name\r\n+14152000001,' + 'x'.repeat(3 * 1024 * 1024);
    await expectRefused(await post(enormous, 'huge.csv', 'text/csv'), 413, 'FILE_TOO_LARGE');

    const noNewline = 'phone_number,' + 'a,'.repeat(400_000);
    // 800 KB of header and no line end: its columns are counted as it streams in.
    const wide = await post(noNewline, 'wide.csv', 'text/csv');
    expect(wide.status).toBe(422);
    expect((await wide.json<any>()).error).toMatchObject({ code: 'TOO_MANY_COLUMNS', message: expect.stringMatching(/^The header row has 400,001 columns; at most 200 are allowed\./) });

    const columns = csv([['phone_number', ...Array.from({ length: 250 }, (_, i) => `c${i}`)], ['+14152000001']]);
    await expectRefused(await post(columns, 'cols.csv', 'text/csv'), 422, 'TOO_MANY_COLUMNS');

    // NUL bytes at the start: not text, so neither CSV nor a workbook, whatever the name says.
    const nul = new Uint8Array([...new TextEncoder().encode('phone_number\r\n'), 0, 0, 0, 0, 0, 0, 0, 0, 0x50, 0x4b, 0, 0]);
    const binary = await expectRefused(await post(nul, 'nul.csv', 'text/csv'), 415, 'FILE_UNSUPPORTED');
    expect(binary.error.message).toMatch(/"nul\.csv" is not a CSV file or an Excel workbook/);

    const leads = await api.json(api.get(`/campaigns/${campaign.id}/leads`));
    expect(leads.items).toEqual([]);
  });

  it('a file whose bytes stop being UTF-8 after the first megabyte fails as a whole, nothing written', async () => {
    const { api, campaign, token } = await seededCampaign();
    // The head is UTF-8 with accents, so a later Windows-1252 byte cannot be read either way.
    const head = new TextEncoder().encode(csv([['phone_number', 'customer_name'], ...usNumbers(80_000, 600_000).map((p) => [p, 'José'])]));
    const bad = new Uint8Array([...head, ...new TextEncoder().encode('+14159999999,M'), 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0d, 0x0a]);
    // The queue is held: whatever the request queued before the bad byte is delivered after it failed.
    const q = heldQueue();
    const ctx = createExecutionContext();
    const res = await worker.fetch!(
      new Request(`http://example.com/api/v1/campaigns/${campaign.id}/imports?fileName=mixed.csv&ignoreErrors=true`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' }, body: bad }) as any,
      q.env as any,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    const body = await expectRefused(res as unknown as Response, 422, 'FILE_CORRUPT');
    expect(body.error.message).toMatch(/UTF-8/);
    const view = await api.json(api.get(`/imports/${body.error.details.importId}`));
    expect(view).toMatchObject({ status: 'failed', importedRows: 0, failure: { code: 'FILE_CORRUPT' } });
    while (q.held.length) await q.deliver(q.held.shift());
    const count = await (await leadsDbOfCampaign(campaign.id)).prepare('SELECT count(*) AS n FROM leads WHERE campaign_id = ?').bind(campaign.id).first<any>();
    expect(count.n).toBe(0);
  });

  it('an ASCII file with a Windows-1252 byte after the first megabyte reads as Windows-1252', async () => {
    const { api, campaign } = await seededCampaign();
    const head = new TextEncoder().encode(csv([['phone_number', 'customer_name'], ...usNumbers(60_000, 700_000).map((p) => [p, 'Ann'])]));
    const tail = new Uint8Array([...new TextEncoder().encode('+14159999998,M'), 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0d, 0x0a]);
    const res = await api.post(`/campaigns/${campaign.id}/imports?fileName=latin.csv&ignoreErrors=true`, new Uint8Array([...head, ...tail]), { 'Content-Type': 'text/csv' });
    expect(res.status).toBe(202);
    const { waitForEnd } = await import('./helpers.ts');
    const view = await waitForEnd(api, (await res.json<any>()).id);
    expect(view).toMatchObject({ status: 'completed', importedRows: 60_001 });
    const row = await (await leadsDbOfCampaign(campaign.id)).prepare("SELECT variables FROM leads WHERE campaign_id = ? AND phone = '+14159999998'").bind(campaign.id).first<any>();
    expect(JSON.parse(row.variables).customer_name).toBe('Müller');
  });
});

describe('retention', () => {
  it('deletes an ended import’s chunks after the retention period and keeps its report', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const view = await (await api.post(`/campaigns/${campaign.id}/imports?fileName=r.csv&ignoreErrors=true`, 'phone_number,customer_name\r\n+14152000001,A\r\nbad,B\r\n', { 'Content-Type': 'text/csv' })).json<any>();
    const prefix = importPrefix(workspaceId, view.id);
    const before = await env.UPLOADS.list({ prefix });
    expect(before.objects.some((o) => o.key.includes('/chunks/'))).toBe(true);
    expect(await purgeExpiredUploads(env, Date.now())).toBe(0); // not yet expired
    const deleted = await purgeExpiredUploads(env, Date.now() + 8 * 86_400_000);
    expect(deleted).toBeGreaterThan(0);
    const after = (await env.UPLOADS.list({ prefix })).objects.map((o) => o.key);
    expect(after).toEqual([`${prefix}report.csv`]);
    expect((await api.get(`/imports/${view.id}/errors.csv`)).status).toBe(200);
    expect(await purgeExpiredUploads(env, Date.now() + 9 * 86_400_000)).toBe(0);
  });

  it('purges page after page of expired imports in one run', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const view = await (await api.post(`/campaigns/${campaign.id}/imports?fileName=p${i}.csv&ignoreErrors=true`, `phone_number,customer_name\r\n+1415200010${i},A\r\nbad,B\r\n`, { 'Content-Type': 'text/csv' })).json<any>();
      ids.push(view.id);
    }
    const later = Date.now() + 8 * 86_400_000;
    expect(await purgeExpiredUploads(env, later, 2)).toBeGreaterThan(0);
    for (const id of ids) {
      const prefix = importPrefix(workspaceId, id);
      expect((await env.UPLOADS.list({ prefix })).objects.map((o) => o.key), id).toEqual([`${prefix}report.csv`]);
    }
  });

  it('runs from the hourly cron trigger', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const view = await (await api.post(`/campaigns/${campaign.id}/imports?fileName=c.csv&ignoreErrors=true`, 'phone_number,customer_name\r\n+14152000002,A\r\nbad,B\r\n', { 'Content-Type': 'text/csv' })).json<any>();
    const prefix = importPrefix(workspaceId, view.id);
    // The import ended eight days ago.
    await env.DB.prepare('UPDATE imports SET finished_at = ?1 WHERE id = ?2').bind(new Date(Date.now() - 8 * 86_400_000).toISOString(), view.id).run();
    const ctx = createExecutionContext();
    await worker.scheduled!(createScheduledController({ scheduledTime: Date.now(), cron: '17 * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect((await env.UPLOADS.list({ prefix })).objects.map((o) => o.key)).toEqual([`${prefix}report.csv`]);
    const row = await env.DB.prepare('SELECT purged_at FROM imports WHERE id = ?1').bind(view.id).first<any>();
    expect(row.purged_at).not.toBeNull();
  });
});
