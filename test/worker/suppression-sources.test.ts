/**
 * List sources and registry files through the API: both registry download layouts (one number a
 * line, NPA,NNNNNNN), lines that are not numbers listed as errors, `source`/`asOf`,
 * GET /suppressions/sources with each source's age rule, the SUPPRESSION_SOURCE_STALE warning on a
 * lead import and the refusal under `requireFreshLists`. In workerd with the real local D1, R2, queue.
 */
import { describe, expect, it } from 'vitest';
import { client, createWorkspace, seededCampaign } from './helpers.ts';
import { readReport, usNumbers } from './csv.ts';

const TEXT = { 'Content-Type': 'text/csv' };
const ASYNC = { ...TEXT, Prefer: 'respond-async' };

async function workspace() {
  const ws = await createWorkspace();
  return { ...ws, api: client(ws.token) };
}

/** A date `days` before today (UTC), YYYY-MM-DD. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function waitForList(api: ReturnType<typeof client>, id: string) {
  for (;;) {
    const view = await api.json(api.get(`/suppressions/imports/${id}`));
    if (view.status !== 'running') return view;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function listed(api: ReturnType<typeof client>, phone: string): Promise<string[]> {
  return (await api.json(api.get(`/suppressions?phoneNumber=${encodeURIComponent(phone)}`))).items.map((i: any) => i.source);
}

async function sources(api: ReturnType<typeof client>) {
  const res = await api.get('/suppressions/sources');
  expect(res.status).toBe(200);
  return (await res.json<any>()).items as any[];
}

describe('registry files', () => {
  it('reads one 10-digit number a line, lists the good lines and reports the others, in the request and in the background alike', async () => {
    const lines = ['4152000001', '4152000002', '', 'not a number', '4152000003', '415200000', '4152000001', '  4152000004  '];
    const file = lines.join('\r\n') + '\r\n';
    const a = await workspace();
    const inline = await a.api.post(`/suppressions/import?source=us-national-dnc&asOf=${daysAgo(3)}`, file, TEXT);
    const now = await inline.json<any>();
    expect(inline.status, JSON.stringify(now)).toBe(200);
    expect(now).toMatchObject({ status: 'completed', layout: 'registry', source: 'us-national-dnc', mode: 'add', rows: 7, added: 4, alreadyPresent: 1, invalidCount: 2 });
    expect(now.invalid.map((i: any) => [i.row, i.input, i.code])).toEqual([
      [3, 'not a number', 'PHONE_INVALID'],
      [5, '415200000', 'PHONE_INVALID'],
    ]);
    for (const n of usNumbers(4, 1)) expect(await listed(a.api, n)).toEqual(['us-national-dnc']);
    const report = readReport(await (await a.api.get(now.errorReportUrl.replace('/api/v1', ''))).text());
    expect(report.headers).toEqual(['phone_number', 'error_row', 'error_codes', 'error_messages']);
    expect(report.rows.map((r) => [r.phone_number, r.error_row])).toEqual([
      ['not a number', '3'],
      ['415200000', '5'],
    ]);

    const b = await workspace();
    const started = await b.api.json(b.api.post(`/suppressions/import?source=us-national-dnc&asOf=${daysAgo(3)}`, file, ASYNC));
    const done = await waitForList(b.api, started.id);
    const counts = (v: any) => ({ status: v.status, layout: v.layout, rows: v.rows, added: v.added, alreadyPresent: v.alreadyPresent, invalidCount: v.invalidCount, invalid: v.invalid });
    expect(counts(done)).toEqual(counts(now));
  });

  it('reads NPA,NNNNNNN a line, the country from defaultCountry', async () => {
    const { api } = await workspace();
    const file = ['416,5550123', '416,555012', '604 , 5550199', 'trailer,2'].join('\n');
    const res = await api.json(api.post(`/suppressions/import?source=ca-dncl&defaultCountry=CA&asOf=${daysAgo(1)}`, file, TEXT));
    expect(res).toMatchObject({ layout: 'registry', added: 2, invalidCount: 2, rows: 4 });
    expect(res.invalid.map((i: any) => [i.row, i.input])).toEqual([
      [2, '416,555012'],
      [4, 'trailer,2'],
    ]);
    expect(await listed(api, '+14165550123')).toEqual(['ca-dncl']);
    expect(await listed(api, '+16045550199')).toEqual(['ca-dncl']);
  });

  it('reads national numbers of another country and a title line above the numbers; a file with a header row is still a list with columns', async () => {
    const { api } = await workspace();
    const uk = await api.json(api.post('/suppressions/import?source=uk-tps&defaultCountry=GB', '02079460958\n07400123456\n', TEXT));
    expect(uk).toMatchObject({ layout: 'registry', added: 2, invalidCount: 0 });
    expect(await listed(api, '+442079460958')).toEqual(['uk-tps']);
    const table = await api.json(api.post('/suppressions/import', 'phone_number,reason\n4152000001,asked\n4152000002,asked\n', TEXT));
    expect(table).toMatchObject({ layout: 'table', source: 'internal', added: 2 });
    const titled = await api.json(api.post('/suppressions/import?source=us-national-dnc', 'Do Not Call list, area code 415\n4152000003\n4152000004\n', TEXT));
    expect(titled).toMatchObject({ layout: 'registry', added: 2, invalidCount: 1 });
    expect(titled.invalid[0]).toMatchObject({ row: 1, code: 'PHONE_INVALID' });
  });
});

describe('GET /suppressions/sources', () => {
  it('lists each source with its count, date, age rule and staleness; internal always', async () => {
    const { api } = await workspace();
    expect(await sources(api)).toEqual([{ source: 'internal', count: 0, asOf: null, maxAgeDays: null, stale: false, replacing: null }]);
    await api.json(api.post('/suppressions', { phoneNumbers: usNumbers(2) }));
    await api.json(api.post(`/suppressions/import?source=us-national-dnc&asOf=${daysAgo(31)}`, usNumbers(3, 10).map((n) => n.slice(2)).join('\n'), TEXT));
    await api.json(api.post(`/suppressions/import?source=ca-dncl&defaultCountry=CA&asOf=${daysAgo(32)}`, '4165550123\n', TEXT));
    await api.json(api.post(`/suppressions/import?source=uk-tps&defaultCountry=GB&asOf=${daysAgo(29)}`, '02079460958\n', TEXT));
    await api.json(api.post(`/suppressions/import?source=acme-partners&asOf=${daysAgo(400)}`, '4152000099\n', TEXT));
    expect(await sources(api)).toEqual([
      { source: 'acme-partners', count: 1, asOf: daysAgo(400), maxAgeDays: null, stale: false, replacing: null },
      { source: 'ca-dncl', count: 1, asOf: daysAgo(32), maxAgeDays: 31, stale: true, replacing: null },
      { source: 'internal', count: 2, asOf: null, maxAgeDays: null, stale: false, replacing: null },
      { source: 'uk-tps', count: 1, asOf: daysAgo(29), maxAgeDays: 28, stale: true, replacing: null },
      { source: 'us-national-dnc', count: 3, asOf: daysAgo(31), maxAgeDays: 31, stale: false, replacing: null },
    ]);
    // A newer copy added makes the source fresh; an older one never makes it stale again.
    await api.json(api.post(`/suppressions/import?source=ca-dncl&defaultCountry=CA&asOf=${daysAgo(2)}`, '4165550124\n', TEXT));
    await api.json(api.post(`/suppressions/import?source=ca-dncl&defaultCountry=CA&asOf=${daysAgo(90)}`, '4165550125\n', TEXT));
    expect((await sources(api)).find((s) => s.source === 'ca-dncl')).toMatchObject({ count: 3, asOf: daysAgo(2), stale: false });
    // Deleting a number counts it out of its source.
    expect((await api.del('/suppressions/%2B14165550124')).status).toBe(204);
    expect((await sources(api)).find((s) => s.source === 'ca-dncl')).toMatchObject({ count: 2 });
  });

  it('refuses an asOf in the future or malformed, a bad source and a bad mode with 400, before reading the file', async () => {
    const { api } = await workspace();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    for (const q of [`asOf=${tomorrow}`, 'asOf=2099-01-01', 'asOf=2026-02-30', 'asOf=12/01/2026', 'asOf=yesterday', 'source=US_DNC', `source=${'a'.repeat(33)}`, 'mode=merge']) {
      const res = await api.post(`/suppressions/import?${q}`, '4152000001\n', TEXT);
      const body = await res.json<any>();
      expect(res.status, q).toBe(400);
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.message, q).toMatch(/asOf|source|mode/);
    }
    expect((await api.json(api.get('/suppressions'))).items).toEqual([]);
  });
});

describe('how many sources', () => {
  it('a list has at most 32 sources (each lookup probes each once): the 33rd is refused with 422, the others still take numbers', async () => {
    const { api } = await workspace();
    for (let i = 1; i < 32; i++) expect((await api.post('/suppressions', { phoneNumbers: [usNumbers(1, i)[0]], source: `list-${i}` })).status).toBe(200);
    await api.json(api.post('/suppressions', { phoneNumbers: [usNumbers(1, 40)[0]] })); // internal: the 32nd
    for (const res of [await api.post('/suppressions', { phoneNumbers: ['+14152000099'], source: 'one-too-many' }), await api.post('/suppressions/import?source=one-too-many', '4152000099\n', TEXT)]) {
      const body = await res.json<any>();
      expect(res.status).toBe(422);
      expect(body.error).toMatchObject({ code: 'SUPPRESSION_SOURCES_LIMIT', message: expect.stringContaining('32 sources') });
    }
    expect((await api.post('/suppressions', { phoneNumbers: ['+14152000099'], source: 'list-7' })).status).toBe(200);
    expect((await sources(api)).length).toBe(32);
  });
});

describe('stale registry copies and lead imports', () => {
  it('an import created while a source is stale carries SUPPRESSION_SOURCE_STALE; under requireFreshLists it is refused with 409', async () => {
    const { api, campaign } = await seededCampaign();
    const leads = 'phone_number,customer_name\n+14155550100,Ann\n';
    const fresh = await api.json(api.post(`/campaigns/${campaign.id}/imports?fileName=a.csv`, leads, TEXT));
    expect(fresh.warnings).toEqual([]);

    await api.json(api.post(`/suppressions/import?source=us-national-dnc&asOf=${daysAgo(45)}`, '4152000001\n', TEXT));
    const warned = await api.json(api.post(`/campaigns/${campaign.id}/imports?fileName=b.csv`, 'phone_number,customer_name\n+14155550101,Bo\n', TEXT));
    expect(warned.status).toBe('completed');
    expect(warned.warnings).toEqual([{ code: 'SUPPRESSION_SOURCE_STALE', message: expect.stringContaining('"us-national-dnc"') }]);
    expect(warned.warnings[0].message).toMatch(/45 days old.*at most 31 days/);
    expect((await api.json(api.get(`/imports/${warned.id}`))).warnings).toEqual(warned.warnings);
    // The browser's way in too.
    const browser = await api.json(api.post('/imports', { campaignId: campaign.id, fileName: 'c.csv', headers: ['phone_number', 'customer_name'] }));
    expect(browser.warnings).toEqual(warned.warnings);

    const patched = await api.json(api.patch(`/campaigns/${campaign.id}`, { requireFreshLists: true }));
    expect(patched.requireFreshLists).toBe(true);
    const refused = await api.post(`/campaigns/${campaign.id}/imports?fileName=d.csv`, 'phone_number,customer_name\n+14155550102,Cy\n', TEXT);
    const body = await refused.json<any>();
    expect(refused.status).toBe(409);
    expect(body.error.code).toBe('SUPPRESSION_SOURCE_STALE');
    expect(body.error.message).toMatch(/us-national-dnc.*requires fresh do-not-call lists/s);

    // A fresh copy lifts it.
    await api.json(api.post(`/suppressions/import?source=us-national-dnc&asOf=${daysAgo(0)}&mode=replace`, '4152000001\n', TEXT));
    const ok = await api.json(api.post(`/campaigns/${campaign.id}/imports?fileName=e.csv`, 'phone_number,customer_name\n+14155550102,Cy\n', TEXT));
    expect(ok).toMatchObject({ status: 'completed', importedRows: 1, warnings: [] });
  });

  it('requireFreshLists is false by default, set on POST, and refused when not a boolean', async () => {
    const { api, assistant } = await seededCampaign();
    const made = await api.json(api.post('/campaigns', { name: 'Strict', assistantId: assistant.id, requireFreshLists: true }));
    expect(made.requireFreshLists).toBe(true);
    expect((await api.json(api.get(`/campaigns/${made.id}`))).requireFreshLists).toBe(true);
    const bad = await api.post('/campaigns', { name: 'Bad', assistantId: assistant.id, requireFreshLists: 'yes' });
    expect(bad.status).toBe(400);
    const plain = await api.json(api.post('/campaigns', { name: 'Plain', assistantId: assistant.id }));
    expect(plain.requireFreshLists).toBe(false);
  });
});
