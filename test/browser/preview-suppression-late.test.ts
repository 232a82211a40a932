/**
 * The preview does not wait for the suppression list: against `wrangler dev`, with the packed list
 * held back (every request for it, the one the page makes as it opens included), the rows are read,
 * validated and shown, the summary says the do-not-call list is still being checked and the import
 * waits; once the list arrives the rows already shown are flagged and the counts follow.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
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
  const campaign = await api('/campaigns', { method: 'POST', body: JSON.stringify({ name: `Preview late DNC ${Date.now()}`, assistantId: WS.assistantId, defaultCountry: 'US' }) });
  expect(campaign.status).toBe(201);
  campaignId = ((await campaign.json()) as { id: string }).id;
  const added = await api('/suppressions', { method: 'POST', body: JSON.stringify({ phoneNumbers: ['+16175550142', '(617) 555-0143'], defaultCountry: 'US' }) });
  expect(added.status).toBe(200);
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

it('shows and validates the rows before the list arrives, says it is still checking, and flags the rows when it comes', async () => {
  const page = await context.newPage();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = 0;
  await page.route('**/api/v1/suppressions/packed', async (route) => {
    asked++;
    await released;
    await route.continue();
  });
  await page.goto(`${inject('baseUrl')}/`);
  await page.getByRole('link', { name: 'Demo campaign' }).waitFor({ timeout: 30_000 });
  await page.goto(`${inject('baseUrl')}/import?campaign=${campaignId}`);
  await page.getByText('Columns the assistant').waitFor({ timeout: 30_000 });
  // Asked for as the page opened, before any file was chosen.
  await expect.poll(() => asked).toBeGreaterThan(0);

  await page.locator('#file').setInputFiles({ name: 'dnc.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) });
  await page.getByText('4 rows read, 1 with errors; checking them against the do-not-call list…').first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByLabel('Row 4, customer_name').waitFor({ timeout: 30_000 });

  // Validated (row 4 repeats row 1), not yet checked against the list; the import waits for it.
  expect(await cellProblem(page, 'Row 4, phone_number')).toMatch(/duplicate of row 1/i);
  expect(await page.getByLabel('Row 1, phone_number').getAttribute('aria-invalid')).toBe('false');
  const readiness = page.getByRole('region', { name: 'Calling readiness' });
  await readiness.getByText(/Checking these rows against your workspace's do-not-call list/).waitFor();
  expect(await page.locator('p.counts').getAttribute('data-dnc')).toBe('checking');
  const importButton = page.locator('.go .nav button').last();
  expect(await importButton.isDisabled()).toBe(true);
  expect(await page.locator('#import-note').innerText()).toContain('do-not-call list');

  release();
  await page.getByText('4 rows read, 3 with errors.').first().waitFor({ timeout: 30_000 });
  await expect.poll(() => page.getByLabel('Row 1, phone_number').getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByLabel('Row 2, secondary_phone_1').getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByLabel('Row 3, phone_number').getAttribute('aria-invalid')).toBe('false');
  await expect.poll(async () => (await readiness.locator('.dnc').innerText()).trim()).toBe('2 on the do-not-call list');
  expect(await page.locator('p.counts').getAttribute('data-dnc')).toBe('checked');
  expect(await page.locator('p.counts').innerText()).toBe('4 rows: 1 ready, 3 with errors.');
  await expect.poll(() => importButton.isDisabled()).toBe(false);
  await page.close();
});
