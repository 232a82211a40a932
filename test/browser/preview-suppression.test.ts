/**
 * The suppression list in the wizard's preview against `wrangler dev`: numbers listed through the
 * API flag the rows of a lead file before upload, primary (SUPPRESSED) and secondary
 * (SECONDARY_SUPPRESSED), with the server's messages, the human names and the counts; when the
 * list cannot be fetched, the preview says so.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { cellProblem } from './cell-problem.ts';
import { signInContext } from './sign-in.ts';
import { launch } from './browser.ts';
import { fileWorkspace } from './workspace.ts';

const WS = fileWorkspace(import.meta.url);

let context: BrowserContext;
let campaignId = '';
const api = (path: string, init: RequestInit = {}) =>
  fetch(`${inject('baseUrl')}/api/v1${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${WS.token}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });

beforeAll(async () => {
  const campaign = await api('/campaigns', { method: 'POST', body: JSON.stringify({ name: `Preview DNC ${Date.now()}`, assistantId: WS.assistantId, defaultCountry: 'US' }) });
  expect(campaign.status).toBe(201);
  campaignId = ((await campaign.json()) as { id: string }).id;
  const added = await api('/suppressions', { method: 'POST', body: JSON.stringify({ phoneNumbers: ['+16175550142', '(617) 555-0143'], defaultCountry: 'US', reason: 'asked' }) });
  expect(added.status).toBe(200);
  expect(((await added.json()) as { invalid: unknown[] }).invalid).toEqual([]);
  context = await launch();
  await signInContext(context, inject('baseUrl'), WS.ownerEmail);
});
afterAll(async () => {
  await context?.close();
});

const FILE = [
  'phone_number,customer_name,secondary_phone_1',
  '+1 617 555 0142,Listed Lee,',
  '+1 617 555 0150,Second Sam,617-555-0143',
  '+1 617 555 0151,Clean Cal,',
  '(617) 555-0142,Again Al,',
].join('\n');

async function preview(page: Page): Promise<void> {
  await page.goto(`${inject('baseUrl')}/`);
  await page.getByRole('link', { name: 'Demo campaign' }).waitFor({ timeout: 30_000 });
  await page.goto(`${inject('baseUrl')}/import?campaign=${campaignId}`);
  await page.getByText('Columns the assistant').waitFor({ timeout: 30_000 });
  await page.locator('#file').setInputFiles({ name: 'dnc.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) });
  await page.getByText(/4 rows read/).first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByLabel('Row 4, customer_name').waitFor({ timeout: 30_000 });
}

it('flags the listed primary and secondary numbers with the server messages, the human names and the counts', async () => {
  const page = await context.newPage();
  await preview(page);
  await page.getByText('4 rows read, 3 with errors.').first().waitFor();

  const phone = page.getByLabel('Row 1, phone_number');
  expect(await phone.getAttribute('aria-invalid')).toBe('true');
  expect(await cellProblem(page, 'Row 1, phone_number')).toContain("On the do-not-call list: This phone number is on the workspace's do-not-call (suppression) list.");
  const secondary = page.getByLabel('Row 2, secondary_phone_1');
  expect(await secondary.getAttribute('aria-invalid')).toBe('true');
  expect(await cellProblem(page, 'Row 2, secondary_phone_1')).toContain(
    'The secondary phone number "617-555-0143" in column "secondary_phone_1" is on the workspace\'s do-not-call (suppression) list.',
  );
  expect(await page.getByLabel('Row 3, phone_number').getAttribute('aria-invalid')).toBe('false');
  // The repeat of a listed number is a repeat, as on the server (the first occurrence is the suppressed row).
  expect(await cellProblem(page, 'Row 4, phone_number')).toMatch(/duplicate of row 1/i);

  const byType = page.getByRole('table', { name: 'Errors by type' });
  const count = async (name: string) => (await byType.getByRole('row').filter({ hasText: name }).locator('td.num').innerText()).trim();
  expect(await count('Secondary number on the do-not-call list')).toBe('1');
  expect(await byType.getByRole('row').filter({ hasText: 'SUPPRESSED' }).count()).toBe(2);
  expect(await byType.getByText('On the do-not-call list', { exact: true }).count()).toBe(1);
  await byType.getByText('SECONDARY_SUPPRESSED').waitFor();

  const readiness = page.getByRole('region', { name: 'Calling readiness' });
  expect((await readiness.locator('.dnc').innerText()).trim()).toBe('2 on the do-not-call list');
  await readiness.getByText(/Checked against the [\d,]+ numbers? on your workspace's list/).waitFor();

  // A cell edit is checked against the list too: the clean row given a listed number is flagged.
  const clean = page.getByLabel('Row 3, phone_number');
  await clean.fill('617 555 0143');
  await clean.press('Enter');
  await expect.poll(() => clean.getAttribute('aria-invalid')).toBe('true');
  expect(await cellProblem(page, 'Row 3, phone_number')).toContain("This phone number is on the workspace's do-not-call (suppression) list.");
  await expect.poll(async () => (await readiness.locator('.dnc').innerText()).trim()).toBe('3 on the do-not-call list');
  await page.close();
});

it('says the list could not be checked when it cannot be fetched, and shows the rows unchecked', async () => {
  const page = await context.newPage();
  await page.route('**/api/v1/suppressions/packed', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'Try again shortly.' } }) }));
  await preview(page);
  await page.getByText('4 rows read, 1 with errors.').first().waitFor();
  await page.getByText(/The do-not-call list couldn't be checked here \(Try again shortly\.\)\. The server still checks every row/).waitFor();
  expect(await page.getByLabel('Row 1, phone_number').getAttribute('aria-invalid')).toBe('false');
  await page.close();
});
