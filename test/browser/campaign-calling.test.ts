/**
 * The campaign page and settings against `wrangler dev`: each lead's country, line type, time
 * zones, extension, do-not-call badge and next call; the "Callable now" and "Suppressed"
 * filters (both answered by the server); the chart of leads callable at each hour of today (checked against isCallableAt for the
 * page's own hours); axe-clean at 1280x800 and 390x844. The settings page edits
 * the calling window, blocked types and calling purpose (with the rules binding the campaign's
 * leads and their counts) with the API's messages, and shows the server's refusal.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { signInContext } from './sign-in.ts';
import { launch } from './browser.ts';
import { isCallableAt } from '../../src/lib/calling/callable.ts';
import { zonesOfSet, zoneSetIdOf } from '../../src/lib/calling/time-zones.ts';
import { fileWorkspace } from './workspace.ts';
import { axeScan } from './axe.ts';

const WS = fileWorkspace(import.meta.url);

let context: BrowserContext;
let campaignId = '';
const WINDOW = { start: '09:00', end: '09:30', days: [1, 2, 3, 4, 5, 6, 7] };
const NY = '+12125550160';
const LA = '+14155550161';
const BOISE_OR_LA = '+12083001234'; // America/Boise and America/Los_Angeles: never inside 09:00–09:30 in both
const BERLIN = '+4930901821';
const NY_EXT = '+12125550162';
const LISTED = '+12125550163';
const NUMBERS = [NY, LA, BOISE_OR_LA, BERLIN, NY_EXT, LISTED];

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${inject('baseUrl')}/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${WS.token}`, ...(init.headers ?? {}) } });

beforeAll(async () => {
  const res = await api('/campaigns', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: `Calling page ${Date.now()}`, assistantId: WS.assistantId, defaultCountry: 'US', callingWindow: WINDOW }),
  });
  expect(res.status).toBe(201);
  campaignId = ((await res.json()) as { id: string }).id;
  const file = ['phone_number,customer_name', ...NUMBERS.map((n, i) => `${n === NY_EXT ? `${n} ext 12` : n},Lead ${i}`)].join('\n');
  const imported = await api(`/campaigns/${campaignId}/imports?fileName=calling.csv&ignoreErrors=true`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: file });
  expect(imported.status, await imported.clone().text()).toBe(201);
  expect(((await imported.json()) as { importedRows: number }).importedRows).toBe(6);
  const listed = await api('/suppressions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phoneNumbers: [LISTED] }) });
  expect(listed.status).toBe(200);
  context = await launch();
  await signInContext(context, inject('baseUrl'), WS.ownerEmail);
});
afterAll(async () => {
  await context?.close();
});

async function axe(page: Page, where: string) {
  const scan = await axeScan(page);
  expect(scan.violations.map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

const row = (page: Page, phone: string) => page.locator(`tr[data-lead="${phone}"]`);
const shownLeads = async (page: Page) => (await page.locator('tr[data-lead]').evaluateAll((els) => els.map((e) => e.getAttribute('data-lead')!))).sort();

type ListedLead = { phoneNumber: string; callableWhen: string; heldBy: string[] };

/** Opens the campaign page; returns the leads the page itself was answered (what it must show). */
async function openCampaign(page: Page): Promise<ListedLead[]> {
  await page.goto(`${inject('baseUrl')}/`);
  await page.getByRole('link', { name: 'Demo campaign' }).waitFor({ timeout: 30_000 });
  const answered = page.waitForResponse((r) => r.url().includes(`/campaigns/${campaignId}/leads?`) && !r.url().includes('callableAt'));
  await page.goto(`${inject('baseUrl')}/campaigns/${campaignId}`);
  const leads = ((await (await answered).json()) as { items: ListedLead[] }).items;
  await row(page, NY).waitFor({ timeout: 30_000 });
  return leads;
}

