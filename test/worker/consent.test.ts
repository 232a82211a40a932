/**
 * Consent evidence through the API: the six consent columns (and their sellers' names: leadid_token,
 * xxTrustedFormCertUrl…) imported onto the lead as `consent`, every row code with its guidance, the
 * campaign's consentPolicy on POST and PATCH, judged against the import's start (not the clock when a
 * chunk runs), leads.csv re-importing the consent as is, and the sample file. In workerd with the
 * real local D1, R2 and queue.
 */
import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { seededCampaign, waitForEnd } from './helpers.ts';
import { csv, readReport } from './csv.ts';

const TEXT = { 'Content-Type': 'text/csv' };
const CERT = 'https://cert.trustedform.com/2b8f0e6f0b6b4c7e9f1a2d3c4b5a69788796a5b4';
const LEADID = '5c7e0f2a-9b1d-4e3f-8a6b-0d2c4e6f8a1b';
const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;

async function importFile(api: any, campaignId: string, text: string, query = 'ignoreErrors=true') {
  const res = await api.post(`/campaigns/${campaignId}/imports?${query}&fileName=consent.csv`, text, TEXT);
  const view = await res.json();
  return view.status === 'completed' || view.status === 'failed' ? view : waitForEnd(api, view.id);
}

async function leadsByPhone(api: any, campaignId: string) {
  const page = await api.json(api.get(`/campaigns/${campaignId}/leads?limit=100`));
  return new Map<string, any>(page.items.map((l: any) => [l.phoneNumber, l]));
}

