/**
 * The completion email's import link, opened in a browser that has never signed in: the page shows
 * the counts and downloads the error report, with no API token anywhere.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { launch } from './browser.ts';
import { decodeMail } from '../mail.ts';
import { awaitMail } from './sent-mail.ts';
import { fileWorkspace } from './workspace.ts';
import { axeScan } from './axe.ts';

const WS = fileWorkspace(import.meta.url);


let context: BrowserContext;
beforeAll(async () => {
  context = await launch();
});
afterAll(async () => {
  await context?.close();
});

it('opens the import page from the email link without a token, shows the counts and downloads the error report', async () => {
  const base = inject('baseUrl');
  const recipient = `links-${Date.now()}@example.com`;
  const csv = 'phone_number,customer_name\r\n+14152009801,Ann\r\nnot a phone,Bob\r\n+14152009803,Cy\r\n';
  const res = await fetch(`${base}/api/v1/campaigns/${WS.campaignId}/imports?fileName=${encodeURIComponent('Frühjahr links.csv')}&ignoreErrors=true&notifyEmail=${recipient}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${WS.token}`, 'Content-Type': 'text/csv' },
    body: csv,
  });
  expect(res.status).toBe(201);
  expect(await res.json()).toMatchObject({ status: 'completed', importedRows: 2, failedRows: 1 });

  const sent = await awaitMail(base, (m) => m.to.includes(recipient));
  expect(sent, 'no email was sent: does .dev.vars have LINK_SIGNING_KEY? (copy the line from .dev.vars.example)').toBeTruthy();
  // miniflare parsed the message with postal-mime: the encoded subject reads back as it was written.
  expect(sent!.subject).toBe('Lead import completed: Frühjahr links.csv → Demo campaign (2 imported, 1 failed)');
  // The list gives the parsed fields; one email's details carry the raw MIME.
  const detail = (await (await fetch(`${base}/cdn-cgi/local/explorer/api/local/email/sending?email_id=${encodeURIComponent(sent!.messageId)}`)).json()) as { result: { rawBase64: string } };
  const mail = decodeMail(Buffer.from(detail.result.rawBase64, 'base64').toString('latin1'));
  const pageLink = /^Open the import: (\S+)$/m.exec(mail.text)?.[1];
  expect(pageLink).toMatch(new RegExp(`^${base}/imports/imp_\\w+\\?exp=\\d+&sig=[0-9a-f]{64}$`));
  expect(mail.html).toContain(`href="${pageLink!.replace(/&/g, '&amp;')}"`);

  // A fresh browser: nothing stored, no Authorization header on any request.
  const fresh = await launch();
  try {
    const page = await fresh.newPage();
    const authorised: string[] = [];
    page.on('request', (r) => {
      if (r.headers()['authorization']) authorised.push(r.url());
    });
    await page.goto(pageLink!);
    await page.getByTestId('import-status').filter({ hasText: 'completed' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('imported').textContent()).toBe('2');
    expect(await page.getByTestId('failed').textContent()).toBe('1');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Frühjahr links.csv');
    expect(await page.getByText('Campaign: Demo campaign').count()).toBe(1);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download error report' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Fr_hjahr_links-errors.csv');
    const report = readFileSync((await file.path())!, 'utf8');
    expect(report).toContain('not a phone');
    expect(report).toContain('PHONE_INVALID');
    expect(report).not.toContain('Ann');

    expect(await fresh.cookies()).toEqual([]);
    expect(authorised).toEqual([]);
    const scan = await axeScan(page);
    expect(scan.violations.map((v) => v.id)).toEqual([]);

    // The same page with a tampered signature says so instead of showing the import.
    const tampered = pageLink!.replace(/sig=(.)/, (_, c: string) => `sig=${c === 'a' ? 'b' : 'a'}`);
    await page.goto(tampered);
    await page.getByRole('alert').filter({ hasText: /not valid/ }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('imported').count()).toBe(0);
  } finally {
    await fresh.close();
  }
});
