/**
 * Calling readiness in the wizard's preview against `wrangler dev`: each row's country, line type,
 * time zones and extension; a premium-rate number refused as the campaign says; line types and
 * callable counts, each a filter of the grid; and, on a page whose clock is set to a Tuesday
 * evening in the US, the calling rule that holds each lead back ("Florida: calls end at 8 pm").
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
beforeAll(async () => {
  // A window open all day every day and an informational purpose (no rule of telemarketing scope
  // binds; none of automated scope covers these numbers): every lead with a time zone is callable
  // now, whenever the test runs.
  const res = await fetch(`${inject('baseUrl')}/api/v1/campaigns`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${WS.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: `Readiness test ${Date.now()}`,
      assistantId: WS.assistantId,
      defaultCountry: 'US',
      callingWindow: { start: '00:00', end: '24:00', days: [1, 2, 3, 4, 5, 6, 7] },
      callPurpose: 'informational',
    }),
  });
  expect(res.status).toBe(201);
  campaignId = ((await res.json()) as { id: string }).id;
  context = await launch();
  await signInContext(context, inject('baseUrl'), WS.ownerEmail);
});
afterAll(async () => {
  await context?.close();
});

const FILE = [
  'phone_number,customer_name',
  '+1 212 555 0123,East Ed',
  '+1 415 555 0132,West Wu',
  '+1 900 555 0123,Premium Pete',
  '(415) 555-0177 x12,Ext Em',
  '+44 20 7946 0958,London Lu',
].join('\n');

const fact = (page: Page, row: number, name: string) => page.locator(`[data-row="${row}"] [data-fact="${name}"]`);
const shownRows = async (page: Page) => (await page.locator('[data-row]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-row'))))).sort((a, b) => a - b);

it('shows zones, types, the extension, the blocked row and the callable counts; the filters narrow the grid', async () => {
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}/`);
  await page.getByRole('link', { name: 'Demo campaign' }).waitFor({ timeout: 30_000 });
  await page.goto(`${inject('baseUrl')}/import?campaign=${campaignId}`);
  await page.getByText('Columns the assistant').waitFor({ timeout: 30_000 });
  await page.locator('#file').setInputFiles({ name: 'readiness.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) });
  await page.getByText(/5 rows read, 1 with errors/).first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByLabel('Row 5, customer_name').waitFor({ timeout: 30_000 });

  // Per row: country, line type, time zones (label, full list in the title), extension.
  expect(await fact(page, 1, 'country').textContent()).toBe('US');
  expect((await fact(page, 1, 'type').textContent())?.trim()).toBe('Landline or mobile');
  expect(await fact(page, 1, 'type').getAttribute('title')).toBe('FIXED_LINE_OR_MOBILE');
  expect(await fact(page, 1, 'zones').getAttribute('title')).toMatch(/\(America\/New_York\)/);
  expect(await fact(page, 1, 'zones').innerText()).toMatch(/^Eastern/);
  expect(await fact(page, 2, 'zones').innerText()).toMatch(/^Pacific/);
  expect(await fact(page, 4, 'extension').innerText()).toMatch(/12$/);
  expect(await fact(page, 1, 'extension').innerText()).toBe('');
  expect(await fact(page, 5, 'country').textContent()).toBe('GB');
  expect(await fact(page, 5, 'zones').getAttribute('title')).toMatch(/Europe\/London/);
  // The premium-rate number is refused, and still shows its type and its many zones.
  expect(await fact(page, 3, 'type').getAttribute('title')).toBe('PREMIUM_RATE');
  expect(await fact(page, 3, 'zones').innerText()).toMatch(/\+\d+ more/);
  expect(await page.getByLabel('Row 3, phone_number').getAttribute('aria-invalid')).toBe('true');
  // Named for people: the type's code stays out of the message (it is in the API's).
  expect(await cellProblem(page, 'Row 3, phone_number')).toMatch(/is a premium-rate number, which this campaign does not call/);
  await page.getByRole('table', { name: 'Errors by type' }).getByText('PHONE_TYPE_BLOCKED').waitFor();

  // Counts: line types (the North American note), and leads by when they can be called.
  const readiness = page.getByRole('region', { name: 'Calling readiness' });
  expect(await readiness.locator('[data-type="FIXED_LINE_OR_MOBILE"]').innerText()).toMatch(/Landline or mobile: 3$/);
  expect(await readiness.locator('[data-type="PREMIUM_RATE"]').innerText()).toMatch(/Premium-rate \(blocked\): 1$/);
  expect(await readiness.locator('[data-type="FIXED_LINE"]').innerText()).toMatch(/Landline: 1$/);
  await readiness.getByText("US and Canadian numbers can't be told apart as mobile or landline from the number alone").waitFor();
  expect(await readiness.locator('[data-callable="now"]').innerText()).toMatch(/Callable now: 4$/);
  expect(await readiness.locator('[data-callable="laterToday"]').innerText()).toMatch(/: 0$/);
  expect(await readiness.locator('[data-callable="never"]').innerText()).toMatch(/Never: 0$/);

  // Filters: one line type, then the callable leads, then all rows again.
  await readiness.locator('[data-type="PREMIUM_RATE"]').click();
  expect(await readiness.locator('[data-type="PREMIUM_RATE"]').getAttribute('aria-pressed')).toBe('true');
  await expect.poll(() => shownRows(page)).toEqual([3]);
  await readiness.locator('[data-type="FIXED_LINE_OR_MOBILE"]').click();
  await expect.poll(() => shownRows(page)).toEqual([1, 2, 4]);
  await readiness.locator('[data-callable="now"]').click();
  await expect.poll(() => shownRows(page)).toEqual([1, 2, 4, 5]);
  await readiness.locator('[data-callable="never"]').click();
  await page.getByText('No rows to show.').waitFor();
  await readiness.getByRole('button', { name: 'Show all rows' }).click();
  await expect.poll(() => shownRows(page)).toEqual([1, 2, 3, 4, 5]);
  await page.close();
});

it('says which calling rule holds a lead back, judged on the page\'s clock', async () => {
  const res = await fetch(`${inject('baseUrl')}/api/v1/campaigns`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${WS.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: `Rules test ${Date.now()}`, assistantId: WS.assistantId, defaultCountry: 'US' }),
  });
  expect(res.status).toBe(201);
  const rulesCampaign = ((await res.json()) as { id: string }).id;
  const page = await context.newPage();
  // Tuesday 10 March 2026, 20:30 in New York, 19:30 in Dallas, 18:30 in Salt Lake City.
  await page.clock.setFixedTime(new Date('2026-03-11T00:30:00Z'));
  await page.goto(`${inject('baseUrl')}/`);
  await page.getByRole('link', { name: 'Demo campaign' }).waitFor({ timeout: 30_000 });
  await page.goto(`${inject('baseUrl')}/import?campaign=${rulesCampaign}`);
  await page.getByText('Columns the assistant').waitFor({ timeout: 30_000 });
  const file = ['phone_number,customer_name,State', '(305) 555-0100,Miami Mo,', '(214) 555-0100,Dallas Di,TX', '(401) 555-0100,Providence Pat,RI', '(801) 555-0100,Salt Lake Sue,'].join('\n');
  await page.locator('#file').setInputFiles({ name: 'rules.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await page.getByText(/4 rows read/).first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByLabel('Row 4, customer_name').waitFor({ timeout: 30_000 });
  const readiness = page.getByRole('region', { name: 'Calling readiness' });
  await expect.poll(() => readiness.locator('[data-callable="now"]').innerText()).toMatch(/Callable now: 2$/);
  expect(await readiness.locator('[data-held="Florida: calls end at 8 pm"]').innerText()).toBe('Florida: calls end at 8 pm: 1 lead');
  expect(await readiness.locator('[data-held="Rhode Island: calls end at 6 pm"]').innerText()).toMatch(/: 1 lead$/);
  expect(await fact(page, 1, 'calling').innerText()).toBe('Florida: calls end at 8 pm');
  expect(await fact(page, 2, 'calling').innerText()).toBe('Callable now');
  expect(await fact(page, 3, 'calling').innerText()).toBe('Rhode Island: calls end at 6 pm');
  expect(await fact(page, 4, 'calling').innerText()).toBe('Callable now');
  await page.close();
});
