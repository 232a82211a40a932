/**
 * One intake for every raw-file route: what a file is comes from its content only, as in the wizard.
 * A tab-separated CRM export named .xls (or sent as application/vnd.ms-excel) imports through the
 * API as the wizard reads it; a real workbook named .csv imports as a workbook; content that is
 * neither is FILE_UNSUPPORTED, saying what it seems to be. The same on the headless route, a
 * multipart upload and the suppression list; and on each, the encoding= a client names reaches the
 * intake's CSV decoder whatever the file is called.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readFile, type RowSink } from '../../src/lib/ui/preview/read-file.ts';
import { headerPick } from '../../src/lib/map/header-row.ts';
import type { SourceRow } from '../../src/lib/types.ts';
import { seededCampaign, SEED_VARIABLES } from './helpers.ts';
import { campaignLeads } from './leads-api.ts';
import { encodeText } from '../corpus/encode-text.ts';

type Api = Awaited<ReturnType<typeof seededCampaign>>['api'];

/** A CRM export as CRMs write "Excel" files: tab-separated text, a title line above the header. */
const CRM_EXPORT = 'Contacts export\r\nPhone\tcustomer_name\tcompany\r\n(415) 200-0701\tAnn\tAcme\r\n+1 415 200 0702\tBo\t\r\nnot a number\tCy\tC\r\n';

function workbook(rows: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Leads');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
}

/** The rows the wizard's file reader (the preview worker's) gives for the same bytes and name. */
async function wizardRows(bytes: Uint8Array, name: string): Promise<{ headers: string[]; rows: SourceRow[] }> {
  const out = { headers: [] as string[], rows: [] as SourceRow[] };
  const sink: RowSink = {
    get taken() {
      return out.rows.length;
    },
    begin: (headers) => (out.headers = headers),
    take: (batch) => out.rows.push(...batch),
    backpressure: async () => {},
    post: () => {},
  };
  const assistant = { variables: SEED_VARIABLES as never, secondaryVariables: [] };
  await readFile(new File([bytes as BlobPart], name), undefined, sink, headerPick(assistant));
  return out;
}

const headless = (api: Api, campaignId: string, body: string | Uint8Array, fileName: string, type: string, query = '') =>
  api.post(`/campaigns/${campaignId}/imports?ignoreErrors=true&fileName=${fileName}${query}`, body, { 'Content-Type': type });

/** A multipart upload of `body` in one part, completed. */
async function multipart(api: Api, campaignId: string, body: Uint8Array, fileName: string, query = ''): Promise<Response> {
  const created = await api.json(api.post(`/campaigns/${campaignId}/uploads?ignoreErrors=true&fileName=${fileName}${query}`));
  const part = await api.json(api.put(`/campaigns/${campaignId}/uploads/${created.uploadId}/parts/1`, body, { 'Content-Type': 'application/octet-stream' }));
  return api.post(`/campaigns/${campaignId}/uploads/${created.uploadId}/complete`, { parts: [{ partNumber: 1, etag: part.etag }] });
}

