/**
 * Files in every legacy code page through the API as a client sends them: the headless import
 * (with and without encoding=), the multipart upload, the browser path's record of the encoding it
 * read, suppression list files; and the downloads (errors.csv, leads.csv) as UTF-8 with a BOM that
 * re-import as they are. The corpus is written in Node (test/worker/corpus-global-setup.ts), so
 * workerd's decoders are checked against tables they did not build.
 */
import { describe, expect, inject, it } from 'vitest';
import { client, createWorkspace, seededCampaign, waitForEnd } from './helpers.ts';
import { ENCODING_NAMES } from '../../src/lib/parse/encoding/encodings.ts';
import type { InjectedCorpusFile } from './corpus-global-setup.ts';
import { detectEncoding } from '../../src/lib/parse/encoding/detect.ts';
import { encodingWarnings } from '../../src/lib/parse/encoding/warnings.ts';

const corpus = inject('encodingCorpus');
const bytesOf = (f: InjectedCorpusFile) => Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const CSV = { 'Content-Type': 'text/csv' };

/** Every lead of a campaign: customer_name and company by phone number. */
async function leadsOf(api: ReturnType<typeof client>, campaignId: string): Promise<Map<string, { name: string; company: string }>> {
  const out = new Map<string, { name: string; company: string }>();
  let cursor = '';
  do {
    const page: any = await api.json(api.get(`/campaigns/${campaignId}/leads?limit=500${cursor ? `&cursor=${cursor}` : ''}`));
    for (const l of page.items) out.set(l.phoneNumber, { name: l.variables.customer_name, company: l.variables.company });
    cursor = page.nextCursor ?? '';
  } while (cursor);
  return out;
}

/** Code pages whose files no other (preferred) code page reads alike: their name must come back exactly. */
const NAMED_EXACTLY = ['windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1256', 'windows-1258', 'windows-874', 'iso-8859-5', 'iso-8859-6', 'koi8-r', 'koi8-u', 'shift_jis', 'euc-jp', 'gbk', 'big5', 'euc-kr'];

const e164 = (cell: string) => '+' + cell.replace(/\D/g, '');

describe("workerd's TextDecoder", () => {
  it('knows every encoding the API accepts, by name', () => {
    for (const name of ENCODING_NAMES) expect(new TextDecoder(name).encoding).toBe(name);
  });

  it('reads every code page of the corpus as Node wrote it', () => {
    expect(corpus.length).toBe(32);
    for (const f of corpus) expect({ label: f.label, text: new TextDecoder(f.label).decode(bytesOf(f)).normalize('NFC') }).toEqual({ label: f.label, text: f.text });
  });
});

