/**
 * The wizard's mapping step on a CRM export: the header found below a title line (and another row
 * chosen), "Mobile" suggested as secondary_phone_1, and the confirmed mapping remembered for the
 * next file with the same headers, with its source and a reset.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { signInContext } from './sign-in.ts';
import { launch } from './browser.ts';
import { fileWorkspace } from './workspace.ts';

const WS = fileWorkspace(import.meta.url);

let context: BrowserContext;
let campaignId = '';
const base = () => inject('baseUrl');
const authed = (path: string, init: RequestInit = {}) =>
  fetch(`${base()}/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${WS.token}`, 'Content-Type': 'application/json', ...init.headers } });

beforeAll(async () => {
  const res = await authed('/campaigns', { method: 'POST', body: JSON.stringify({ name: `Mapping test ${Date.now()}`, assistantId: WS.assistantId, defaultCountry: 'US' }) });
  expect(res.status).toBe(201);
  campaignId = ((await res.json()) as { id: string }).id;
  context = await launch();
  await signInContext(context, inject('baseUrl'), WS.ownerEmail);
});
afterAll(async () => {
  await context?.close();
});

const HEADER = 'customer_name,Phone Number,Mobile,Firma';
const file = (rows: string[], title = true) => Buffer.from([...(title ? ['Leads export — November', ''] : []), HEADER, ...rows].join('\r\n'));

async function pickFile(page: Page, name: string, buffer: Buffer, rows: RegExp): Promise<void> {
  await page.goto(`${base()}/import?campaign=${campaignId}`);
  await page.getByText('Columns the assistant').waitFor({ timeout: 30_000 });
  await page.locator('#file').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.getByText(rows).first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Next: match columns' }).click();
}

it('finds the header below a title, suggests Mobile as a secondary phone, and remembers the confirmed mapping', async () => {
  const page = await context.newPage();
  await pickFile(page, 'leads-nov.csv', file(['Ann,+14155552301,+14155552302,Acme', 'Bo,+14155552303,,Beta']), /2 rows read, 0 with errors/);

  await expect.poll(() => page.getByTestId('header-row').innerText()).toMatch(/Header found on row 3 — the 2 lines above it are skipped/);
  expect(await page.getByLabel('Header row').inputValue()).toBe('3');
  expect(await page.getByLabel('Phone Number', { exact: true }).inputValue()).toBe('phone');
  expect(await page.getByLabel('Mobile', { exact: true }).inputValue()).toBe('sp:1');
  await page.getByText('Suggested: another phone number column').waitFor();

  // Another header row re-reads the file: the title has no phone column.
  await page.getByLabel('Header row').selectOption('1');
  await page.getByText('No column goes to the phone number').first().waitFor({ timeout: 30_000 });
  await page.getByLabel('Header row').selectOption('3');
  await expect.poll(() => page.getByLabel('Mobile', { exact: true }).inputValue(), { timeout: 30_000 }).toBe('sp:1');

  await page.getByRole('button', { name: 'Keep' }).click();
  expect(await page.getByText('Suggested: another phone number column').count()).toBe(0);
  await page.getByLabel('Firma', { exact: true }).selectOption('v:company');
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByRole('button', { name: /^Import .*leads$/ }).click();
  await page.waitForURL(/\/imports\/[^/]+$/, { timeout: 60_000 });
  await page.locator('[data-testid="import-status"]', { hasText: 'completed' }).waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('imported').textContent()).toBe('2');

  const leads = (await (await authed(`/campaigns/${campaignId}/leads`)).json()) as { items: { phoneNumber: string; variables: Record<string, unknown>; secondaryContacts: { phoneNumber: string }[] }[] };
  const ann = leads.items.find((l) => l.phoneNumber === '+14155552301')!;
  expect(ann.secondaryContacts.map((s) => s.phoneNumber)).toEqual(['+14155552302']);
  expect(ann.variables.company).toBe('Acme');

  // The next file with the same headers starts from the mapping confirmed above.
  await pickFile(page, 'leads-dec.csv', file(['Cy,+14155552304,,Gamma'], false), /1 row read/);
  await expect.poll(() => page.getByTestId('mapping-source').innerText(), { timeout: 30_000 }).toMatch(/as in leads-nov\.csv, \d{1,2} [A-Z][a-z]{2}/);
  expect(await page.getByLabel('Firma', { exact: true }).inputValue()).toBe('v:company');
  expect(await page.getByLabel('Mobile', { exact: true }).inputValue()).toBe('sp:1');
  expect(await page.getByText('Suggested: another phone number column').count()).toBe(0);

  // Reset: automatic matching again.
  await page.getByRole('button', { name: 'Reset to automatic matching' }).click();
  expect(await page.getByLabel('Firma', { exact: true }).inputValue()).toBe('ignore');
  expect(await page.getByTestId('mapping-source').count()).toBe(0);
  await page.getByText('Suggested: another phone number column').waitFor();

  // The remembered mapping answers after the person already changed a column (the request is held
  // until then): their choice stands, and the remembered one is offered instead of applied.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked!: () => void;
  const askedFor = new Promise<void>((resolve) => (asked = resolve));
  await page.route('**/mappings/match', async (route) => {
    asked();
    await held;
    await route.continue();
  });
  await pickFile(page, 'leads-jan.csv', file(['Di,+14155552305,,Delta'], false), /1 row read/);
  await askedFor;
  await page.getByLabel('Mobile', { exact: true }).selectOption('ignore');
  release();
  await page.getByTestId('remembered-later').filter({ hasText: /as in leads-nov\.csv, \d{1,2} [A-Z][a-z]{2}; your choices here are kept/ }).waitFor({ timeout: 30_000 });
  expect(await page.getByLabel('Mobile', { exact: true }).inputValue()).toBe('ignore');
  expect(await page.getByLabel('Firma', { exact: true }).inputValue()).toBe('ignore');
  expect(await page.getByTestId('mapping-source').count()).toBe(0);
  await page.getByRole('button', { name: 'Use that matching' }).click();
  await expect.poll(() => page.getByLabel('Firma', { exact: true }).inputValue()).toBe('v:company');
  expect(await page.getByLabel('Mobile', { exact: true }).inputValue()).toBe('sp:1');
  await page.getByTestId('mapping-source').waitFor();
  expect(await page.getByTestId('remembered-later').count()).toBe(0);
  await page.unroute('**/mappings/match');
  await page.close();
});