describe('the content decides what a file is', () => {
  it('a tab-separated export named .xls imports through the API as the wizard reads it, by name, type or both', async () => {
    const bytes = new TextEncoder().encode(CRM_EXPORT);
    const wizard = await wizardRows(bytes, 'contacts.xls');
    expect(wizard.headers).toEqual(['Phone', 'customer_name', 'company']);
    expect(wizard.rows.map((r) => r.cells[0])).toEqual(['(415) 200-0701', '+1 415 200 0702', 'not a number']);

    for (const [fileName, type] of [
      ['contacts.xls', 'application/vnd.ms-excel'],
      ['contacts.xls', 'text/csv'],
      ['contacts.txt', 'application/vnd.ms-excel'],
    ]) {
      const { api, campaign } = await seededCampaign();
      const res = await headless(api, campaign.id, CRM_EXPORT, fileName!, type!);
      const view = await res.json<any>();
      expect(res.status, `${fileName} ${type}`).toBe(201);
      expect(view, `${fileName} ${type}`).toMatchObject({ status: 'completed', totalRows: wizard.rows.length, importedRows: 2, failedRows: 1, headerRow: 2, errorCounts: { PHONE_INVALID: 1 } });
      const leads = await campaignLeads(api, campaign.id);
      expect(leads.map((l: any) => [l.phoneNumber, l.variables.customer_name]).sort()).toEqual([
        ['+14152000701', 'Ann'],
        ['+14152000702', 'Bo'],
      ]);
    }
  });

  it('the same export named .xls through a multipart upload and as a suppression list', async () => {
    const { api, campaign } = await seededCampaign();
    const bytes = new TextEncoder().encode(CRM_EXPORT);
    const res = await multipart(api, campaign.id, bytes, 'contacts.xls');
    expect(await res.json()).toMatchObject({ status: 'completed', importedRows: 2, failedRows: 1 });

    const list = 'phone\treason\r\n+14152000711\tasked\r\n+14152000712\t\r\n';
    const listed = await api.post('/suppressions/import?fileName=dnc.xls', list, { 'Content-Type': 'application/vnd.ms-excel' });
    expect(listed.status).toBe(200);
    expect(await listed.json()).toMatchObject({ added: 2, alreadyPresent: 0, invalidCount: 0, rows: 2 });
  });

  it('a real workbook named .csv (and sent as text/csv) imports as a workbook, headless, multipart and as a list', async () => {
    const { api, campaign } = await seededCampaign();
    const bytes = workbook([['phone_number', 'customer_name'], [14152000721, 'Ann'], ['+1 415 200 0722', 'Bo']]);
    expect(await (await headless(api, campaign.id, bytes, 'leads.csv', 'text/csv')).json()).toMatchObject({ status: 'completed', importedRows: 2 });
    const again = await (await multipart(api, campaign.id, workbook([['phone_number', 'customer_name'], ['+14152000723', 'Cy']]), 'more.csv')).json<any>();
    expect(again).toMatchObject({ status: 'completed', importedRows: 1 });
    expect((await campaignLeads(api, campaign.id)).map((l: any) => l.phoneNumber).sort()).toEqual(['+14152000721', '+14152000722', '+14152000723']);

    const list = await api.post('/suppressions/import?fileName=dnc.csv', workbook([['phone'], [14152000731]]), { 'Content-Type': 'text/csv' });
    expect(await list.json()).toMatchObject({ added: 1, rows: 1 });
  });

  it('content that is neither CSV nor a workbook is FILE_UNSUPPORTED, saying what it is, on every route', async () => {
    const { api, campaign } = await seededCampaign();
    const pdf = new TextEncoder().encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>\nendobj\n' + '\u0000'.repeat(64));
    const html = '<html><body><table><tr><td>phone_number</td></tr><tr><td>+14152000741</td></tr></table></body></html>';
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['leads.csv', pdf, /"leads\.csv" is a PDF/],
      ['leads.xls', html, /"leads\.xls" is a web page \(HTML\)/],
    ];
    for (const [fileName, body, message] of cases) {
      const answers = [
        await headless(api, campaign.id, body, fileName, 'text/csv'),
        await multipart(api, campaign.id, typeof body === 'string' ? new TextEncoder().encode(body) : body, fileName),
        await api.post(`/suppressions/import?fileName=${fileName}`, body, { 'Content-Type': 'text/csv' }),
      ];
      for (const res of answers) {
        expect(res.status, fileName).toBe(415);
        const { error } = await res.json<any>();
        expect(error.code, fileName).toBe('FILE_UNSUPPORTED');
        expect(error.message, fileName).toMatch(message);
      }
    }
    expect(await campaignLeads(api, campaign.id)).toEqual([]);
    expect((await api.json(api.get(`/imports?campaignId=${campaign.id}`))).items).toEqual([]);
  });

  it('both raw-file routes refuse a body that is not a file, and an empty one, the same way', async () => {
    const { api, campaign } = await seededCampaign();
    for (const post of [
      (body: string, type: string) => headless(api, campaign.id, body, 'x.csv', type),
      (body: string, type: string) => api.post('/suppressions/import', body, { 'Content-Type': type }),
    ]) {
      const json = await post('{"phone":"+14152000751"}', 'application/json');
      expect(json.status).toBe(415);
      expect((await json.json<any>()).error).toMatchObject({ code: 'FILE_UNSUPPORTED', message: expect.stringMatching(/application\/json.*send the file itself/) });
      const form = await post('phone_number=1', 'multipart/form-data; boundary=x');
      expect(form.status).toBe(415);
      await form.body?.cancel();
      const empty = await post('', 'text/csv');
      expect(empty.status).toBe(422);
      expect((await empty.json<any>()).error).toEqual({ code: 'FILE_EMPTY', message: 'The request has no file in its body.' });
    }
  });
});