describe('headless import of a file in a legacy code page', () => {
  it('detects the encoding of a file in each code page and imports its names as written', async () => {
    const { api, campaign } = await seededCampaign();
    for (const f of corpus) {
      const res = await api.post(`/campaigns/${campaign.id}/imports?ignoreErrors=false&fileName=${f.label}.csv`, bytesOf(f), CSV);
      const view: any = await res.json();
      // The encoding recorded reads the file as written (ISO-8859-8 and windows-1255 read Hebrew letters alike).
      const readAs = new TextDecoder(view.encoding).decode(bytesOf(f)).normalize('NFC');
      expect({ label: f.label, status: res.status, importStatus: view.status, readRight: readAs === f.text, imported: view.importedRows, warnings: view.warnings }).toEqual({
        label: f.label,
        status: 201,
        importStatus: 'completed',
        readRight: true,
        imported: f.rows,
        // The server's verdict is the core's, the one the browser's preview shows (a few files are honestly ambiguous).
        warnings: encodingWarnings(detectEncoding(bytesOf(f), { isWholeFile: true })),
      });
      if (NAMED_EXACTLY.includes(f.label)) expect({ label: f.label, encoding: view.encoding }).toEqual({ label: f.label, encoding: f.label });
    }
    const leads = await leadsOf(api, campaign.id);
    for (const f of corpus) {
      for (const [phone, name, company] of f.cells) {
        const lead = leads.get(e164(phone!))!;
        expect({ label: f.label, name: lead.name.normalize('NFC'), company: (lead.company ?? '').normalize('NFC') }).toEqual({ label: f.label, name, company });
      }
    }
    const stored: any = await api.json(api.get(`/imports?campaignId=${campaign.id}&limit=50`));
    expect(stored.items.filter((i: any) => !i.encoding)).toEqual([]);
  });

  it('reads a file as the encoding named, and says when a guess was not sure', async () => {
    const { api, campaign } = await seededCampaign();
    // "Иван" in windows-1251: four letters are not enough to be sure.
    const file = latin1('phone_number,customer_name\r\n+14152000001,\xc8\xe2\xe0\xed\r\n');
    const guessed: any = await api.json(api.post(`/campaigns/${campaign.id}/imports?ignoreErrors=true`, file, CSV));
    expect(guessed.warnings).toHaveLength(1);
    expect(guessed.warnings[0]).toMatchObject({ code: 'ENCODING_UNCERTAIN' });
    expect(guessed.warnings[0].message).toMatch(/encoding=/);
    const named: any = await api.json(api.post(`/campaigns/${campaign.id}/imports?ignoreErrors=true&onExisting=update&encoding=cp1251`, file, CSV));
    expect(named).toMatchObject({ status: 'completed', encoding: 'windows-1251', warnings: [], importedRows: 1 });
    expect((await leadsOf(api, campaign.id)).get('+14152000001')!.name).toBe('Иван');
    // The stored resource says the same.
    expect(await api.json(api.get(`/imports/${named.id}`))).toMatchObject({ encoding: 'windows-1251', warnings: [] });
    expect(await api.json(api.get(`/imports/${guessed.id}`))).toMatchObject({ warnings: [{ code: 'ENCODING_UNCERTAIN' }] });
  });

  it('reads a named encoding for every corpus file, even one its bytes would not suggest', async () => {
    const { api, campaign } = await seededCampaign();
    const f = corpus.find((c) => c.label === 'iso-8859-15')!;
    const view: any = await api.json(api.post(`/campaigns/${campaign.id}/imports?ignoreErrors=false&encoding=l9`, bytesOf(f), CSV));
    expect(view).toMatchObject({ status: 'completed', encoding: 'iso-8859-15', importedRows: f.rows });
    const lead = (await leadsOf(api, campaign.id)).get(e164(f.cells[0]![0]!))!;
    expect(lead.name).toBe(f.cells[0]![1]);
  });

  it('refuses an unknown label with 400 and the labels it accepts', async () => {
    const { api, campaign } = await seededCampaign();
    const res = await api.post(`/campaigns/${campaign.id}/imports?ignoreErrors=true&encoding=klingon-1`, 'phone_number\r\n+14152000001\r\n', CSV);
    expect(res.status).toBe(400);
    const body: any = await res.json();
    expect(body.error.code).toBe('ENCODING_UNKNOWN');
    expect(body.error.message).toMatch(/klingon-1/);
    expect(body.error.message).toMatch(/windows-1256/);
    expect(body.error.details.accepted).toEqual(ENCODING_NAMES);
    const multipart = await api.post(`/campaigns/${campaign.id}/uploads?ignoreErrors=true&encoding=nope`);
    expect(multipart.status).toBe(400);
    const list = await api.post('/suppressions/import?encoding=nope', 'phone\r\n+14152000001\r\n', CSV);
    expect(list.status).toBe(400);
  });

  it('keeps the BOM of a UTF-8 file over a different encoding named', async () => {
    const { api, campaign } = await seededCampaign();
    const text = '\uFEFFphone_number,customer_name\r\n+14152000001,Zoë Šimková\r\n';
    const view: any = await api.json(api.post(`/campaigns/${campaign.id}/imports?ignoreErrors=false&encoding=windows-1252`, text, CSV));
    expect(view).toMatchObject({ status: 'completed', encoding: 'utf-8', importedRows: 1 });
    expect((await leadsOf(api, campaign.id)).get('+14152000001')!.name).toBe('Zoë Šimková');
  });
});

