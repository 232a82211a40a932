/** The suppression (do-not-call) list through the API, in workerd with the real local D1. */
import { env, SELF } from 'cloudflare:test';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { client, createWorkspace } from './helpers.ts';
import { csv, readReport, usNumbers } from './csv.ts';
import { isSuppressed, suppressedAmong, suppressionStore } from '../../workers/suppression/store.ts';
import { createSuppressionLookup, exactBytes, PACKED_HEADER_BYTES, readPackedHeader } from '../../src/lib/suppression/packed-list.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PAST = '2020-01-01T00:00:00.000Z';
const FUTURE = '2099-01-01T00:00:00.000Z';

async function workspace() {
  const ws = await createWorkspace();
  return { ...ws, api: client(ws.token) };
}

function workbook(rows: unknown[][], bookType: 'xlsx' | 'biff8' = 'xlsx'): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'DNC');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType }));
}

/** Every entry of the list, page by page through the API. */
async function listAll(api: ReturnType<typeof client>, limit = 1000) {
  const items: any[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: any = await api.json(api.get(`/suppressions?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return items;
  }
}

async function expectError(res: Response | Promise<Response>, status: number, code: string) {
  const r = await res;
  const text = await r.text();
  expect(r.status, text).toBe(status);
  const body = JSON.parse(text);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  expect(text).not.toMatch(/\bat .+:\d+:\d+|Error:/);
  return body.error;
}

describe('POST /suppressions (JSON)', () => {
  it('adds valid numbers, counts repeats and listed ones as already present, and explains invalid ones', async () => {
    const { api } = await workspace();
    const first = await api.json(api.post('/suppressions', { phoneNumbers: ['+14152000001', '(415) 200-0002'], reason: 'asked not to be called' }));
    expect(first).toMatchObject({ added: 2, alreadyPresent: 0, invalid: [] });

    const res = await api.post('/suppressions', {
      phoneNumbers: ['415.200.0001', '+14152000003', '+1 415 200 0003', 'n/a', '', '+1415200'],
      reason: 'complaint',
    });
    expect(res.status).toBe(200);
    const body = await res.json<any>();
    expect(body.added).toBe(1);
    expect(body.alreadyPresent).toBe(2); // +14152000001 was listed; +14152000003 repeats within the request
    expect(body.invalid).toHaveLength(3);
    expect(body.added + body.alreadyPresent + body.invalid.length).toBe(6);
    expect(body.invalid[0]).toMatchObject({ input: 'n/a', code: 'PHONE_INVALID' });
    expect(body.invalid[0].message).toContain('"n/a"');
    expect(body.invalid[1]).toMatchObject({ input: '', code: 'PHONE_REQUIRED' });
    expect(body.invalid[2]).toMatchObject({ input: '+1415200', code: 'PHONE_INVALID' });
    expect(body.invalid[2].message).toMatch(/Reason code: [A-Z_]+\./);

    const items = await listAll(api);
    expect(items.map((i) => i.phoneNumber)).toEqual(['+14152000001', '+14152000002', '+14152000003']);
    // An already listed number keeps its entry.
    expect(items[0]).toMatchObject({ reason: 'asked not to be called', expiresAt: null, createdAt: expect.any(String) });
    expect(items[2]).toMatchObject({ reason: 'complaint', expiresAt: null });
  });

  it('reads national numbers as defaultCountry, US when not given', async () => {
    const { api } = await workspace();
    const gb = await api.json(api.post('/suppressions', { phoneNumbers: ['020 7946 0958'], defaultCountry: 'GB' }));
    expect(gb).toMatchObject({ added: 1, invalid: [] });
    const us = await api.json(api.post('/suppressions', { phoneNumbers: ['(212) 555-0199'] }));
    expect(us).toMatchObject({ added: 1, invalid: [] });
    expect((await listAll(api)).map((i) => i.phoneNumber)).toEqual(['+12125550199', '+442079460958']);
  });

  it('refuses more than 10,000 numbers with a clear 4xx, and writes none of them', async () => {
    const { api, workspaceId } = await workspace();
    const err = await expectError(api.post('/suppressions', { phoneNumbers: usNumbers(10_001) }), 400, 'VALIDATION_FAILED');
    expect(err.message).toMatch(/10,000/);
    expect(err.message).toContain('/suppressions/import');
    expect((await suppressedAmong(env, workspaceId, usNumbers(3), new Date())).size).toBe(0);
    // Exactly 10,000 is accepted.
    const ok = await api.json(api.post('/suppressions', { phoneNumbers: usNumbers(10_000) }));
    expect(ok).toMatchObject({ added: 10_000, alreadyPresent: 0 });
  });

  it('answers bad bodies with specific errors, never a stack trace', async () => {
    const { api } = await workspace();
    await expectError(api.post('/suppressions', '{"phoneNumbers": [', { 'Content-Type': 'application/json' }), 400, 'VALIDATION_FAILED');
    await expectError(api.post('/suppressions', { phoneNumbers: '+14152000001' }), 400, 'VALIDATION_FAILED');
    await expectError(api.post('/suppressions', { phoneNumbers: [14152000001] }), 400, 'VALIDATION_FAILED');
    await expectError(api.post('/suppressions', { phoneNumbers: [] }), 400, 'VALIDATION_FAILED');
    await expectError(api.post('/suppressions', {}), 400, 'VALIDATION_FAILED');
    const date = await expectError(api.post('/suppressions', { phoneNumbers: ['+14152000001'], expiresAt: 'next tuesday' }), 400, 'VALIDATION_FAILED');
    expect(date.message).toMatch(/expiresAt/);
    await expectError(api.post('/suppressions', { phoneNumbers: ['+14152000001'], expiresAt: '2026-02-30' }), 400, 'VALIDATION_FAILED');
    await expectError(api.post('/suppressions', { phoneNumbers: ['+14152000001'], defaultCountry: 'XX' }), 400, 'VALIDATION_FAILED');
    await expectError(api.post('/suppressions', { phoneNumbers: ['+14152000001'], reason: 'x'.repeat(1001) }), 400, 'VALIDATION_FAILED');
    const huge = JSON.stringify({ phoneNumbers: ['+14152000001'], reason: 'x'.repeat(3 * 1024 * 1024) });
    await expectError(api.post('/suppressions', huge, { 'Content-Type': 'application/json' }), 413, 'BODY_TOO_LARGE');
  });
});

describe('expiry', () => {
  it('an expired entry does not apply: suppressedAmong, isSuppressed and the packed form ignore it; the listing shows it', async () => {
    const { api, workspaceId } = await workspace();
    await api.json(api.post('/suppressions', { phoneNumbers: ['+14152000001'], expiresAt: PAST }));
    await api.json(api.post('/suppressions', { phoneNumbers: ['+14152000002'], expiresAt: '2099-01-01' }));
    await api.json(api.post('/suppressions', { phoneNumbers: ['+14152000003'] }));
    const all = ['+14152000001', '+14152000002', '+14152000003', '+14152000004'];

    expect([...(await suppressedAmong(env, workspaceId, all, new Date()))].sort()).toEqual(['+14152000002', '+14152000003']);
    // After the second one's expiry only the permanent entry applies.
    expect([...(await suppressedAmong(env, workspaceId, all, new Date('2099-06-01T00:00:00Z')))]).toEqual(['+14152000003']);
    // Before the first one expired, it applied.
    expect((await suppressedAmong(env, workspaceId, all, new Date('2019-12-31T00:00:00Z'))).size).toBe(3);
    expect(await isSuppressed(env, workspaceId, '+14152000001')).toBe(false);
    expect(await isSuppressed(env, workspaceId, '+14152000002')).toBe(true);

    const res = await api.get('/suppressions/packed');
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Suppression-Count')).toBe('2');
    const set = createSuppressionLookup(new Uint8Array(await res.arrayBuffer()));
    expect(set.size).toBe(2);
    expect(set.has('+14152000001')).toBe(false);
    expect(set.has('+14152000002')).toBe(true);
    expect(set.has('+14152000003')).toBe(true);

    const listed = await listAll(api);
    expect(listed.map((i) => [i.phoneNumber, i.expiresAt])).toEqual([
      ['+14152000001', PAST],
      ['+14152000002', FUTURE],
      ['+14152000003', null],
    ]);
  });

  it('listing an expired number again puts it back in force; a listed one keeps its entry', async () => {
    const { api, workspaceId } = await workspace();
    await api.json(api.post('/suppressions', { phoneNumbers: ['+14152000001'], expiresAt: PAST, reason: 'old' }));
    const again = await api.json(api.post('/suppressions', { phoneNumbers: ['+14152000001'], reason: 'new' }));
    expect(again).toMatchObject({ added: 1, alreadyPresent: 0 });
    expect(await isSuppressed(env, workspaceId, '+14152000001')).toBe(true);
    const [entry] = await listAll(api);
    expect(entry).toMatchObject({ reason: 'new', expiresAt: null });
    // Re-listing an expired entry as expired changes nothing.
    await api.json(api.post('/suppressions', { phoneNumbers: ['+14152000002'], expiresAt: PAST }));
    expect(await api.json(api.post('/suppressions', { phoneNumbers: ['+14152000002'], expiresAt: PAST }))).toMatchObject({ added: 0, alreadyPresent: 1 });
  });
});

describe('POST /suppressions/import (files)', () => {
  it('imports a CSV with reason and expires_at columns, national numbers as defaultCountry', async () => {
    const { api, workspaceId } = await workspace();
    const body = csv([
      ['Phone', 'Reason', 'Expires At', 'notes'],
      ['020 7946 0958', 'complaint', '2099-01-01', 'x'],
      ['+1 415 200 0001', '', '', ''],
      ['07911 123456', 'asked', '2099-02-03T04:05:06Z', ''],
      ['020 7946 0958', 'again', '', ''],
      ['not a number', 'x', '', ''],
      ['', 'no phone', '', ''],
      ['+14152000002', 'bad date', 'someday', ''],
    ]);
    const res = await api.post('/suppressions/import?defaultCountry=GB', body, { 'Content-Type': 'text/csv' });
    const result = await res.json<any>();
    expect(res.status, JSON.stringify(result)).toBe(200);
    expect(result).toMatchObject({ added: 3, alreadyPresent: 1, invalidCount: 3, rows: 7 });
    expect(result.invalid.map((i: any) => [i.row, i.code])).toEqual([
      [5, 'PHONE_INVALID'],
      [6, 'PHONE_REQUIRED'],
      [7, 'EXPIRES_AT_INVALID'],
    ]);
    expect(result.invalid[0].message).toContain('column "Phone"');
    const items = await listAll(api);
    expect(items.map((i) => [i.phoneNumber, i.reason, i.expiresAt])).toEqual([
      ['+14152000001', null, null],
      ['+442079460958', 'complaint', FUTURE],
      ['+447911123456', 'asked', '2099-02-03T04:05:06.000Z'],
    ]);
    expect((await suppressedAmong(env, workspaceId, ['+442079460958', '+14152000002'], new Date())).size).toBe(1);
  });

  it('imports an XLSX (numbers stored as numbers, a date cell) and an XLS', async () => {
    const { api } = await workspace();
    const rows = [
      ['phone_number', 'reason', 'expires_at'],
      [14152000001, 'from excel', '2099-01-01'],
      ['(415) 200-0002', '', ''],
      [4152000003, 'national', ''],
    ];
    const bytes = workbook(rows);
    const res = await api.post('/suppressions/import', bytes, { 'Content-Type': XLSX_TYPE });
    const result = await res.json<any>();
    expect(res.status, JSON.stringify(result)).toBe(200);
    expect(result).toMatchObject({ added: 3, alreadyPresent: 0, invalidCount: 0, rows: 3 });

    // A real Excel date cell (a serial day number) is read as that date.
    const dated = XLSX.utils.aoa_to_sheet([['phone_number', 'expires_at'], ['+14152000004', new Date(Date.UTC(2099, 0, 1))]], { cellDates: true });
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, dated, 'DNC');
    const xls = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }));
    const second = await api.json(api.post('/suppressions/import?fileName=list.xls', xls, { 'Content-Type': 'application/vnd.ms-excel' }));
    expect(second).toMatchObject({ added: 1, invalidCount: 0 });
    const items = await listAll(api);
    expect(items.map((i) => [i.phoneNumber, i.reason, i.expiresAt])).toEqual([
      ['+14152000001', 'from excel', FUTURE],
      ['+14152000002', null, null],
      ['+14152000003', 'national', null],
      ['+14152000004', null, FUTURE],
    ]);
  });

  it('finds the phone column by the lead files’ rules and refuses a list without one', async () => {
    const { api } = await workspace();
    const ok = await api.json(api.post('/suppressions/import', csv([['Mobile Number', 'name'], ['+14152000001', 'A']]), { 'Content-Type': 'text/csv' }));
    expect(ok).toMatchObject({ added: 1 });
    await expectError(api.post('/suppressions/import', csv([['name', 'reason'], ['A', 'x']]), { 'Content-Type': 'text/csv' }), 422, 'NO_PHONE_COLUMN');
    await expectError(api.post('/suppressions/import', csv([['phone', 'Phone'], ['+14152000001', '+14152000002']]), { 'Content-Type': 'text/csv' }), 422, 'DUPLICATE_COLUMN');
  });

  it('answers bad files with the file-level codes, never a stack trace', async () => {
    const { api } = await workspace();
    await expectError(api.post('/suppressions/import', '', { 'Content-Type': 'text/csv' }), 422, 'FILE_EMPTY');
    await expectError(api.post('/suppressions/import', 'phone_number\r\n', { 'Content-Type': 'text/csv' }), 422, 'FILE_EMPTY');
    await expectError(api.post('/suppressions/import', '{"phoneNumbers":[]}', { 'Content-Type': 'application/json' }), 415, 'FILE_UNSUPPORTED');
    await expectError(api.post('/suppressions/import', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0]), { 'Content-Type': 'application/octet-stream' }), 415, 'FILE_UNSUPPORTED');
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]);
    await expectError(api.post('/suppressions/import', zip, { 'Content-Type': XLSX_TYPE }), 422, 'FILE_CORRUPT');
    await expectError(api.post('/suppressions/import', new Uint8Array(21 * 1024 * 1024).fill(0x50, 0, 1).fill(0x4b, 1, 2).fill(3, 2, 3).fill(4, 3, 4), { 'Content-Type': XLSX_TYPE }), 413, 'FILE_TOO_LARGE');
    await expectError(api.post('/suppressions/import', `phone_number,reason\r\n+14152000001,${'x'.repeat(10_001)}\r\n`, { 'Content-Type': 'text/csv' }), 413, 'FILE_TOO_LARGE');
    await expectError(api.post('/suppressions/import', ['p' + ',c'.repeat(200), '1'].join('\r\n'), { 'Content-Type': 'text/csv' }), 422, 'TOO_MANY_COLUMNS');
    await expectError(api.post('/suppressions/import?defaultCountry=ZZ', 'phone_number\r\n+14152000001\r\n', { 'Content-Type': 'text/csv' }), 400, 'VALIDATION_FAILED');
  });

  it('caps the invalid list returned inline at 1,000 and gives the total', async () => {
    const { api } = await workspace();
    const lines = ['phone_number', ...Array.from({ length: 1_500 }, (_, i) => `bad-${i}`), '+14152000001'];
    const result = await api.json(api.post('/suppressions/import', lines.join('\n') + '\n', { 'Content-Type': 'text/csv' }));
    expect(result).toMatchObject({ added: 1, alreadyPresent: 0, invalidCount: 1_500, rows: 1_501 });
    expect(result.invalid).toHaveLength(1_000);
    expect(result.invalid[999].row).toBe(1_000);
  });

  it('streams a list larger than one flush (40,001 numbers, repeats across batches counted once)', async () => {
    const { api, workspaceId } = await workspace();
    const numbers = usNumbers(40_000);
    const text = 'phone_number\n' + numbers.join('\n') + '\n' + numbers[0] + '\n';
    const result = await api.json(api.post('/suppressions/import', text, { 'Content-Type': 'text/csv' }));
    expect(result).toMatchObject({ added: 40_000, alreadyPresent: 1, invalidCount: 0, rows: 40_001 });
    const probe = [numbers[0]!, numbers[19_999]!, numbers[20_000]!, numbers[39_999]!, '+14159999999'];
    expect((await suppressedAmong(env, workspaceId, probe, new Date())).size).toBe(4);
    const packed = await api.get('/suppressions/packed');
    expect(packed.headers.get('X-Suppression-Count')).toBe('40000');
    expect((await packed.arrayBuffer()).byteLength).toBe(exactBytes(40_000, 0));
    expect(exactBytes(40_000, 0)).toBe(32 + 40_000 * 8);
  });
});

describe('GET /suppressions (lookup, pages)', () => {
  it('looks a number up by any format of it, and pages by phone number with a cursor', async () => {
    const { api } = await workspace();
    const numbers = usNumbers(25);
    await api.json(api.post('/suppressions', { phoneNumbers: [...numbers].reverse(), reason: 'r' }));

    const hit = await api.json(api.get(`/suppressions?phoneNumber=${encodeURIComponent('(415) 200-0007')}`));
    expect(hit.items).toEqual([{ phoneNumber: '+14152000007', source: 'internal', reason: 'r', expiresAt: null, createdAt: expect.any(String) }]);
    expect(hit.nextCursor).toBeNull();
    const miss = await api.json(api.get(`/suppressions?phoneNumber=${encodeURIComponent('+14159999999')}`));
    expect(miss.items).toEqual([]);
    await expectError(api.get('/suppressions?phoneNumber=hello'), 400, 'PHONE_INVALID');

    const first = await api.json(api.get('/suppressions?limit=10'));
    expect(first.items).toHaveLength(10);
    expect(first.nextCursor).toBe(numbers[9]);
    const second = await api.json(api.get(`/suppressions?limit=10&cursor=${encodeURIComponent(first.nextCursor)}`));
    expect(second.items.map((i: any) => i.phoneNumber)).toEqual(numbers.slice(10, 20));
    const all = await listAll(api, 7);
    expect(all.map((i) => i.phoneNumber)).toEqual(numbers);
    await expectError(api.get('/suppressions?limit=0'), 400, 'VALIDATION_FAILED');
    await expectError(api.get('/suppressions?cursor=abc'), 400, 'VALIDATION_FAILED');
  });
});

describe('GET /suppressions.csv', () => {
  it('exports formula-safe CSV that re-imports to the same list', async () => {
    const a = await workspace();
    await a.api.json(a.api.post('/suppressions', { phoneNumbers: usNumbers(3), reason: '=HYPERLINK("http://x")' }));
    await a.api.json(a.api.post('/suppressions', { phoneNumbers: ['+442079460958'], reason: 'said "stop", twice', expiresAt: FUTURE }));
    await a.api.json(a.api.post('/suppressions', { phoneNumbers: ['+14152000009'], expiresAt: PAST }));
    const res = await a.api.get('/suppressions.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('phone_number,reason,expires_at,created_at,source');
    expect(text).not.toMatch(/(^|,)[=+\-@]/m); // nothing Excel would run
    expect(lines[1]).toMatch(/^'\+14152000000,"'=HYPERLINK\(""http:\/\/x""\)",,/);
    expect(readReport(text).rows).toHaveLength(5);

    const b = await workspace();
    const result = await b.api.json(b.api.post('/suppressions/import', text, { 'Content-Type': 'text/csv' }));
    expect(result).toMatchObject({ added: 5, alreadyPresent: 0, invalidCount: 0 });
    const strip = (items: any[]) => items.map(({ createdAt: _c, ...rest }) => rest);
    expect(strip(await listAll(b.api))).toEqual(strip(await listAll(a.api)));
    // And into the list it came from: nothing new.
    const again = await a.api.json(a.api.post('/suppressions/import', text, { 'Content-Type': 'text/csv' }));
    expect(again).toMatchObject({ added: 0, alreadyPresent: 5 });
  });
});

describe('DELETE /suppressions/{phoneNumber}', () => {
  it('removes a listed number (204), 404 when absent, 400 when not a number', async () => {
    const { api, workspaceId } = await workspace();
    await api.json(api.post('/suppressions', { phoneNumbers: ['+14152000001', '+14152000002'] }));
    const res = await api.del(`/suppressions/${encodeURIComponent('+14152000001')}`);
    expect(res.status).toBe(204);
    expect(await isSuppressed(env, workspaceId, '+14152000001')).toBe(false);
    expect(await isSuppressed(env, workspaceId, '+14152000002')).toBe(true);
    await expectError(api.del(`/suppressions/${encodeURIComponent('+14152000001')}`), 404, 'NOT_FOUND');
    await expectError(api.del('/suppressions/garbage'), 400, 'PHONE_INVALID');
    expect((await listAll(api)).map((i) => i.phoneNumber)).toEqual(['+14152000002']);
  });
});

describe('GET /suppressions/packed', () => {
  it('is sorted numerically with a count and an ETag; an unchanged list answers 304', async () => {
    const { api, token } = await workspace();
    await api.json(api.post('/suppressions', { phoneNumbers: ['+442079460958', '+14152000001', '+4915123456789', '+861012345678'] }));
    const res = await api.get('/suppressions/packed');
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(res.headers.get('X-Suppression-Form')).toBe('exact');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(readPackedHeader(bytes)).toMatchObject({ form: 'exact', count: 4, permanent: 4, expiring: 0 });
    const view = new DataView(bytes.buffer, PACKED_HEADER_BYTES);
    expect([0, 1, 2, 3].map((i) => view.getFloat64(i * 8, true))).toEqual([14152000001, 442079460958, 861012345678, 4915123456789]);

    const cached = await fetchWithEtag(token, etag);
    expect(cached.status).toBe(304);
    await api.json(api.post('/suppressions', { phoneNumbers: ['+14152000002'] }));
    const changed = await fetchWithEtag(token, etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.headers.get('X-Suppression-Count')).toBe('5');
  });
});

/** GET /suppressions/packed with If-None-Match (the helper client sets no extra headers on GET). */
function fetchWithEtag(token: string, etag: string): Promise<Response> {
  return SELF.fetch('http://example.com/api/v1/suppressions/packed', { headers: { Authorization: `Bearer ${token}`, 'If-None-Match': etag } });
}

describe('tenancy', () => {
  it("workspace B never sees nor is affected by workspace A's list", async () => {
    const a = await workspace();
    const b = await workspace();
    await a.api.json(a.api.post('/suppressions', { phoneNumbers: ['+14152000001', '+14152000002'] }));
    await b.api.json(b.api.post('/suppressions', { phoneNumbers: ['+14152000003'] }));

    expect((await listAll(b.api)).map((i) => i.phoneNumber)).toEqual(['+14152000003']);
    expect((await b.api.json(b.api.get('/suppressions?phoneNumber=%2B14152000001'))).items).toEqual([]);
    expect((await suppressedAmong(env, b.workspaceId, ['+14152000001', '+14152000003'], new Date()))).toEqual(new Set(['+14152000003']));
    const packedB = createSuppressionLookup(new Uint8Array(await (await b.api.get('/suppressions/packed')).arrayBuffer()));
    expect(packedB.size).toBe(1);
    expect(packedB.has('+14152000001')).toBe(false);
    const csvB = await (await b.api.get('/suppressions.csv')).text();
    expect(csvB).not.toContain('14152000001');

    // B adding A's number adds it to B (A's entry does not make it "already present").
    expect(await b.api.json(b.api.post('/suppressions', { phoneNumbers: ['+14152000001'] }))).toMatchObject({ added: 1, alreadyPresent: 0 });
    // B deleting it removes B's entry only.
    expect((await b.api.del('/suppressions/%2B14152000001')).status).toBe(204);
    await expectError(b.api.del('/suppressions/%2B14152000002'), 404, 'NOT_FOUND');
    expect(await isSuppressed(env, a.workspaceId, '+14152000001')).toBe(true);
    expect(await isSuppressed(env, a.workspaceId, '+14152000002')).toBe(true);
    expect((await suppressionStore(env, a.workspaceId).list({ limit: 10 })).items).toHaveLength(2);
  });

  it('requires a token', async () => {
    const res = await client('lit_not_a_token').get('/suppressions');
    expect(res.status).toBe(401);
  });
});
