/**
 * Signed links in the completion email: opened without an API token, for that import and that
 * resource only, for 7 days; a tampered or expired link answers 403.
 */
import { describe, expect, it } from 'vitest';
import { env, SELF, createExecutionContext } from 'cloudflare:test';
import { seededCampaign } from './helpers.ts';
import { decodeMail, type DecodedMail } from '../mail.ts';
import { validatePass } from '../../workers/revalidate/validate-pass.ts';
import { writePass } from '../../workers/write/write-pass.ts';
import { finalizeImport } from '../../workers/report/finalize.ts';
import { coordinator } from '../../workers/coordinator/coordinator.ts';
import { sendImportEmail } from '../../workers/notify/send-email.ts';
import { sentEmailOf } from './outbox-helpers.ts';
import { signedQuery } from '../../workers/links/sign.ts';
import { app } from '../../workers/api/app.ts';
import { deleteExpiredReports } from '../../workers/retention/retention.ts';
import type { Env } from '../../workers/env.ts';

/** Runs a small browser-path import to its end; returns the import and its completion email (sent by the outbox's consumer). */
async function importWithEmail() {
  const ctx = await seededCampaign();
  const { api, campaign, workspaceId } = ctx;
  const created = await api.json(
    api.post('/imports', { campaignId: campaign.id, fileName: 'Frühjahr <b>list</b>.csv', headers: ['phone_number', 'customer_name'], totalRows: 3, ignoreErrors: true, notifyEmail: 'ops@example.com' }),
  );
  const rows = [
    { row: 1, cells: ['+14152000601', 'Ann'] },
    { row: 2, cells: ['not a phone', 'Bob'] },
    { row: 3, cells: ['+14152000603', 'Cy'] },
  ];
  expect((await api.put(`/imports/${created.id}/chunks/0`, { v: 1, index: 0, rows })).status).toBe(200);
  await coordinator(env, created.id).seal(1);
  await validatePass(env, workspaceId, created.id, 0);
  await writePass(env, workspaceId, created.id, 0);
  const view = await finalizeImport(env, workspaceId, created.id);
  const sent = await sentEmailOf(created.id);
  return { ...ctx, id: created.id as string, view, envelope: sent, mail: decodeMail(sent.raw) };
}