describe('Excel 95 workbooks', () => {
  it('imports a BIFF5 .xls whose text is in windows-1251', async () => {
    const { api, campaign } = await seededCampaign();
    const { base64, rows } = inject('excel95');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const res = await api.post(`/campaigns/${campaign.id}/imports?ignoreErrors=false&fileName=old.xls`, bytes, { 'Content-Type': 'application/vnd.ms-excel' });
    expect(res.status).toBe(201);
    // A workbook says how its text is stored: no encoding of a CSV to record.
    expect(await res.json()).toMatchObject({ status: 'completed', importedRows: 2, encoding: null, warnings: [] });
    const leads = await leadsOf(api, campaign.id);
    for (const [phone, name, company] of rows.slice(1)) expect(leads.get(phone!)).toEqual({ name, company });
  });
});

describe('the multipart upload', () => {
  it('reads the file in the encoding named when the upload was created', async () => {
    const { api, campaign } = await seededCampaign();
    const f = corpus.find((c) => c.label === 'windows-1256')!;
    const created: any = await api.json(api.post(`/campaigns/${campaign.id}/uploads?fileName=ar.csv&ignoreErrors=false&encoding=windows-1256`));
    const part: any = await api.json(api.put(`/campaigns/${campaign.id}/uploads/${created.uploadId}/parts/1`, bytesOf(f), { 'Content-Type': 'application/octet-stream' }));
    const done = await api.post(`/campaigns/${campaign.id}/uploads/${created.uploadId}/complete`, { parts: [part] });
    const view = await waitForEnd(api, (await done.json<any>()).id);
    expect(view).toMatchObject({ status: 'completed', encoding: 'windows-1256', importedRows: f.rows, warnings: [] });
    expect((await leadsOf(api, campaign.id)).get(e164(f.cells[0]![0]!))!.name).toBe(f.cells[0]![1]);
  });

  it('detects the encoding when none is named', async () => {
    const { api, campaign } = await seededCampaign();
    const f = corpus.find((c) => c.label === 'shift_jis')!;
    const created: any = await api.json(api.post(`/campaigns/${campaign.id}/uploads?fileName=ja.csv&ignoreErrors=false`));
    const part: any = await api.json(api.put(`/campaigns/${campaign.id}/uploads/${created.uploadId}/parts/1`, bytesOf(f), { 'Content-Type': 'application/octet-stream' }));
    const view = await waitForEnd(api, (await (await api.post(`/campaigns/${campaign.id}/uploads/${created.uploadId}/complete`, { parts: [part] })).json<any>()).id);
    expect(view).toMatchObject({ status: 'completed', encoding: 'shift_jis', importedRows: f.rows });
  });
});

describe("the browser path's record of how it read the file", () => {
  it('keeps the encoding the browser read, and its doubt when the person did not confirm it', async () => {
    const { api, campaign } = await seededCampaign();
    const create = (extra: object) =>
      api.post('/imports', { campaignId: campaign.id, fileName: 'ar.csv', headers: ['phone_number', 'customer_name'], ignoreErrors: true, ...extra });
    const confirmed: any = await api.json(create({ encoding: 'windows-1256' }));
    expect(confirmed).toMatchObject({ encoding: 'windows-1256', warnings: [] });
    const guessed: any = await api.json(create({ encoding: 'arabic', encodingGuess: { confidence: 0.6, uncertain: true, alternatives: ['iso-8859-6'] } }));
    expect(guessed.encoding).toBe('iso-8859-6');
    expect(guessed.warnings).toMatchObject([{ code: 'ENCODING_UNCERTAIN' }]);
    expect(guessed.warnings[0].message).toMatch(/Arabic \(ISO-8859-6\)/);
    const workbook: any = await api.json(create({}));
    expect(workbook).toMatchObject({ encoding: null, warnings: [] });
    const refused = await create({ encoding: 'klingon' });
    expect(refused.status).toBe(400);
    expect((await refused.json<any>()).error.code).toBe('ENCODING_UNKNOWN');
  });
});