describe('consent columns', () => {
  it('reads the sellers’ column names onto the lead as consent, normalised; leads.csv carries them and re-imports as is', async () => {
    const { api, campaign } = await seededCampaign();
    const at = Date.now() - 3 * DAY;
    const file = csv([
      ['phone_number', 'customer_name', 'Opt-in Date', 'consent_url', 'IP Address', 'consent_text', 'xxTrustedFormCertUrl', 'leadid_token'],
      ['+14155550100', 'Ann', iso(at).slice(0, 19), 'https://example.com/quote', '2001:DB8::1', 'I agree to AI calls', CERT, LEADID],
      ['+14155550101', 'Bo', '', '', '', '', '', ''],
    ]);
    const view = await importFile(api, campaign.id, file);
    expect(view).toMatchObject({ status: 'completed', importedRows: 2, failedRows: 0 });
    const leads = await leadsByPhone(api, campaign.id);
    expect(leads.get('+14155550100').consent).toEqual({
      at: iso(Math.floor(at / 1000) * 1000),
      url: 'https://example.com/quote',
      ip: '2001:db8::1',
      text: 'I agree to AI calls',
      trustedFormCertUrl: CERT,
      jornayaLeadId: LEADID.toUpperCase(),
    });
    expect(leads.get('+14155550101').consent).toBeNull();

    const exported = await (await api.get(`/imports/${view.id}/leads.csv`)).text();
    const { headers, rows } = readReport(exported);
    expect(headers).toEqual(expect.arrayContaining(['consent_at', 'consent_url', 'consent_ip', 'consent_text', 'trustedform_cert_url', 'jornaya_leadid']));
    expect(rows[0]).toMatchObject({ consent_ip: '2001:db8::1', trustedform_cert_url: CERT, jornaya_leadid: LEADID.toUpperCase() });
    // The export goes into another campaign as it is, consent and all.
    const other = await seededCampaign();
    const again = await importFile(other.api, other.campaign.id, exported);
    expect(again).toMatchObject({ status: 'completed', importedRows: 2 });
    expect((await leadsByPhone(other.api, other.campaign.id)).get('+14155550100').consent).toEqual(leads.get('+14155550100').consent);
  });

  it('refuses malformed evidence, each with its code, a message naming the cell and guidance a person can follow', async () => {
    const { api, campaign } = await seededCampaign();
    const file = csv([
      ['phone_number', 'customer_name', 'consent_at', 'consent_ip', 'trustedform_cert_url', 'jornaya_leadid'],
      ['+14155550110', 'Date', '31/11/2026', '', '', ''],
      ['+14155550111', 'Future', iso(Date.now() + 2 * DAY), '', '', ''],
      ['+14155550112', 'Ip', '', '300.1.2.3', '', ''],
      ['+14155550113', 'Cert', '', '', 'https://example.com/cert/123', ''],
      ['+14155550114', 'LeadiD', '', '', '', 'not-a-guid'],
      ['+14155550115', 'Fine', iso(Date.now() - DAY), '203.0.113.7', CERT, LEADID],
    ]);
    const view = await importFile(api, campaign.id, file);
    expect(view).toMatchObject({
      status: 'completed',
      importedRows: 1,
      failedRows: 5,
      errorCounts: { CONSENT_DATE_INVALID: 1, CONSENT_IN_FUTURE: 1, CONSENT_IP_INVALID: 1, TRUSTEDFORM_CERT_INVALID: 1, JORNAYA_LEADID_INVALID: 1 },
    });
    const report = readReport(await (await api.get(`/imports/${view.id}/errors.csv`)).text());
    const byCode = new Map(report.rows.map((r) => [r.error_codes, r.error_messages]));
    expect(byCode.get('CONSENT_DATE_INVALID')).toMatch(/"31\/11\/2026" in column "consent_at" is not a date.*2026-11-30T14:05:00Z/);
    expect(byCode.get('CONSENT_IN_FUTURE')).toMatch(/after this import started.*time zone/);
    expect(byCode.get('CONSENT_IP_INVALID')).toMatch(/"300.1.2.3" .*not an IP address/);
    expect(byCode.get('TRUSTEDFORM_CERT_INVALID')).toMatch(/https:\/\/cert.trustedform.com\//);
    expect(byCode.get('JORNAYA_LEADID_INVALID')).toMatch(/36 characters/);
  });
});

describe('consentPolicy', () => {
  it('defaults to none, is set on POST and PATCH, refused when malformed, and shapes the sample file', async () => {
    const { api, assistant, campaign } = await seededCampaign();
    expect(campaign.consentPolicy).toEqual({ require: 'none', maxAgeDays: null });
    expect((await (await api.get(`/campaigns/${campaign.id}/sample.csv`)).text())).not.toContain('consent_at');
    const made = await api.json(api.post('/campaigns', { name: 'Consented', assistantId: assistant.id, consentPolicy: { require: 'all', maxAgeDays: 90 } }));
    expect(made.consentPolicy).toEqual({ require: 'all', maxAgeDays: 90 });
    const sample = readReport(await (await api.get(`/campaigns/${made.id}/sample.csv`)).text());
    expect(sample.headers).toEqual(expect.arrayContaining(['consent_at', 'consent_url', 'consent_ip', 'consent_text', 'trustedform_cert_url', 'jornaya_leadid']));
    expect(sample.rows[0]!.consent_at).toMatch(/^'?2026-11-30T14:05:00Z$/);
    const patched = await api.json(api.patch(`/campaigns/${campaign.id}`, { consentPolicy: { require: 'mobile' } }));
    expect(patched.consentPolicy).toEqual({ require: 'mobile', maxAgeDays: null });
    for (const bad of [{ require: 'some' }, { require: 'all', maxAgeDays: 0 }, { require: 'all', maxAgeDays: 1.5 }, 'all']) {
      const res = await api.patch(`/campaigns/${campaign.id}`, { consentPolicy: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect((await res.json<any>()).error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('consentPolicy') });
    }
  });

  it('require mobile: numbers that may be mobile need consent, a landline does not; require all: every lead; maxAgeDays refuses older consent', async () => {
    const { api, assistant } = await seededCampaign();
    const mobile = await api.json(api.post('/campaigns', { name: 'Mobile', assistantId: assistant.id, consentPolicy: { require: 'mobile', maxAgeDays: 30 } }));
    // +1 415… may be mobile (FIXED_LINE_OR_MOBILE); +44 20… is a London landline; +44 7400… a UK mobile.
    const file = csv([
      ['phone_number', 'customer_name', 'consent_at'],
      ['+14155550120', 'NoConsent', ''],
      ['+442079460958', 'Landline', ''],
      ['+447400123456', 'UkMobile', iso(Date.now() - 40 * DAY)],
      ['+14155550121', 'Recent', iso(Date.now() - 29 * DAY)],
    ]);
    const view = await importFile(api, mobile.id, file);
    expect(view).toMatchObject({ importedRows: 2, failedRows: 2, errorCounts: { CONSENT_REQUIRED: 1, CONSENT_EXPIRED: 1 } });
    const imported = [...(await leadsByPhone(api, mobile.id)).keys()].sort();
    expect(imported).toEqual(['+14155550121', '+442079460958']);

    const all = await api.json(api.post('/campaigns', { name: 'All', assistantId: assistant.id, consentPolicy: { require: 'all' } }));
    // A file without the column: every row needs it.
    const noColumn = await importFile(api, all.id, csv([['phone_number', 'customer_name'], ['+442079460958', 'Landline']]));
    expect(noColumn).toMatchObject({ importedRows: 0, failedRows: 1, errorCounts: { CONSENT_REQUIRED: 1 } });
    const report = readReport(await (await api.get(`/imports/${noColumn.id}/errors.csv`)).text());
    expect(report.rows[0]!.error_messages).toMatch(/requires consent for every lead, and the file has no consent date column.*Ask the lead's seller/);
    // ignoreErrors off: nothing is written.
    const strict = await importFile(api, all.id, csv([['phone_number', 'customer_name', 'consent_at'], ['+14155550130', 'A', iso(Date.now() - DAY)], ['+14155550131', 'B', '']]), 'ignoreErrors=false');
    expect(strict).toMatchObject({ status: 'failed', importedRows: 0, errorCounts: { CONSENT_REQUIRED: 1 } });
  });

  it("judges consent against the import's start, not the clock when a chunk runs; a policy changed after the start does not apply", async () => {
    const { api, assistant } = await seededCampaign();
    const c = await api.json(api.post('/campaigns', { name: 'Aged', assistantId: assistant.id, consentPolicy: { require: 'all', maxAgeDays: 10 } }));
    // A browser import whose chunk the queue validates long after it started (a stalled queue): the
    // start is set 20 days back in its Durable Object, as if it had waited that long.
    const created = await api.json(api.post('/imports', { campaignId: c.id, fileName: 'b.csv', headers: ['phone_number', 'customer_name', 'consent_at'], ignoreErrors: true }));
    const start = Date.now() - 20 * DAY;
    await runInDurableObject(env.IMPORTS.get(env.IMPORTS.idFromName(created.id)), async (_obj, state) => {
      const config = (await state.storage.get<any>('config'))!;
      await state.storage.put('config', { ...config, createdAt: iso(start) });
    });
    // 9 days before the start (29 days before now) is fine; 3 days after the start (17 before now) is in the future for it.
    const rows = [
      { row: 1, cells: ['+14155550140', 'A', iso(start - 9 * DAY)] },
      { row: 2, cells: ['+14155550141', 'B', iso(start + 3 * DAY)] },
    ];
    const put = await api.put(`/imports/${created.id}/chunks/0`, { v: 1, index: 0, rows });
    expect(put.status, await put.clone().text()).toBeLessThan(300);
    // The campaign's policy changes after the import started: the import keeps its own.
    await api.patch(`/campaigns/${c.id}`, { consentPolicy: { require: 'all', maxAgeDays: 1 } });
    const started = await api.post(`/imports/${created.id}/start`, { chunkCount: 1 });
    expect(started.status, await started.clone().text()).toBeLessThan(300);
    const done = await waitForEnd(api, created.id);
    expect(done).toMatchObject({ status: 'completed', importedRows: 1, failedRows: 1, errorCounts: { CONSENT_IN_FUTURE: 1 } });
    expect([...(await leadsByPhone(api, c.id)).keys()]).toEqual(['+14155550140']);
  });
});
