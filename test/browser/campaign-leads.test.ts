/**
 * The campaign's leads table after a real import through the wizard, seen by a viewer in Chicago:
 * numbers formatted (national for the campaign's country, international otherwise; the E.164 kept
 * on the row), the lead's name from its variables (first and last name joined), "Next call" in the
 * viewer's zone with its abbreviation and the lead's local time beside it, one-line rows, the import
 * as a short link, and a column picker whose choice survives a reload.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { signInContext } from './sign-in.ts';
import { launch } from './browser.ts';
import { clockWithZone } from '../../src/routes/campaigns/[id]/call-time.ts';
import { fileWorkspace } from './workspace.ts';

const WS = fileWorkspace(import.meta.url);

const VIEWER_ZONE = 'America/Chicago';
const NY = '+12125550170';
const BERLIN = '+4930901822';
const SF = '+14155550171';
const FILE = 'hubspot-export-all-contacts-with-mobile-phone-numbers-2026-12-08-final-v2.csv';

let context: BrowserContext;
let campaignId = '';
/** The hour (New York) the campaign's 30-minute window opens: two hours from now, so no lead is callable now. */
let windowHour = 0;
const pad = (n: number) => String(n).padStart(2, '0');

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${inject('baseUrl')}/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${WS.token}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) } });

beforeAll(async () => {
  const assistant = await api('/assistants', {
    method: 'POST',
    body: JSON.stringify({ name: `Names ${Date.now()}`, variables: [{ name: 'first_name', type: 'text' }, { name: 'last_name', type: 'text' }, { name: 'company', type: 'text' }] }),
  });
  expect(assistant.status, await assistant.clone().text()).toBe(201);
  const assistantId = ((await assistant.json()) as { id: string }).id;
  const nyHour = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  windowHour = (nyHour + 2) % 24;
  const campaign = await api('/campaigns', {
    method: 'POST',
    body: JSON.stringify({
      name: `Leads table ${Date.now()}`,
      assistantId,
      defaultCountry: 'US',
      // Informational: no sales-call rule narrows the window, whatever hour it is.
      callPurpose: 'informational',
      callingWindow: { start: `${pad(windowHour)}:00`, end: `${pad(windowHour)}:30`, days: [1, 2, 3, 4, 5, 6, 7] },
    }),
  });
  expect(campaign.status, await campaign.clone().text()).toBe(201);
  campaignId = ((await campaign.json()) as { id: string }).id;
  context = await launch({ timezoneId: VIEWER_ZONE, locale: 'en-US' });
  await signInContext(context, inject('baseUrl'), WS.ownerEmail);
});
afterAll(async () => {
  await context?.close();
});