/** The links of an email, from the plain text and from the HTML's hrefs. */
function linksOf(mail: DecodedMail) {
  const text = [...mail.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
  const html = [...mail.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  return { text, html };
}

/** Fetches a link through the Worker with no Authorization header at all. */
const open = (url: string) => {
  const u = new URL(url, 'http://example.com');
  return SELF.fetch(`http://example.com${u.pathname}${u.search}`);
};
/** The page link's data route: the SPA page at /imports/{id} reads /api/v1/links/imports/{id} with the same query. */
const pageData = (pageUrl: string) => {
  const u = new URL(pageUrl);
  return open(`/api/v1/links${u.pathname}${u.search}`);
};

describe('signed links in the completion email', () => {
  it('puts the three signed links in both the text and the HTML part, as buttons with clear text', async () => {
    const { id, mail, envelope, campaign } = await importWithEmail();
    expect(envelope).toMatchObject({ from: 'imports@example.com', to: 'ops@example.com' });
    expect(mail.subject).toBe(`Lead import completed: Frühjahr <b>list</b>.csv → ${campaign.name} (2 imported, 1 failed)`);
    const { text, html } = linksOf(mail);
    expect(text).toHaveLength(3);
    expect(html).toEqual(text);
    const [page, report, leads] = text.map((u) => new URL(u));
    expect(page!.pathname).toBe(`/imports/${id}`);
    expect(report!.pathname).toBe(`/api/v1/links/imports/${id}/errors.csv`);
    expect(leads!.pathname).toBe(`/api/v1/links/imports/${id}/leads.csv`);
    for (const u of [page!, report!, leads!]) {
      expect(u.origin).toBe(env.APP_URL);
      expect(u.searchParams.get('sig')).toMatch(/^[0-9a-f]{64}$/);
      const days = (Number(u.searchParams.get('exp')) - Date.now() / 1000) / 86400;
      expect(days).toBeGreaterThan(6.99);
      expect(days).toBeLessThanOrEqual(7);
    }
    expect(mail.html).toMatch(/>Open the import<\/a>/);
    expect(mail.html).toMatch(/>Download the error report \(CSV\)<\/a>/);
    expect(mail.html).toMatch(/>Download the imported leads \(CSV\)<\/a>/);
    // User text is escaped in HTML, and the guidance for the error is there.
    expect(mail.html).toContain('Frühjahr &lt;b&gt;list&lt;/b&gt;.csv');
    expect(mail.html).not.toContain('<b>list</b>');
    expect(mail.text).toMatch(/PHONE_INVALID: 1 row\n {4}How to fix: /);
    expect(mail.text).not.toMatch(/Ann|14152000601/);
  });

  it('opens each link without any Authorization header: the import view, the error report and the leads', async () => {
    const { id, mail, campaign } = await importWithEmail();
    const [pageUrl, reportUrl, leadsUrl] = linksOf(mail).text;
    // The API routes themselves still need a token.
    expect((await open(`/api/v1/imports/${id}/errors.csv`)).status).toBe(401);

    const page = await pageData(pageUrl!);
    expect(page.status).toBe(200);
    const view = await page.json<any>();
    expect(view).toMatchObject({ id, status: 'completed', importedRows: 2, failedRows: 1, campaignName: campaign.name });

    const report = await open(reportUrl!);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(report.headers.get('content-disposition')).toMatch(/attachment; filename=".*-errors\.csv"/);
    const reportText = await report.text();
    expect(reportText).toContain('not a phone');
    expect(reportText).toContain('PHONE_INVALID');
    expect(reportText).not.toContain('+14152000601');

    const leads = await open(leadsUrl!);
    expect(leads.status).toBe(200);
    const leadLines = (await leads.text()).replace(/^\uFEFF/, '').trim().split(/\r\n/);
    expect(leadLines[0]).toMatch(/^phone_number,customer_name/);
    expect(leadLines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(["'+14152000601,Ann", "'+14152000603,Cy"]);

    // The page's own download links (signed by the server, expiring with the page link) work too.
    for (const [link, needle] of [[view.links.report, 'not a phone'], [view.links.leads, 'Cy']] as const) {
      const res = await open(link);
      expect(res.status, link).toBe(200);
      expect(await res.text()).toContain(needle);
    }
    expect(view.links.expiresAt).toBe(new Date(Number(new URL(pageUrl!).searchParams.get('exp')) * 1000).toISOString());
  });

  it('answers 403 LINK_INVALID to a tampered link and LINK_EXPIRED to an expired one', async () => {
    const { id, mail } = await importWithEmail();
    const [pageUrl, reportUrl, leadsUrl] = linksOf(mail).text;
    const tamper = (url: string, f: (q: URLSearchParams) => void) => {
      const u = new URL(url);
      f(u.searchParams);
      return u.toString();
    };
    const flip = (s: string) => (s[0] === 'a' ? 'b' : 'a') + s.slice(1);
    const cases = [
      tamper(reportUrl!, (q) => q.set('sig', flip(q.get('sig')!))),
      tamper(reportUrl!, (q) => q.set('exp', String(Number(q.get('exp')) + 1))),
      tamper(reportUrl!, (q) => q.delete('sig')),
      tamper(reportUrl!, (q) => q.set('sig', 'zz')),
      // The error report's signature on the leads, and the page's on a download: each link names one resource.
      `${leadsUrl!.split('?')[0]}?${reportUrl!.split('?')[1]}`,
      `${reportUrl!.split('?')[0]}?${new URL(pageUrl!).search.slice(1)}`,
    ];
    for (const url of cases) {
      const res = await open(url);
      expect(res.status, url).toBe(403);
      expect(await res.json<any>(), url).toEqual({ error: { code: 'LINK_INVALID', message: expect.stringMatching(/not valid/) } });
    }
    const tamperedPage = await pageData(tamper(pageUrl!, (q) => q.set('sig', flip(q.get('sig')!))));
    expect(tamperedPage.status).toBe(403);

    const expiredQuery = await signedQuery(env.LINK_SIGNING_KEY!, 'errors', id, { exp: Math.floor(Date.now() / 1000) - 60 });
    const expired = await open(`/api/v1/links/imports/${id}/errors.csv?${expiredQuery}`);
    expect(expired.status).toBe(403);
    expect(await expired.json<any>()).toEqual({ error: { code: 'LINK_EXPIRED', message: expect.stringMatching(/expired/) } });
  });

  it("serves only the import it was signed for: import A's link with import B's id is refused", async () => {
    const a = await importWithEmail();
    const b = await importWithEmail();
    const [, reportA, leadsA] = linksOf(a.mail).text;
    for (const link of [reportA!, leadsA!]) {
      const res = await open(link.replace(a.id, b.id));
      expect(res.status).toBe(403);
      expect((await res.json<any>()).error.code).toBe('LINK_INVALID');
    }
    const pageA = linksOf(a.mail).text[0]!;
    expect((await pageData(pageA.replace(a.id, b.id))).status).toBe(403);
  });

  it('answers 410 REPORT_EXPIRED to an authentic link once retention deleted the error report, as the token route does', async () => {
    const { id, mail, view, api } = await importWithEmail();
    const [, reportUrl, leadsUrl] = linksOf(mail).text;
    expect((await open(reportUrl!)).status).toBe(200);
    // The hourly retention, run as at 31 days after the end: the report (30 days) is deleted.
    // (Earlier tests' imports in this file are deleted too: the count is not this test's subject.)
    await deleteExpiredReports(env, Date.parse(view.finishedAt!) + 31 * 86_400_000);
    for (const res of [await open(reportUrl!), await api.get(`/imports/${id}/errors.csv`)]) {
      expect(res.status).toBe(410);
      expect(await res.json<any>()).toEqual({ error: { code: 'REPORT_EXPIRED', message: expect.stringMatching(/kept 30 days/) } });
    }
    // The leads it wrote are still there (retention deletes files, not leads).
    expect((await open(leadsUrl!)).status).toBe(200);
  });

  it('answers 404 to an authentic link whose import does not exist', async () => {
    const query = await signedQuery(env.LINK_SIGNING_KEY!, 'errors', 'imp_doesnotexist');
    const res = await open(`/api/v1/links/imports/imp_doesnotexist/errors.csv?${query}`);
    expect(res.status).toBe(404);
    expect((await res.json<any>()).error.code).toBe('NOT_FOUND');
  });

  it('answers a clear 500 when the Worker has no signing key, and sends no email with unusable links', async () => {
    const query = await signedQuery(env.LINK_SIGNING_KEY!, 'page', 'imp_x');
    const noKey = { ...(env as Env), LINK_SIGNING_KEY: undefined };
    const res = await app.fetch(new Request(`http://example.com/api/v1/links/imports/imp_x?${query}`), noKey, createExecutionContext());
    expect(res.status).toBe(500);
    expect((await res.json<any>()).error.code).toBe('LINK_SIGNING_KEY_MISSING');
    const { view } = await importWithEmail();
    let sent = 0;
    const mailEnv = { ...noKey, EMAIL: { send: async () => (sent++, { messageId: 'x' }) } as unknown as SendEmail };
    expect(await sendImportEmail(mailEnv, 'ops@example.com', view, 'Spring')).toBe(false);
    expect(sent).toBe(0);
  });

  it('the local send_email binding accepts the MIME message (it parses it and checks Message-ID and From)', async () => {
    const { view } = await importWithEmail();
    expect(await sendImportEmail(env as Env, 'ops@example.com', view, 'Frühling ✓')).toBe(true);
  });
});
