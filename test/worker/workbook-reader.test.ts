/**
 * Workbooks are read by the workbook reader Worker behind the WORKBOOK_READER service binding, so a
 * crafted workbook never runs in the isolate that serves the API. Crafted files go through the real
 * reader; readers that hang, crash or pollute their own isolate (test/worker/fixtures/broken-readers.js,
 * bound in place of the real one) show that the API isolate keeps serving and answers a clean error.
 */
import { describe, expect, it } from 'vitest';
import { env, SELF, createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import * as XLSX from 'xlsx';
import worker from '../../workers/index.ts';
import { overrideBombXlsx } from '../unit/crafted-xlsx.ts';
import { seededCampaign } from './helpers.ts';
import { campaignLeads } from './leads-api.ts';

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

async function health(): Promise<{ status: number; body: any }> {
  const res = await SELF.fetch('http://example.com/api/v1/health');
  return { status: res.status, body: await res.json() };
}

/** A headless import of `body` by a Worker whose bindings are `bindings` (a broken reader in place of the real one). */
async function importWith(bindings: Partial<typeof env>, token: string, campaignId: string, body: Uint8Array): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`http://example.com/api/v1/campaigns/${campaignId}/imports?fileName=leads.xlsx&ignoreErrors=true`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': XLSX_TYPE },
      body: body as BodyInit,
    }) as Request<unknown, IncomingRequestCfProperties>,
    { ...env, ...bindings },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

describe('crafted workbooks through the workbook reader Worker', () => {
  it('each is refused with a clean file error, and the API and the reader keep serving', async () => {
    const { api, campaign } = await seededCampaign();
    const good = xlsx([['phone_number', 'customer_name'], ['+14152000801', 'Ann']]);
    const crafted: [string, Uint8Array, number, string][] = [
      // Size first: a zip that claims 3 GB is refused from its directory, before anything is inflated.
      ['zip bomb', claimHuge(good, 'sheet1.xml', 3_000_000_000), 413, 'FILE_TOO_LARGE'],
      ['regex bomb', await overrideBombXlsx(), 422, 'FILE_CORRUPT'],
      ['truncated', good.slice(0, good.length - 200), 422, 'FILE_CORRUPT'],
    ];
    for (const [what, body, status, code] of crafted) {
      const res = await api.post(`/campaigns/${campaign.id}/imports?fileName=x.xlsx&ignoreErrors=true`, body, { 'Content-Type': XLSX_TYPE });
      const answer = await res.json<any>();
      expect(res.status, what).toBe(status);
      expect(answer.error.code, what).toBe(code);
      expect(JSON.stringify(answer), what).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
      expect(await health(), what).toMatchObject({ status: 200, body: { checks: { workbookReader: true } } });
    }
    // Header cells named like prototype keys read as plain names, in the reader's isolate and in this one.
    const keys = xlsx([['__proto__', 'constructor', 'phone_number', 'customer_name'], ['{"polluted":1}', 'x', '+14152000802', 'Bo']]);
    const res = await api.post(`/campaigns/${campaign.id}/imports?fileName=k.xlsx&ignoreErrors=true`, keys, { 'Content-Type': XLSX_TYPE });
    expect(await res.json()).toMatchObject({ status: 'completed', importedRows: 1, unknownColumns: ['__proto__', 'constructor'] });
    expect(({} as any).polluted).toBeUndefined();
    // The reader still reads a good workbook after all of them.
    expect(await (await api.post(`/campaigns/${campaign.id}/imports?fileName=g.xlsx`, good, { 'Content-Type': XLSX_TYPE })).json()).toMatchObject({
      status: 'completed',
      importedRows: 1,
    });
    expect((await campaignLeads(api, campaign.id)).map((l: any) => l.phoneNumber).sort()).toEqual(['+14152000801', '+14152000802']);
  });
});

describe('a reader that misbehaves never takes the API isolate with it', () => {
  const book = xlsx([['phone_number', 'customer_name'], ['+14152000901', 'Ann']]);

  it('a reader that hangs: /health answers while the upload waits, then the upload ends FILE_CORRUPT', async () => {
    const { api, campaign, token } = await seededCampaign();
    const upload = importWith({ WORKBOOK_READER: env.HANGING_READER, WORKBOOK_READ_TIMEOUT_MS: '3000' }, token, campaign.id, book);
    const first = await Promise.race([upload.then(() => 'upload'), health().then((h) => (expect(h.status).toBe(200), 'health'))]);
    expect(first).toBe('health');
    const res = await upload;
    expect(res.status).toBe(422);
    const body = await res.json<any>();
    expect(body.error.code).toBe('FILE_CORRUPT');
    expect(body.error.message).toMatch(/could not be read/);
    expect(await campaignLeads(api, campaign.id)).toEqual([]);
  });

  it('a reader whose stream breaks mid-file: FILE_CORRUPT, nothing imported, the API keeps serving', async () => {
    const { api, campaign, token } = await seededCampaign();
    const res = await importWith({ WORKBOOK_READER: env.CRASHING_READER }, token, campaign.id, book);
    expect(res.status).toBe(422);
    expect((await res.json<any>()).error.code).toBe('FILE_CORRUPT');
    expect((await health()).status).toBe(200);
    expect(await campaignLeads(api, campaign.id)).toEqual([]);
    expect((await api.json(api.get(`/imports?campaignId=${campaign.id}`))).items).toEqual([]);
  });

  it('a reader that pollutes Object.prototype does so in its own isolate only', async () => {
    const { api, campaign, token } = await seededCampaign();
    const res = await importWith({ WORKBOOK_READER: env.POLLUTING_READER }, token, campaign.id, book);
    expect(await res.json()).toMatchObject({ status: 'completed', importedRows: 1 });
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(({} as any).polluted).toBeUndefined();
    expect((await campaignLeads(api, campaign.id)).map((l: any) => l.phoneNumber)).toEqual(['+14152000901']);
  });
});
