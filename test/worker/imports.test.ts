/** The import pipeline through the real Worker: R2 chunks, the queue, the coordinator DO and D1. */
import { describe, expect, it } from 'vitest';
import { SELF } from 'cloudflare:test';
import { heldQueue } from './held-queue.ts';
import { client, createWorkspace, seededCampaign, SMALL_LIMITS, waitForEnd } from './helpers.ts';
import { csv, readReport, usNumbers } from './csv.ts';
import { leadsDbOfCampaign, leadsDbOfImport } from './leads-db.ts';

const SEED_FILE = `phone_number,customer_name,company,budget_range,secondary_phone_1,secondary_phone_2
+14155551234,John Smith,ABC Corp,10k-50k,+14155551235,+14155551236
+14155557890,Jane Doe,XYZ Inc,50k-100k,+14155557891,
+14155554567,Bob Johnson,Tech Start,5k-10k,,
`;

type Api = ReturnType<typeof client>;

async function importCsv(api: Api, campaignId: string, body: string, params = 'ignoreErrors=true') {
  return api.post(`/campaigns/${campaignId}/imports?fileName=leads.csv&${params}`, body, { 'Content-Type': 'text/csv' });
}


async function allLeads(api: Api, campaignId: string) {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await api.json(api.get(`/campaigns/${campaignId}/leads?limit=500${cursor ? `&cursor=${cursor}` : ''}`));
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe('headless import, small file (inline)', () => {
  it("imports the product page's example file with its secondary contacts in call order", async () => {
    const { api, campaign } = await seededCampaign();
    const res = await importCsv(api, campaign.id, SEED_FILE);
    expect(res.status).toBe(201);
    const view = await res.json<any>();
    expect(view).toMatchObject({ status: 'completed', totalRows: 3, importedRows: 3, failedRows: 0, fileName: 'leads.csv', campaignId: campaign.id });
    expect(view.finishedAt).toBeTruthy();
    const leads = await allLeads(api, campaign.id);
    expect(leads.map((l) => l.phoneNumber)).toEqual(['+14155551234', '+14155557890', '+14155554567']);
    expect(leads[0].variables).toEqual({ customer_name: 'John Smith', company: 'ABC Corp', budget_range: '10k-50k' });
    expect(leads[0].secondaryContacts.map((c: any) => c.phoneNumber)).toEqual(['+14155551235', '+14155551236']);
    expect(leads[1].secondaryContacts.map((c: any) => c.phoneNumber)).toEqual(['+14155557891']);
    expect(leads[2].secondaryContacts).toEqual([]);
    expect(leads[0].importId).toBe(view.id);
    expect((await api.json(api.get(`/campaigns/${campaign.id}`))).leadCount).toBe(3);

    // leads.csv re-imports as is: into a fresh campaign it gives the same leads.
    const exported = await (await api.get(`/imports/${view.id}/leads.csv`)).text();
    const other = await api.json(api.post('/campaigns', { name: 'Copy', assistantId: campaign.assistantId, defaultCountry: 'US' }));
    const again = await (await importCsv(api, other.id, exported)).json<any>();
    expect(again).toMatchObject({ status: 'completed', importedRows: 3, failedRows: 0 });
    const copied = await allLeads(api, other.id);
    expect(copied.map((l) => [l.phoneNumber, l.variables, l.secondaryContacts.map((c: any) => c.phoneNumber)])).toEqual(
      leads.map((l) => [l.phoneNumber, l.variables, l.secondaryContacts.map((c: any) => c.phoneNumber)]),
    );
  });

  it('applies defaults, national numbers with the default country, and reports existing numbers on a second import', async () => {
    const { api, campaign } = await seededCampaign();
    const file = csv([
      ['Phone', 'Customer Name', 'company'],
      ['(415) 200-0001', 'Ann', 'A'],
      ['415.200.0002', 'Bob', ''],
    ]);
    const first = await (await importCsv(api, campaign.id, file)).json<any>();
    expect(first).toMatchObject({ status: 'completed', importedRows: 2, failedRows: 0 });
    const leads = await allLeads(api, campaign.id);
    expect(leads.map((l) => l.phoneNumber)).toEqual(['+14152000001', '+14152000002']);
    expect(leads[1].variables).toMatchObject({ customer_name: 'Bob', budget_range: 'unknown' });
    const second = await (await importCsv(api, campaign.id, file)).json<any>();
    expect(second).toMatchObject({ status: 'completed', importedRows: 0, failedRows: 2, errorCounts: { DUPLICATE_EXISTING: 2 } });
  });
});

describe('ignoreErrors', () => {
  const file = csv([
    ['phone_number', 'customer_name', 'company'],
    ['+14152000101', 'Ann', 'A'],
    ['not a phone', 'Bob', 'B'],
    ['+14152000103', '', 'C'],
    ['+14152000101', 'Ann again', 'A'],
    ['+14152000105', 'Eve', 'E'],
  ]);

  it('off: any invalid row fails the import, nothing is written, the report lists every problem', async () => {
    const { api, campaign } = await seededCampaign();
    const view = await (await importCsv(api, campaign.id, file, 'ignoreErrors=false')).json<any>();
    expect(view).toMatchObject({ status: 'failed', importedRows: 0, totalRows: 5, failedRows: 3 });
    expect(view.errorCounts).toEqual({ PHONE_INVALID: 1, VARIABLE_REQUIRED: 1, DUPLICATE_IN_FILE: 1 });
    expect(view.failure.code).toBe('ROWS_INVALID');
    expect(await allLeads(api, campaign.id)).toEqual([]);
    const report = readReport(await (await api.get(`/imports/${view.id}/errors.csv`)).text());
    expect(report.headers).toEqual(['phone_number', 'customer_name', 'company', 'error_row', 'error_codes', 'error_messages']);
    expect(report.rows.map((r) => [r.error_row, r.error_codes])).toEqual([
      ['2', 'PHONE_INVALID'],
      ['3', 'VARIABLE_REQUIRED'],
      ['4', 'DUPLICATE_IN_FILE'],
    ]);
    expect(report.rows[2]!.error_messages).toMatch(/row 1/);
  });

  it('on: valid rows are imported, the rest reported; the corrected report re-imports as is', async () => {
    const { api, campaign } = await seededCampaign();
    const view = await (await importCsv(api, campaign.id, file, 'ignoreErrors=true')).json<any>();
    expect(view).toMatchObject({ status: 'completed', importedRows: 2, failedRows: 3, totalRows: 5 });
    expect(view.importedRows + view.failedRows).toBe(view.totalRows);
    const reportText = await (await api.get(`/imports/${view.id}/errors.csv`)).text();
    const report = readReport(reportText);
    expect(report.rows).toHaveLength(3);
    // Fix the two fixable rows in the report and import it as it is.
    const fixed = reportText.replace('not a phone', '+14152000102').replace(/(14152000103"?,)"?"?,/, '$1Carl,');
    const again = await (await importCsv(api, campaign.id, fixed, 'ignoreErrors=true')).json<any>();
    expect(again).toMatchObject({ status: 'completed', importedRows: 2, failedRows: 1, errorCounts: { DUPLICATE_EXISTING: 1 } });
    expect((await allLeads(api, campaign.id)).map((l) => l.phoneNumber).sort()).toEqual(
      ['+14152000101', '+14152000102', '+14152000103', '+14152000105'],
    );
  });
});

describe('headless import, large file (queue)', () => {
  it('splits into chunks, runs in the background, keeps the first occurrence across chunk boundaries', async () => {
    // Chunks of 50 rows (SMALL_LIMITS): 122 rows are 3 chunks; imports.volume.test.ts runs 12,002 rows in 5,000-row chunks.
    const { campaign, token } = await seededCampaign();
    const api = client(token, SMALL_LIMITS);
    const phones = usNumbers(120);
    const rows: string[][] = [['phone_number', 'customer_name', 'company']];
    phones.forEach((p, i) => rows.push([p, `Person ${i}`, 'Co']));
    rows.push([phones[0]!, 'Repeat of row 1', 'Co']); // row 121 repeats row 1 (chunk 0 vs chunk 2)
    rows.push(['12', 'Too short', 'Co']);
    // The queue is held until the answer is in: nothing has run yet when the request answers.
    const q = heldQueue(SMALL_LIMITS);
    const res = await q.fetch(token, 'POST', `/campaigns/${campaign.id}/imports?fileName=leads.csv&ignoreErrors=true`, csv(rows));
    expect(res.status).toBe(202);
    const started = await res.json<any>();
    expect(started).toMatchObject({ status: 'validating', processedRows: 0 });
    expect(q.held.map((m) => [m.kind, m.chunk])).toEqual([0, 1, 2].map((c) => ['validate', c]));
    // Chunks delivered last to first: the first occurrence still wins across chunk boundaries.
    while (q.held.length) await q.deliver(q.held.pop());
    const view = await waitForEnd(api, started.id);
    expect(view).toMatchObject({ status: 'completed', totalRows: 122, importedRows: 120, failedRows: 2 });
    expect(view.errorCounts).toEqual({ DUPLICATE_IN_FILE: 1, PHONE_INVALID: 1 });
    expect((await api.json(api.get(`/campaigns/${campaign.id}`))).leadCount).toBe(120);
    const report = readReport(await (await api.get(`/imports/${view.id}/errors.csv`)).text());
    expect(report.rows.map((r) => [r.error_row, r.error_codes])).toEqual([
      ['121', 'DUPLICATE_IN_FILE'],
      ['122', 'PHONE_INVALID'],
    ]);
    const first = (await allLeads(api, campaign.id)).find((l) => l.phoneNumber === phones[0]);
    expect(first.variables.customer_name).toBe('Person 0');
  });

  it('two concurrent imports of overlapping numbers into one campaign create each number once', async () => {
    const { api, campaign } = await seededCampaign();
    const a = usNumbers(6_000, 0);
    const b = usNumbers(6_000, 3_000); // 3,000 overlap
    const file = (phones: string[]) => csv([['phone_number', 'customer_name'], ...phones.map((p) => [p, 'X'])]);
    const [ra, rb] = await Promise.all([importCsv(api, campaign.id, file(a)), importCsv(api, campaign.id, file(b))]);
    const [va, vb] = await Promise.all([waitForEnd(api, (await ra.json<any>()).id), waitForEnd(api, (await rb.json<any>()).id)]);
    for (const v of [va, vb]) {
      expect(v.status).toBe('completed');
      expect(v.importedRows + v.failedRows).toBe(v.totalRows);
    }
    expect(va.importedRows + vb.importedRows).toBe(9_000);
    expect((va.errorCounts.DUPLICATE_EXISTING ?? 0) + (vb.errorCounts.DUPLICATE_EXISTING ?? 0)).toBe(3_000);
    const count = await (await leadsDbOfCampaign(campaign.id)).prepare('SELECT count(*) AS n, count(DISTINCT phone) AS d FROM leads WHERE campaign_id = ?').bind(campaign.id).first<any>();
    expect(count).toEqual({ n: 9_000, d: 9_000 });
  });

  it('cancel stops further chunks and leaves consistent counts', async () => {
    const { campaign, token } = await seededCampaign();
    // The queue is the test's: two chunks are processed, then the cancel comes, then the rest is delivered.
    const q = heldQueue();
    const held = q.held;
    const call = (method: string, path: string, body?: string) => q.fetch(token, method, path, body);
    const deliver = q.deliver;
    const res = await call('POST', `/campaigns/${campaign.id}/imports?fileName=leads.csv&ignoreErrors=true`, csv([['phone_number', 'customer_name'], ...usNumbers(30_000, 50_000).map((p) => [p, 'X'])]));
    expect(res.status).toBe(202);
    const started = await res.json<any>();
    expect(held.map((m) => [m.kind, m.chunk])).toEqual([0, 1, 2, 3, 4, 5].map((c) => ['validate', c]));
    // Chunks 0 and 1 are validated and written (in file order, in the same pass).
    for (const m of held.splice(0, 2)) await deliver(m);
    const del = await call('DELETE', `/imports/${started.id}`);
    expect(del.status).toBe(200);
    expect((await del.json<any>()).status).toBe('cancelled');
    // Every other message arrives after the cancel and changes nothing.
    while (held.length) await deliver(held.shift());
    const view = await (await call('GET', `/imports/${started.id}`)).json<any>();
    expect(view).toMatchObject({ status: 'cancelled', importedRows: 10_000 });
    const written = await (await leadsDbOfImport(started.id)).prepare('SELECT count(*) AS n FROM leads WHERE import_id = ?').bind(started.id).first<any>();
    expect(written.n).toBe(10_000);
    expect((await call('DELETE', `/imports/${started.id}`)).status).toBe(409);
  });
});

describe('tenancy of imports', () => {
  it("another workspace cannot read an import, its report, its leads or import into the campaign", async () => {
    const { api, campaign } = await seededCampaign();
    const view = await (await importCsv(api, campaign.id, SEED_FILE.replace('+14155554567', 'bad'))).json<any>();
    const other = client((await createWorkspace('other')).token);
    for (const path of [`/imports/${view.id}`, `/imports/${view.id}/errors.csv`, `/imports/${view.id}/leads.csv`]) {
      expect((await other.get(path)).status, path).toBe(404);
    }
    expect((await other.del(`/imports/${view.id}`)).status).toBe(404);
    expect((await importCsv(other, campaign.id, SEED_FILE)).status).toBe(404);
    expect((await other.json(other.get('/imports'))).items).toEqual([]);
    expect((await api.json(api.get(`/imports?campaignId=${campaign.id}`))).items.map((i: any) => i.id)).toEqual([view.id]);
  });
});

describe('file-level errors on the headless path', () => {
  it('answers clear codes and creates nothing', async () => {
    const { api, campaign } = await seededCampaign();
    const cases: [string | Uint8Array, string, number][] = [
      ['', 'FILE_EMPTY', 422],
      ['phone_number,customer_name\r\n', 'FILE_EMPTY', 422],
      ['name,company\r\nAnn,A\r\n', 'NO_PHONE_COLUMN', 422],
      ['phone_number,Phone_Number\r\n+14152000001,+14152000002\r\n', 'DUPLICATE_COLUMN', 422],
      // Binary content is neither CSV nor a workbook, whatever its name and type say.
      [new Uint8Array([0, 1, 2, 0, 0, 0, 255, 0, 0, 7, 0, 0, 0, 0]), 'FILE_UNSUPPORTED', 415],
    ];
    for (const [body, code, status] of cases) {
      const res = await importCsv(api, campaign.id, body as string);
      expect(res.status, code).toBe(status);
      const err = (await res.json<any>()).error;
      expect(err.code).toBe(code);
      expect(err.message).not.toMatch(/at \w+ \(|Error:/);
    }
    // Text named and typed as a workbook is read as the CSV it is: here a header without a phone column.
    const xlsx = await api.post(`/campaigns/${campaign.id}/imports?fileName=x.xlsx`, 'not a workbook\r\nreally\r\n', {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(xlsx.status).toBe(422);
    expect((await xlsx.json<any>()).error.code).toBe('NO_PHONE_COLUMN');
    const type = await api.post(`/campaigns/${campaign.id}/imports`, '{}', { 'Content-Type': 'application/json' });
    expect(type.status).toBe(415);
    expect((await type.json<any>()).error.code).toBe('FILE_UNSUPPORTED');
  });
});

describe('multipart upload (files past one request body)', () => {
  it('creates an upload, takes parts, completes into the same import pipeline', async () => {
    const { api, campaign } = await seededCampaign();
    const body = csv([['phone_number', 'customer_name'], ...usNumbers(3_000, 90_000).map((p) => [p, 'Part'])]);
    const bytes = new TextEncoder().encode(body);
    const created = await api.json(api.post(`/campaigns/${campaign.id}/uploads?fileName=big.csv&ignoreErrors=true`));
    expect(created.uploadId).toMatch(/^upl_/);
    // R2 wants every part but the last to be ≥ 5 MiB and of one size: this small file is one (last) part.
    const parts = [];
    for (const [n, slice] of [[1, bytes]] as const) {
      const res = await api.put(`/campaigns/${campaign.id}/uploads/${created.uploadId}/parts/${n}`, slice, { 'Content-Type': 'application/octet-stream' });
      expect(res.status).toBe(200);
      parts.push(await res.json<any>());
    }
    const other = client((await createWorkspace('other')).token);
    expect((await other.post(`/campaigns/${campaign.id}/uploads/${created.uploadId}/complete`, { parts })).status).toBe(404);
    const done = await api.post(`/campaigns/${campaign.id}/uploads/${created.uploadId}/complete`, { parts });
    expect(done.status).toBe(202);
    const view = await waitForEnd(api, (await done.json<any>()).id);
    expect(view).toMatchObject({ status: 'completed', totalRows: 3_000, importedRows: 3_000, fileName: 'big.csv' });
    expect((await api.post(`/campaigns/${campaign.id}/uploads/${created.uploadId}/complete`, { parts })).status).toBe(404);
  });

  it('joins several parts, the first cut mid-row, into one file', async () => {
    const { api, campaign } = await seededCampaign();
    const phones = usNumbers(30_000, 400_000);
    const body = csv([['phone_number', 'customer_name', 'company'], ...phones.map((p, i) => [p, `Customer ${i + 1}`, `Company ${i + 1} `.padEnd(200, 'x')])]);
    const bytes = new TextEncoder().encode(body);
    const PART = 5 * 1024 * 1024; // R2's smallest part (all but the last)
    expect(bytes.length).toBeGreaterThan(PART);
    const created = await api.json(api.post(`/campaigns/${campaign.id}/uploads?fileName=parts.csv&ignoreErrors=true`));
    const parts = [];
    // Sent last part first: R2 orders them by number.
    for (const [n, slice] of [[2, bytes.subarray(PART)], [1, bytes.subarray(0, PART)]] as const) {
      const res = await api.put(`/campaigns/${campaign.id}/uploads/${created.uploadId}/parts/${n}`, slice, { 'Content-Type': 'application/octet-stream' });
      expect(res.status).toBe(200);
      parts.push(await res.json<any>());
    }
    const done = await api.post(`/campaigns/${campaign.id}/uploads/${created.uploadId}/complete`, { parts });
    expect(done.status).toBe(202);
    const view = await waitForEnd(api, (await done.json<any>()).id, 120_000);
    expect(view).toMatchObject({ status: 'completed', totalRows: 30_000, importedRows: 30_000, failedRows: 0 });
    const cut = await (await leadsDbOfImport(view.id)).prepare('SELECT phone, variables FROM leads WHERE import_id = ? AND source_row IN (1, 30000) ORDER BY source_row')
      .bind(view.id)
      .all<any>();
    expect(cut.results.map((r: any) => r.phone)).toEqual([phones[0], phones[29_999]]);
    expect(JSON.parse(cut.results[1].variables)).toMatchObject({ customer_name: 'Customer 30000', company: expect.stringMatching(/^Company 30000 x+$/) });
  });
});

describe('live progress', () => {
  it('streams the import resource over a WebSocket until it ends, for the owning workspace only', async () => {
    const { api, campaign, token } = await seededCampaign();
    const res = await importCsv(api, campaign.id, csv([['phone_number', 'customer_name'], ...usNumbers(8_000, 300_000).map((p) => [p, 'W'])]));
    const started = await res.json<any>();
    const other = (await createWorkspace('other')).token;
    const progress = `http://example.com/api/v1/imports/${started.id}/progress`;
    const offer = (t: string) => ({ Upgrade: 'websocket', 'Sec-WebSocket-Protocol': `lead-import.v1, bearer.${t}` });
    expect((await SELF.fetch(progress, { headers: offer(other) })).status).toBe(404);
    // A token in the URL is not accepted (URLs end up in logs).
    expect((await SELF.fetch(`${progress}?access_token=${token}`, { headers: { Upgrade: 'websocket' } })).status).toBe(401);
    expect((await SELF.fetch(progress, { headers: { Upgrade: 'websocket', 'Sec-WebSocket-Protocol': `bearer.${token}` } })).status).toBe(401);
    const socket = await SELF.fetch(progress, { headers: offer(token) });
    expect(socket.status).toBe(101);
    expect(socket.headers.get('Sec-WebSocket-Protocol')).toBe('lead-import.v1');
    const ws = socket.webSocket!;
    const seen: any[] = [];
    const ended = new Promise<any>((resolve) => {
      ws.addEventListener('message', (e) => {
        const view = JSON.parse(e.data as string);
        seen.push(view);
        if (['completed', 'failed', 'cancelled'].includes(view.status)) resolve(view);
      });
    });
    ws.accept();
    const last = await Promise.race([ended, new Promise((_, reject) => setTimeout(() => reject(new Error('no final update')), 60_000))]);
    ws.close();
    expect(last).toMatchObject({ id: started.id, status: 'completed', importedRows: 8_000 });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.map((v) => v.processedRows)).toEqual([...seen.map((v) => v.processedRows)].sort((a, b) => a - b));
  });
});