it('shows each number\'s facts, the do-not-call badge and the next call, and filters', async () => {
  const page = await context.newPage();
  const answered = await openCampaign(page);
  const fact = (phone: string, name: string) => row(page, phone).locator(`[data-fact="${name}"]`);
  expect((await fact(NY, 'country').innerText()).trim()).toBe('US');
  expect(await fact(NY, 'type').locator('[title]').getAttribute('title')).toBe('FIXED_LINE_OR_MOBILE');
  expect((await fact(NY, 'type').innerText()).trim()).toBe('Landline or mobile');
  expect((await fact(BERLIN, 'country').innerText()).trim()).toBe('DE');
  expect((await fact(NY, 'zones').locator('[title]').innerText()).trim()).toBe('Eastern');
  const spanning = fact(BOISE_OR_LA, 'zones');
  expect((await spanning.locator('[title]').innerText()).trim()).toMatch(/^\w+ \+1 more$/);
  expect(await spanning.locator('[title]').getAttribute('title')).toMatch(/America\/Boise.*America\/Los_Angeles|America\/Los_Angeles.*America\/Boise/);
  expect(await spanning.locator('.sr-only').textContent()).toMatch(/America\/Boise/);
  expect((await fact(NY_EXT, 'extension').innerText()).trim()).toBe('12');
  expect((await fact(NY, 'extension').innerText()).trim()).toBe('');
  // Suppressed: a badge, and never called.
  expect(await row(page, LISTED).getByTestId('suppressed').count()).toBe(1);
  expect(await row(page, NY).getByTestId('suppressed').count()).toBe(0);
  expect((await fact(LISTED, 'next').innerText()).trim()).toBe('Not called (do-not-call list)');
  expect(await fact(BOISE_OR_LA, 'next').locator('[data-when]').innerText()).toBe('Never');
  // Every other lead: the words of the server's decision for it (the preview's words, same function), and what holds it back.
  const WORDS: Record<string, string> = { now: 'Callable now', laterToday: 'Later today', laterThisWeek: 'Later this week', never: 'Never' };
  for (const l of answered.filter((x) => x.phoneNumber !== LISTED)) {
    const text = await fact(l.phoneNumber, 'next').innerText();
    expect(text.startsWith(WORDS[l.callableWhen]!), `${l.phoneNumber}: ${text}`).toBe(true);
    if (l.heldBy.length) expect(text).toContain(l.heldBy[0]);
  }

  // One filter at a time, a segmented control: "Suppressed" asks the server too (?suppressed=true):
  // every suppressed lead, not only those loaded.
  const filters = page.getByRole('group', { name: 'Leads shown' });
  expect(await filters.getByRole('button').allInnerTexts()).toEqual(['All leads', 'Callable now', 'Suppressed']);
  await expect.poll(() => filters.getByRole('button', { name: 'All leads' }).getAttribute('aria-pressed')).toBe('true');
  const askedSuppressed = page.waitForRequest((r) => r.url().includes('suppressed=true'));
  await filters.getByRole('button', { name: 'Suppressed' }).click();
  await askedSuppressed;
  await expect.poll(() => shownLeads(page)).toEqual([LISTED]);
  await expect.poll(() => filters.getByRole('button', { name: 'Suppressed' }).getAttribute('aria-pressed')).toBe('true');
  await filters.getByRole('button', { name: 'All leads' }).click();
  await expect.poll(() => shownLeads(page)).toEqual([...NUMBERS].sort());

  // "Callable now" asks the server for that instant: the page shows exactly what the API answers for it.
  const asked = page.waitForRequest((r) => r.url().includes('callableAt='));
  await filters.getByRole('button', { name: 'Callable now' }).click();
  await expect.poll(() => filters.getByRole('button', { name: 'Suppressed' }).getAttribute('aria-pressed')).toBe('false');
  const at = new URL((await asked).url()).searchParams.get('callableAt')!;
  const expected = (((await (await api(`/campaigns/${campaignId}/leads?limit=100&callableAt=${encodeURIComponent(at)}`)).json()) as { items: { phoneNumber: string }[] }).items)
    .map((l) => l.phoneNumber)
    .sort();
  expect(expected).not.toContain(LISTED);
  expect(expected).not.toContain(BOISE_OR_LA);
  if (expected.length) await expect.poll(() => shownLeads(page)).toEqual(expected);
  else await page.getByText('No lead may be called now').waitFor();
  await page.close();
});

