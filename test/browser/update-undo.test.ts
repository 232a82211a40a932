/**
 * The duplicate policy and undo through the wizard: a file creates leads; a second file with
 * changed values and a new secondary phone, imported with "Update", shows the create/update counts
 * in the preview and changes the leads (checked through the API); undoing it from its page brings
 * the first file's values back, and undoing the first import leaves no leads. The import page and
 * the undo dialog are axe-clean (screenshots: design.test.ts).
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { signInContext } from './sign-in.ts';
import { launch } from './browser.ts';
import { fileWorkspace } from './workspace.ts';
import { axeScan } from './axe.ts';

const WS = fileWorkspace(import.meta.url);

let context: BrowserContext;
let campaignId = '';
const base = () => inject('baseUrl');
const auth = () => ({ Authorization: `Bearer ${WS.token}` });

beforeAll(async () => {
  const res = await fetch(`${base()}/api/v1/campaigns`, {
    method: 'POST',
    headers: { ...auth(), 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: `Update and undo ${Date.now()}`, assistantId: WS.assistantId, defaultCountry: 'US' }),
  });
  expect(res.status).toBe(201);
  campaignId = ((await res.json()) as { id: string }).id;
  context = await launch();
  await signInContext(context, inject('baseUrl'), WS.ownerEmail);
  const page = await context.newPage();
  await page.goto(`${base()}/`);
  await page.getByRole('link', { name: 'Demo campaign' }).waitFor({ timeout: 30_000 });
  await page.close();
});
afterAll(async () => {
  await context?.close();
});

interface Lead {
  phoneNumber: string;
  variables: Record<string, string | number | boolean | null>;
  secondaryContacts: { phoneNumber: string }[];
}

async function leads(): Promise<Record<string, Lead>> {
  const res = await fetch(`${base()}/api/v1/campaigns/${campaignId}/leads?limit=100`, { headers: auth() });
  expect(res.status).toBe(200);
  const items = ((await res.json()) as { items: Lead[] }).items;
  return Object.fromEntries(items.map((l) => [l.phoneNumber, l]));
}

async function axe(page: Page, where: string) {
  const scan = await axeScan(page);
  expect(scan.violations.map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

/** Through the wizard up to the preview, with the file's rows validated. */
async function toPreview(page: Page, name: string, csv: string, rows: number): Promise<void> {
  await page.goto(`${base()}/import?campaign=${campaignId}`);
  await page.getByText('Columns the assistant').waitFor({ timeout: 30_000 });
  await page.locator('#file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByText(new RegExp(`${rows} rows read, 0 with errors`)).first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByLabel('Row 1, customer_name').waitFor();
}

async function importAndWait(page: Page, label: string): Promise<string> {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.waitForURL(/\/imports\/[^/]+$/, { timeout: 60_000 });
  try {
    await page.locator('[data-testid="import-status"]', { hasText: 'completed' }).waitFor({ timeout: 60_000 });
  } catch (e) {
    throw new Error(`Import did not complete:\n${await page.locator('main').innerText()}`, { cause: e });
  }
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

async function undo(page: Page, checkDialog = false): Promise<void> {
  await page.getByRole('button', { name: 'Undo this import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Undo this import?' });
  await dialog.waitFor();
  if (checkDialog) await axe(page, 'undo dialog:');
  await dialog.getByRole('button', { name: 'Undo import' }).click();
  try {
    await page.locator('[data-testid="import-status"]', { hasText: 'undone' }).waitFor({ timeout: 60_000 });
  } catch (e) {
    throw new Error(`Undo did not finish:\n${await page.locator('main').innerText()}`, { cause: e });
  }
}

const A = '+14155552001';
const B = '+14155552002';
const C = '+14155552003';
const D = '+14155552004';
const A2 = '+14155552091';

it('imports, updates through the wizard with the preview counts, and undoes both imports exactly', async () => {
  const page = await context.newPage();
  const first = [
    'phone_number,customer_name,company,budget_range,secondary_phone_1',
    `${A},Ann Lee,Acme,10k-50k,`,
    `${B},Bo Chan,Beta,5k-10k,`,
    `${C},Cy Diaz,Gamma,50k-100k,`,
  ].join('\n');
  await toPreview(page, 'first.csv', first, 3);
  await page.getByText('None of the 3 rows without errors is in the campaign yet').waitFor({ timeout: 30_000 });
  const firstId = await importAndWait(page, 'Import 3 leads');
  expect(await page.getByTestId('created').textContent()).toBe('3');
  expect(Object.keys(await leads()).sort()).toEqual([A, B, C]);

  // The second file: A gets a new company and a secondary phone, B a new budget (its empty company
  // cell keeps the old company), D is new.
  const second = [
    'phone_number,customer_name,company,budget_range,secondary_phone_1',
    `${A},Ann Lee,Acme Two,10k-50k,${A2}`,
    `${B},Bo Chan,,100k+,`,
    `${D},Di Evans,Delta,5k-10k,`,
  ].join('\n');
  await toPreview(page, 'second.csv', second, 3);
  // Under the default "Skip" with "Ignore errors" off, the two known numbers are the only problem:
  // they would be skipped anyway, so one click imports the rest (the report-only press stays beside it).
  await page.getByTestId('will-skip').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('will-skip').textContent()).toMatch(/2 already in the campaign will be skipped and listed in the import's report/);
  await expect.poll(() => page.getByTestId('import-rest').textContent()).toBe('Import 1 lead, skip 2 rows');
  expect(await page.getByRole('button', { name: /nothing is imported/ }).count()).toBe(1);
  await page.getByRole('radio', { name: 'Update', exact: true }).check();
  await page.getByTestId('will-update').waitFor();
  expect(await page.getByTestId('will-update').textContent()).toBe('2');
  expect(await page.getByTestId('will-create').textContent()).toBe('1');
  expect(await page.locator('#import-note').textContent()).toMatch(/1 lead will be added to the campaign and 2 leads already in it updated/);
  const secondId = await importAndWait(page, 'Import 3 leads: create 1, update 2');
  expect(await page.getByTestId('created').textContent()).toBe('1');
  expect(await page.getByTestId('updated').textContent()).toBe('2');
  const legend = await page.getByRole('figure').getByRole('listitem').allTextContents();
  expect(legend.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(['Created: 1 row', 'Updated: 2 rows']);

  const updated = await leads();
  expect(Object.keys(updated).sort()).toEqual([A, B, C, D]);
  expect(updated[A]!.variables).toMatchObject({ customer_name: 'Ann Lee', company: 'Acme Two' });
  expect(updated[A]!.secondaryContacts.map((c) => c.phoneNumber)).toEqual([A2]);
  expect(updated[B]!.variables).toMatchObject({ company: 'Beta', budget_range: '100k+' });

  // The imports list shows both, with created and updated.
  await page.goto(`${base()}/imports`);
  const row = page.getByRole('row', { name: /second\.csv/ });
  await row.waitFor();
  expect((await row.getByRole('cell').allTextContents()).map((t) => t.trim())).toEqual(expect.arrayContaining(['completed', '1', '2']));

  // Undo the second import from its page.
  await page.goto(`${base()}/imports/${secondId}`);
  await page.locator('[data-testid="import-status"]', { hasText: 'completed' }).waitFor({ timeout: 30_000 });
  await axe(page, 'import page:');
  await undo(page, true);
  // The page leads with the undo, in the words of what it did (1 created lead deleted, 2 updated ones restored).
  expect(await page.getByTestId('undo-summary').textContent()).toBe('1 lead this import created was deleted and 2 it updated got their values before it back.');
  expect(await page.getByTestId('import-summary').textContent()).toMatch(/^Undone: 1 lead this import created was deleted and 2 it updated/);
  expect(await page.locator('dl dt').first().textContent()).toBe('Undone');
  expect(await page.getByTestId('undone').textContent()).toBe('3');
  expect(await page.getByTestId('imported').count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Undo this import' }).count()).toBe(0);
  await axe(page, 'undone import page:');
  const restored = await leads();
  expect(Object.keys(restored).sort()).toEqual([A, B, C]);
  expect(restored[A]!.variables).toMatchObject({ customer_name: 'Ann Lee', company: 'Acme', budget_range: '10k-50k' });
  expect(restored[A]!.secondaryContacts).toEqual([]);
  expect(restored[B]!.variables).toMatchObject({ budget_range: '5k-10k' });

  await page.goto(`${base()}/imports`);
  await page.getByRole('row', { name: /second\.csv/ }).getByText('undone').waitFor();

  // Then the first: no leads left.
  await page.goto(`${base()}/imports/${firstId}`);
  await page.locator('[data-testid="import-status"]', { hasText: 'completed' }).waitFor({ timeout: 30_000 });
  await undo(page);
  expect(await leads()).toEqual({});
  await page.close();
});