describe('the encoding named reaches the intake, whatever the file is called', () => {
  /** The CRM export with Cyrillic names, saved by a Russian Windows (windows-1251). */
  const cp1251 = encodeText('Контакты\r\nPhone\tcustomer_name\tcompany\r\n(415) 200-0801\tИван Петров\tОАО Ромашка\r\n+1 415 200 0802\tЁлка\t\r\n', 'windows-1251')!;
  /** The names as the same bytes read in KOI8-R: what a client that names koi8-r must get, not what detection would choose. */
  const asKoi8 = new TextDecoder('koi8-r').decode(cp1251).split('\r\n').slice(2, 4).map((line) => line.split('\t')[1]);

  it('a windows-1251 export named .xls: detected on the headless route, and read as named there and in a multipart upload', async () => {
    const { api, campaign } = await seededCampaign();
    const names = async (id: string) => (await campaignLeads(api, id)).map((l: any) => [l.phoneNumber, l.variables.customer_name]).sort();
    const detected = await headless(api, campaign.id, cp1251, 'contacts.xls', 'application/vnd.ms-excel');
    expect(await detected.json()).toMatchObject({ status: 'completed', importedRows: 2, headerRow: 2, encoding: 'windows-1251', warnings: [] });
    expect(await names(campaign.id)).toEqual([
      ['+14152000801', 'Иван Петров'],
      ['+14152000802', 'Ёлка'],
    ]);

    expect(asKoi8).not.toContain('Иван Петров');
    const named = await headless(api, campaign.id, cp1251, 'contacts.xls', 'application/vnd.ms-excel', '&onExisting=update&encoding=cskoi8r');
    expect(await named.json()).toMatchObject({ status: 'completed', updatedRows: 2, encoding: 'koi8-r', warnings: [] });
    expect(await names(campaign.id)).toEqual([
      ['+14152000801', asKoi8[0]],
      ['+14152000802', asKoi8[1]],
    ]);

    const other = await seededCampaign();
    const viaParts = await (await multipart(other.api, other.campaign.id, cp1251, 'contacts.xls', '&encoding=koi8-r')).json<any>();
    expect(viaParts).toMatchObject({ status: 'completed', importedRows: 2, encoding: 'koi8-r', warnings: [] });
    expect((await campaignLeads(other.api, other.campaign.id)).map((l: any) => l.variables.customer_name).sort()).toEqual([...asKoi8].sort());
  });

  it('a list named .xls reads its reasons in the encoding named; a real workbook ignores encoding= (its text is Unicode)', async () => {
    const { api, campaign } = await seededCampaign();
    const reason = encodeText('Просил не звонить', 'windows-1251')!;
    const list = new Uint8Array([...new TextEncoder().encode('phone\treason\r\n+14152000811\t'), ...reason, 13, 10]);
    // Detection would read windows-1251; the koi8-r named is what the list is read in.
    const listed = await api.post('/suppressions/import?fileName=dnc.xls&encoding=koi8-r', list, { 'Content-Type': 'application/vnd.ms-excel' });
    expect(await listed.json()).toMatchObject({ added: 1, rows: 1 });
    expect((await api.json(api.get('/suppressions?phoneNumber=%2B14152000811'))).items[0].reason).toBe(new TextDecoder('koi8-r').decode(reason));

    const bytes = workbook([['phone_number', 'customer_name'], ['+14152000821', 'Zoë Иван 張偉']]);
    const view = await (await headless(api, campaign.id, bytes, 'leads.csv', 'text/csv', '&encoding=windows-1251')).json();
    expect(view).toMatchObject({ status: 'completed', importedRows: 1, encoding: null, warnings: [] });
    expect((await campaignLeads(api, campaign.id)).map((l: any) => l.variables.customer_name)).toEqual(['Zoë Иван 張偉']);
  });
});