it('charts the leads callable at each hour of today under the window, with a table, axe-clean at both sizes', async () => {
  const page = await context.newPage();
  await openCampaign(page);
  const chart = page.getByTestId('hourly-chart');
  await chart.waitFor();
  expect(await chart.locator('figcaption').innerText()).toMatch(/Leads callable at each hour of today .*09:00–09:30, every day/);
  await chart.getByText('Show as a table').click();
  const cells = await chart.locator('tbody td.num').allInnerTexts();
  expect(cells).toHaveLength(24);
  // The page's own hours (its time zone), checked here with the same rule, one weight per lead.
  const hours = await page.evaluate(() => {
    const d = new Date();
    return Array.from({ length: 24 }, (_, h) => new Date(d.getFullYear(), d.getMonth(), d.getDate(), h).toISOString());
  });
  const zones = NUMBERS.filter((n) => n !== LISTED).map((n) => zonesOfSet(zoneSetIdOf(n, null)));
  const expected = hours.map((iso) => String(zones.filter((z) => isCallableAt(z, WINDOW, new Date(iso))).length));
  expect(cells).toEqual(expected);
  expect(cells.reduce((n, c) => n + Number(c), 0)).toBe(4); // NY ×2, LA, Berlin: one hour each; Boise/LA never
  await axe(page, 'campaign 1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await axe(page, 'campaign 390');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.close();
});

it('edits the calling window and blocked types with the API\'s messages, and shows the server\'s refusal', async () => {
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}/`);
  await page.getByRole('link', { name: 'Demo campaign' }).waitFor({ timeout: 30_000 });
  await page.goto(`${inject('baseUrl')}/campaigns/${campaignId}/settings`);
  // (exact: the consent policy's choices mention 'from' too)
  await page.getByLabel('From', { exact: true }).waitFor({ timeout: 30_000 });
  expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('09:00');
  expect(await page.getByLabel('Until', { exact: true }).inputValue()).toBe('09:30');
  expect(await page.getByRole('checkbox', { name: 'Premium-rate', exact: true }).isChecked()).toBe(true);
  await page.getByText('"Landline or mobile" is what US and Canadian numbers are').waitFor();
  // Names, not codes: no label repeats its code ("Company number (UAN) (UAN)"); codes only in small print.
  expect(await page.getByRole('checkbox', { name: 'Company number (UAN)', exact: true }).count()).toBe(1);
  expect(await page.locator('fieldset.types').innerText()).not.toContain('(UAN) (UAN)');

  // The schema's own messages, before anything is sent.
  await page.getByLabel('From', { exact: true }).fill('18:00');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('The window must end later than it starts, on the same day.').waitFor();
  expect(await page.locator('#window-err').innerText()).not.toContain('callingWindow');
  await page.getByLabel('From', { exact: true }).fill('10:00');
  for (const d of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) await page.getByLabel(d).uncheck();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Choose at least one calling day').waitFor();

  for (const d of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) await page.getByLabel(d).check();
  await page.getByLabel('Until', { exact: true }).fill('18:00');
  await page.getByRole('checkbox', { name: 'Toll-free', exact: true }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Saved.').waitFor();
  const saved = (await (await api(`/campaigns/${campaignId}`)).json()) as { callingWindow: unknown; blockedPhoneTypes: string[] };
  expect(saved.callingWindow).toEqual({ start: '10:00', end: '18:00', days: [1, 2, 3, 4, 5] });
  expect(saved.blockedPhoneTypes).toEqual(['TOLL_FREE', 'PREMIUM_RATE']);

  // The calling purpose, and the rules that bind the campaign's leads with how many each binds
  // (New York, Los Angeles, Boise/LA and New York ext: the federal rule; the listed number left out).
  const rules = page.getByRole('table', { name: "Calling rules that bind this campaign's leads" });
  expect(await page.getByLabel('Telemarketing (sales calls)').isChecked()).toBe(true);
  expect(await rules.locator('tr[data-rule="US"] td').last().innerText()).toBe('4');
  expect(await rules.locator('tr[data-rule="US"] td').nth(1).innerText()).toBe('every day 8 am–9 pm');
  await page.getByLabel('Informational (no sales)').check();
  await page.locator('[data-rules-empty]').waitFor();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Saved.').waitFor();
  expect(((await (await api(`/campaigns/${campaignId}`)).json()) as { callPurpose: string }).callPurpose).toBe('informational');

  await page.setViewportSize({ width: 390, height: 844 });
  await axe(page, 'settings 390');
  await page.setViewportSize({ width: 1280, height: 800 });
  await axe(page, 'settings 1280');

  // The server's refusal is shown as it says it.
  await page.route('**/api/v1/campaigns/*', (route) =>
    route.request().method() === 'PATCH'
      ? route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'The server refused this window.' } }) })
      : route.continue(),
  );
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('alert').filter({ hasText: 'The server refused this window.' }).waitFor();
  await page.close();
});