it('combines First and Last name into one variable, moves a destination another column holds, swaps the primary phone in one click, and adds a column to the assistant', async () => {
  const assistant = await authed('/assistants', { method: 'POST', body: JSON.stringify({ name: `Combine ${Date.now()}`, variables: [{ name: 'customer_name', type: 'text', required: true }] }) });
  expect(assistant.status).toBe(201);
  const assistantId = ((await assistant.json()) as { id: string }).id;
  const created = await authed('/campaigns', { method: 'POST', body: JSON.stringify({ name: `Combine test ${Date.now()}`, assistantId, defaultCountry: 'US' }) });
  const combineCampaign = ((await created.json()) as { id: string }).id;
  const page = await context.newPage();
  const csv = ['First Name,Last Name,Work Phone,Cell,Email', 'Ann,Lee,+14155552401,+14155552402,ann@example.com', 'Bo,Chan,+14155552403,+14155552404,bo@example.com'].join('\n');
  await page.goto(`${base()}/import?campaign=${combineCampaign}`);
  await page.getByText('Columns the assistant').waitFor({ timeout: 30_000 });
  await page.locator('#file').setInputFiles({ name: 'combine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByText(/2 rows read/).first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Next: match columns' }).click();

  // First + Last name → customer_name.
  await page.getByLabel('First Name', { exact: true }).selectOption('v:customer_name');
  await page.getByLabel('Last Name', { exact: true }).selectOption('v+:customer_name');
  await page.getByText('Combined: “First Name”, a space, then this column (“Ann Lee”).').waitFor();

  // Choosing the primary phone for "Cell" moves it: "Work Phone" goes nowhere, and says why.
  expect(await page.getByLabel('Work Phone', { exact: true }).inputValue()).toBe('phone');
  await page.getByLabel('Cell', { exact: true }).selectOption('phone');
  expect(await page.getByLabel('Work Phone', { exact: true }).inputValue()).toBe('ignore');
  expect(await page.getByTestId('moved-note').innerText()).toBe('Not imported: “Cell” now goes to Phone number (primary).');
  expect(await page.getByTestId('mapping-problems').count()).toBe(0);
  // Back as the secondary, then one click makes it the primary again.
  await page.getByLabel('Work Phone', { exact: true }).selectOption('sp:1');
  await page.getByRole('row', { name: /Work Phone/ }).getByRole('button', { name: 'Swap with the primary phone' }).click();
  expect(await page.getByLabel('Work Phone', { exact: true }).inputValue()).toBe('phone');
  expect(await page.getByLabel('Cell', { exact: true }).inputValue()).toBe('sp:1');

  // Email becomes a new variable of the assistant; the name proposed can be changed.
  await page.getByLabel('Email', { exact: true }).selectOption('new');
  await page.getByLabel('Name', { exact: true }).fill('work_email');
  await page.getByRole('button', { name: 'Add the variable' }).click();
  await expect.poll(() => page.getByLabel('Email', { exact: true }).inputValue()).toBe('v:work_email');
  const after = (await (await authed(`/assistants/${assistantId}`)).json()) as { variables: { name: string; type: string }[] };
  expect(after.variables).toEqual([{ name: 'customer_name', type: 'text', required: true }, { name: 'work_email', type: 'text' }]);

  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByRole('button', { name: 'Import 2 leads' }).click();
  await page.waitForURL(/\/imports\/[^/]+$/, { timeout: 60_000 });
  await page.locator('[data-testid="import-status"]', { hasText: 'completed' }).waitFor({ timeout: 60_000 });
  const leads = (await (await authed(`/campaigns/${combineCampaign}/leads`)).json()) as { items: { phoneNumber: string; variables: Record<string, unknown>; secondaryContacts: { phoneNumber: string }[] }[] };
  const ann = leads.items.find((l) => l.phoneNumber === '+14155552401')!;
  expect(ann.variables).toEqual({ customer_name: 'Ann Lee', work_email: 'ann@example.com' });
  expect(ann.secondaryContacts.map((s) => s.phoneNumber)).toEqual(['+14155552402']);
  await page.close();
});