describe('suppression list files', () => {
  it('reads a list in windows-1251 with and without encoding=', async () => {
    const ws = await createWorkspace();
    const api = client(ws.token);
    // reason "Просил не звонить" in windows-1251, repeated so the file says what it is.
    const reason = latin1('\xcf\xf0\xee\xf1\xe8\xeb \xed\xe5 \xe7\xe2\xee\xed\xe8\xf2\xfc');
    const lines: Uint8Array[] = [latin1('phone,reason\r\n')];
    for (let i = 0; i < 20; i++) lines.push(latin1(`+1415200${String(1000 + i)},`), reason, latin1('\r\n'));
    const file = new Uint8Array(lines.reduce((n, l) => n + l.length, 0));
    lines.reduce((at, l) => (file.set(l, at), at + l.length), 0);
    const detected: any = await api.json(api.post('/suppressions/import', file, CSV));
    expect(detected.added).toBe(20);
    const named: any = await api.json(api.post('/suppressions/import?encoding=windows-1251', file, CSV));
    expect(named.alreadyPresent).toBe(20);
    const listed: any = await api.json(api.get('/suppressions?phoneNumber=%2B14152001000'));
    expect(listed.items[0].reason).toBe('Просил не звонить');
  });
});

describe('downloads re-import as they are', () => {
  it('errors.csv and leads.csv are UTF-8 with a BOM and bring the names back unchanged', async () => {
    const { api, campaign } = await seededCampaign();
    const f = corpus.find((c) => c.label === 'windows-1251')!;
    // One bad row (no phone) joins the file's rows, so the error report has a row to give back.
    const bad = latin1(',\xc8\xe2\xe0\xed \xcf\xe5\xf2\xf0\xee\xe2,,\r\n');
    const bytes = new Uint8Array(bytesOf(f).length + bad.length);
    bytes.set(bytesOf(f));
    bytes.set(bad, bytesOf(f).length);
    const view: any = await api.json(api.post(`/campaigns/${campaign.id}/imports?ignoreErrors=true&fileName=ru.csv`, bytes, CSV));
    expect(view).toMatchObject({ status: 'completed', encoding: 'windows-1251', importedRows: f.rows, failedRows: 1 });

    const report = new Uint8Array(await (await api.get(`/imports/${view.id}/errors.csv`)).arrayBuffer());
    expect([...report.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(report)).toContain('Иван Петров');
    const leadsCsv = new Uint8Array(await (await api.get(`/imports/${view.id}/leads.csv`)).arrayBuffer());
    expect([...leadsCsv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    // Both files back into a new campaign, as downloaded.
    const other = await seededCampaign();
    const again: any = await other.api.json(other.api.post(`/campaigns/${other.campaign.id}/imports?ignoreErrors=true&fileName=leads.csv`, leadsCsv, CSV));
    expect(again).toMatchObject({ status: 'completed', encoding: 'utf-8', importedRows: f.rows, warnings: [] });
    const leads = await leadsOf(other.api, other.campaign.id);
    for (const [phone, name] of f.cells) expect(leads.get(e164(phone!))!.name).toBe(name);
    const fixed: any = await other.api.json(other.api.post(`/campaigns/${other.campaign.id}/imports?ignoreErrors=true&fileName=errors.csv`, report, CSV));
    expect(fixed).toMatchObject({ encoding: 'utf-8', failedRows: 1, errorCounts: { PHONE_REQUIRED: 1 } });
  });
});
