/**
 * Registry copies on the suppression page, in Chromium against wrangler dev: a registry download
 * (one number a line) previewed in the browser, uploaded as a source with its date and "Replace",
 * the sources table showing its count, its age and a stale badge, then a fresh copy replacing it;
 * axe-clean.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { signInContext } from './sign-in.ts';
import { launch } from './browser.ts';
import { fileWorkspace } from './workspace.ts';
import { axeScan } from './axe.ts';

const WS = fileWorkspace(import.meta.url);

let context: BrowserContext;
const base = () => inject('baseUrl');

async function apiCall(path: string) {
  return fetch(`${base()}/api/v1${path}`, { headers: { Authorization: `Bearer ${WS.token}` } });
}

async function sourcesOf(source: string): Promise<Record<string, unknown> | undefined> {
  return ((await (await apiCall('/suppressions/sources')).json()) as { items: { source: string }[] }).items.find((s) => s.source === source);
}

async function axe(page: Page, where: string) {
  const scan = await axeScan(page);
  expect(scan.violations.map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  context = await launch();
  await signInContext(context, base(), WS.ownerEmail);
  const page = await context.newPage();
  await page.goto(`${base()}/`);
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  await page.close();
});
afterAll(async () => {
  await context?.close();
});

/** Chooses the registry file, its source, date and "Replace", and uploads it once the preview says what it holds. */
async function uploadRegistry(page: Page, lines: string[], asOf: string, expectSummary: RegExp) {
  await page.getByLabel('Default country').selectOption('GB');
  await page.getByLabel('Source', { exact: true }).selectOption('uk-tps');
  await page.getByLabel('Date of this copy').fill(asOf);
  await page.getByLabel(/Replace this source's numbers/).check();
  await page.getByLabel(/CSV or Excel file/).setInputFiles({ name: `tps-${asOf}.txt`, mimeType: 'text/plain', buffer: Buffer.from(lines.join('\r\n') + '\r\n') });
  const summary = page.getByTestId('preview-summary');
  await summary.waitFor({ timeout: 30_000 });
  expect(await summary.textContent()).toMatch(expectSummary);
  const valid = lines.length - 1;
  await page.getByRole('button', { name: `Replace uk-tps with ${valid} ${valid === 1 ? 'number' : 'numbers'}` }).click();
  await page.getByTestId('upload-result').waitFor({ timeout: 60_000 });
}

describe('registry copies on the suppression page', () => {
  it('uploads a registry file with its date as a replace, shows the source stale, then fresh after a new copy', async () => {
    const page = await context.newPage();
    await page.goto(`${base()}/suppressions`);
    await page.getByRole('heading', { level: 1, name: 'Suppression list' }).waitFor({ timeout: 30_000 });
    await page.locator('#default-country option[value="GB"]').waitFor({ state: 'attached' });

    await uploadRegistry(page, ['02079460958', '07400123456', 'page 1 of 1'], daysAgo(40), /A registry download: one number a line.*1 line is not a valid number/s);
    expect(await page.getByTestId('upload-result').textContent()).toMatch(/2 added, 0 already on the list, 1 row not numbers/);
    const row = page.locator('[data-testid="source-row"][data-source="uk-tps"]');
    await row.getByTestId('stale-badge').waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toMatch(/UK Telephone Preference Service.*2.*40 days old.*at most 28 days old.*stale/s);
    expect(await sourcesOf('uk-tps')).toMatchObject({ count: 2, asOf: daysAgo(40), maxAgeDays: 28, stale: true });
    await axe(page, 'sources stale');

    // A fresh copy replaces the numbers and the badge.
    await uploadRegistry(page, ['07400123457', 'end'], daysAgo(0), /1 line is not a valid number/);
    // The stale row says "upload a fresh copy": wait for the stale badge to go, then read the fresh one.
    await row.getByTestId('stale-badge').waitFor({ state: 'detached', timeout: 30_000 });
    await row.getByText('fresh', { exact: true }).waitFor();
    expect(await sourcesOf('uk-tps')).toMatchObject({ count: 1, asOf: daysAgo(0), stale: false });
    const replaced = (await (await apiCall(`/suppressions?phoneNumber=${encodeURIComponent('+442079460958')}&source=uk-tps`)).json()) as { items: unknown[] };
    expect(replaced.items).toEqual([]);
    await page.getByLabel('Default country').selectOption('US');
    await page.getByLabel('Source', { exact: true }).selectOption('internal');
    await page.close();
  });
});