it('shows formatted numbers, names, next-call times in both zones, one-line rows, and remembers hidden columns', async () => {
  const page = await context.newPage();
  // A real import through the wizard.
  const csv = ['Phone,first_name,last_name,company', `${NY},Ada,Lovelace,Analytical Engines`, `${BERLIN},Grace,,Navy`, '(415) 555-0171,,,'].join('\n');
  await page.goto(`${inject('baseUrl')}/import?campaign=${campaignId}`);
  await page.getByText('Columns the assistant').waitFor({ timeout: 30_000 });
  await page.locator('#file').setInputFiles({ name: FILE, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByText(/3 rows read, 0 with errors/).first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByRole('button', { name: /^Import 3/ }).click();
  await page.waitForURL(/\/imports\/[^/]+$/, { timeout: 60_000 });
  const importId = new URL(page.url()).pathname.split('/').pop()!;
  await page.locator('[data-testid="import-status"][data-status="completed"]').waitFor({ timeout: 60_000 });

  const answered = page.waitForResponse((r) => r.url().includes(`/campaigns/${campaignId}/leads?`));
  await page.goto(`${inject('baseUrl')}/campaigns/${campaignId}`);
  const leads = ((await (await answered).json()) as { items: { phoneNumber: string; nextCallableAt: string | null; callableWhen: string; callingTimeZones: string[]; heldBy: string[] }[] }).items;
  expect(leads.map((l) => l.phoneNumber).sort()).toEqual([NY, SF, BERLIN].sort());
  const row = (phone: string) => page.locator(`tr[data-lead="${phone}"]`);
  const cell = (phone: string, fact: string) => row(phone).locator(`[data-fact="${fact}"]`);
  await row(NY).waitFor({ timeout: 30_000 });

  // Numbers: national for the campaign's country (US), international otherwise; the E.164 in data-e164 and the title.
  expect(await cell(NY, 'phone').innerText()).toBe('(212) 555-0170');
  expect(await cell(SF, 'phone').innerText()).toBe('(415) 555-0171');
  expect(await cell(BERLIN, 'phone').innerText()).toBe('+49 30 901822');
  expect(await cell(NY, 'phone').locator('[data-e164]').getAttribute('data-e164')).toBe(NY);
  expect(await cell(NY, 'phone').locator('[data-e164]').getAttribute('title')).toBe(NY);

  // Names: first and last joined, the first alone, nothing without a name.
  expect(await cell(NY, 'name').innerText()).toBe('Ada Lovelace');
  expect(await cell(BERLIN, 'name').innerText()).toBe('Grace');
  expect(await cell(SF, 'name').innerText()).toBe('');

  // Next call: the window opens at windowHour:00 New York time, an hour earlier for the viewer in Chicago.
  const ny = leads.find((l) => l.phoneNumber === NY)!;
  expect(ny.callableWhen).not.toBe('now');
  expect(ny.callingTimeZones[0]).toBe('America/New_York');
  const yours = clockWithZone(ny.nextCallableAt!, VIEWER_ZONE, 'en-US');
  const theirs = clockWithZone(ny.nextCallableAt!, 'America/New_York', 'en-US');
  expect(yours).toMatch(new RegExp(`^\\w{3} ${pad((windowHour + 23) % 24)}:00 C[SD]T$`));
  expect(theirs).toMatch(new RegExp(`^\\w{3} ${pad(windowHour)}:00 E[SD]T$`));
  expect(await cell(NY, 'next').innerText()).toBe(`${ny.callableWhen === 'laterToday' ? 'Later today' : 'Later this week'}, ${yours} (${theirs} for the lead)${ny.heldBy[0] ? ` · ${ny.heldBy[0]}` : ''}`);
  expect(await cell(NY, 'next').getAttribute('title')).toContain(`${yours} your time, ${theirs} the lead's time`);

  // The import: a short link to the import page, its whole file name in the title, cut with an ellipsis.
  const link = cell(NY, 'import').getByRole('link');
  // The campaign's imports load beside its leads: until they arrive the link shows the import's id.
  await cell(NY, 'import').getByRole('link', { name: FILE, exact: true }).waitFor({ timeout: 30_000 });
  expect(await link.getAttribute('href')).toBe(`/imports/${importId}`);
  expect(await link.getAttribute('title')).toBe(FILE);
  expect(await link.evaluate((a) => [getComputedStyle(a).textOverflow, a.scrollWidth > a.clientWidth])).toEqual(['ellipsis', true]);

  // One line per lead: every row as tall as the header row (give or take a badge's padding).
  const header = await page.locator('table.leads thead tr').evaluate((tr) => tr.getBoundingClientRect().height);
  for (const h of await page.locator('tr[data-lead]').evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height))) expect(h).toBeLessThan(header * 1.5);

  // The column picker: hide "Time zones" and "company"; a reload keeps them hidden; "Show all columns" brings them back.
  const headers = () => page.locator('table.leads thead th').allInnerTexts();
  expect(await headers()).toEqual(['Phone number', 'Name', 'Country', 'Line type', 'Time zones', 'Ext.', 'Region', 'Next call', 'first_name', 'last_name', 'company', 'Secondary contacts', 'Import']);
  await page.locator('summary', { hasText: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Time zones' }).uncheck();
  await page.getByRole('checkbox', { name: 'company' }).uncheck();
  await expect.poll(headers).toEqual(['Phone number', 'Name', 'Country', 'Line type', 'Ext.', 'Region', 'Next call', 'first_name', 'last_name', 'Secondary contacts', 'Import']);
  expect(await cell(NY, 'zones').count()).toBe(0);
  await page.reload();
  await row(NY).waitFor({ timeout: 30_000 });
  expect(await headers()).toEqual(['Phone number', 'Name', 'Country', 'Line type', 'Ext.', 'Region', 'Next call', 'first_name', 'last_name', 'Secondary contacts', 'Import']);
  await page.locator('summary', { hasText: 'Columns' }).click();
  expect(await page.getByRole('checkbox', { name: 'Time zones' }).isChecked()).toBe(false);
  await page.getByRole('button', { name: 'Show all columns' }).click();
  await expect.poll(headers).toContain('Time zones');
  await page.reload();
  await row(NY).waitFor({ timeout: 30_000 });
  expect(await headers()).toContain('company');

  // At 390 px the table scrolls inside its region, never the page.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.close();
});
