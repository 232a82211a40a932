/**
 * Consent in Chromium against wrangler dev: the campaign settings page takes a consent policy (each
 * choice explained) and the fresh-lists setting, axe-clean; the wizard's preview then refuses the
 * rows that break it and the malformed evidence, with the same codes the import gives, and maps the
 * sellers' column names (leadid_token, xxTrustedFormCertUrl) on its own.
 */
import { cellProblem } from './cell-problem.ts';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { signInContext } from './sign-in.ts';
import { launch } from './browser.ts';
import { fileWorkspace } from './workspace.ts';
import { axeScan } from './axe.ts';

const WS = fileWorkspace(import.meta.url);

let context: BrowserContext;
let campaignId = '';

async function apiCall(path: string, init: RequestInit = {}) {
  return fetch(`${inject('baseUrl')}/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${WS.token}`, 'Content-Type': 'application/json', ...init.headers } });
}

async function axe(page: Page, where: string) {
  const scan = await axeScan(page);
  expect(scan.violations.map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

beforeAll(async () => {
  const res = await apiCall('/campaigns', { method: 'POST', body: JSON.stringify({ name: `Consent test ${Date.now()}`, assistantId: WS.assistantId, defaultCountry: 'US' }) });
  expect(res.status).toBe(201);
  campaignId = ((await res.json()) as { id: string }).id;
  context = await launch();
  await signInContext(context, inject('baseUrl'), WS.ownerEmail);
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}/`);
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  await page.close();
});
afterAll(async () => {
  await context?.close();
});

const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 19) + 'Z';

it('saves a consent policy from the settings page, then the preview refuses the rows that break it', async () => {
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}/campaigns/${campaignId}/settings`);
  await page.getByRole('heading', { name: 'Consent', exact: true }).waitFor({ timeout: 30_000 });
  await page.getByText('The TCPA is strictest about automated calls to mobile phones').waitFor();
  await page.getByLabel(/Required for every lead/).check();
  await page.getByLabel('Oldest consent accepted (days)').fill('30');
  await page.getByLabel('Refuse imports while a registry copy is out of date').check();
  await axe(page, 'settings');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Saved.').waitFor();
  const saved = (await (await apiCall(`/campaigns/${campaignId}`)).json()) as { consentPolicy: unknown; requireFreshLists: boolean };
  expect(saved).toMatchObject({ consentPolicy: { require: 'all', maxAgeDays: 30 }, requireFreshLists: true });
  // A bad age is refused before saving, with the schema's words.
  await page.getByLabel('Oldest consent accepted (days)').fill('0');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText(/maxAgeDays is at least 1/).waitFor();
  await page.getByLabel('Oldest consent accepted (days)').fill('30');
  await page.getByLabel('Refuse imports while a registry copy is out of date').uncheck();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Saved.').waitFor();

  const file = [
    'phone_number,customer_name,consent_at,leadid_token,xxTrustedFormCertUrl',
    `+1 212 555 0123,Fresh Fay,${iso(2)},5C7E0F2A-9B1D-4E3F-8A6B-0D2C4E6F8A1B,https://cert.trustedform.com/2b8f0e6f0b6b4c7e9f1a2d3c4b5a69788796a5b4`,
    '+1 415 555 0132,No Consent,,,',
    `+1 415 555 0177,Old Olga,${iso(45)},,`,
    `+1 646 555 0100,Bad Token,${iso(1)},12345,`,
  ].join('\n');
  await page.goto(`${inject('baseUrl')}/import?campaign=${campaignId}`);
  await page.getByText('Columns the assistant').waitFor({ timeout: 30_000 });
  await page.locator('#file').setInputFiles({ name: 'consent.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await page.getByText(/4 rows read, 3 with errors/).first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByLabel('Row 4, customer_name').waitFor({ timeout: 30_000 });
  const errors = page.getByRole('table', { name: 'Errors by type' });
  for (const code of ['CONSENT_REQUIRED', 'CONSENT_EXPIRED', 'JORNAYA_LEADID_INVALID']) await errors.getByText(code).waitFor();
  expect(await cellProblem(page, 'Row 3, consent_at')).toMatch(/more than 30 days before this import started/);
  expect(await cellProblem(page, 'Row 4, leadid_token')).toMatch(/"12345" in column "leadid_token" is not a Jornaya LeadiD/);
  await page.close();
});
