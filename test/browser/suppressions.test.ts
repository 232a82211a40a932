/**
 * The suppression list page in Chromium against wrangler dev: numbers added through the form (with
 * the server's message for one that is not a number), a CSV list previewed in the browser before
 * upload (phone column, the row that is not a number), uploaded, and its rows that were not numbers
 * downloaded as formula-safe CSV; search in national format, paging, an expired entry, removal with
 * a confirmation, export; axe-clean at 1280x800 and 390x844.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { signInContext } from './sign-in.ts';
import { launch } from './browser.ts';
import { fileWorkspace } from './workspace.ts';
import { axeScan } from './axe.ts';

const WS = fileWorkspace(import.meta.url);

let context: BrowserContext;
const base = () => inject('baseUrl');
/** Four digits of this run, so numbers do not collide with other runs' or files'. */
const tag = String(Date.now() % 10_000).padStart(4, '0');
/** A valid US number in area code 628, exchange `exchange`. */
const num = (exchange: number, line: number) => `+1628${exchange}${String(line).padStart(4, '0')}`;
const typedA = num(900, Number(tag));
const typedB = num(901, Number(tag));
const fileA = num(902, Number(tag));
const fileB = num(903, Number(tag));

async function apiCall(path: string, init: RequestInit = {}) {
  return fetch(`${base()}/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${WS.token}`, 'Content-Type': 'application/json', ...init.headers } });
}

async function listed(phone: string): Promise<boolean> {
  const res = await apiCall(`/suppressions?phoneNumber=${encodeURIComponent(phone)}`);
  return ((await res.json()) as { items: unknown[] }).items.length === 1;
}

async function axe(page: Page, where: string) {
  const scan = await axeScan(page);
  expect(scan.violations.map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

async function openPage(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base()}/suppressions`);
  await page.getByRole('heading', { level: 1, name: 'Suppression list' }).waitFor({ timeout: 30_000 });
  // The worker has answered with its country list.
  await page.locator('#default-country option[value="GB"]').waitFor({ state: 'attached' });
  return page;
}

beforeAll(async () => {
  context = await launch();
  await signInContext(context, inject('baseUrl'), WS.ownerEmail);
  const page = await context.newPage();
  await page.goto(`${base()}/`);
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  await page.close();
});
afterAll(async () => {
  await context?.close();
});

describe('suppression list page', () => {
  it('is in the navigation, and says so when the list is empty', async () => {
    const wasEmpty = ((await (await apiCall('/suppressions?limit=1')).json()) as { items: unknown[] }).items.length === 0;
    const page = await context.newPage();
    await page.goto(`${base()}/campaigns`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Suppression list' }).click();
    await page.waitForURL(/\/suppressions$/);
    expect(await nav.getByRole('link', { name: 'Suppression list' }).getAttribute('aria-current')).toBe('page');
    if (wasEmpty) await page.getByText('No numbers on the list yet').waitFor();
    await page.close();
  });

  it('adds typed numbers, national ones read with the default country, and shows why an entry is not a number', async () => {
    const page = await openPage();
    await page.getByLabel('Default country').selectOption('US');
    const national = `(628) 901-${typedB.slice(-4)}`;
    await page.getByLabel('Phone numbers').fill(`${typedA}\n${national}, 12345`);
    await page.getByLabel('Reason (optional)').fill('asked on the call');
    await page.getByRole('button', { name: 'Add to the list' }).click();
    const result = page.getByTestId('add-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/2 added, 0 already on the list, 1 not a number\./);
    // The result is announced: it sits in a polite live region.
    expect(await result.evaluate((el) => el.closest('[aria-live]')?.getAttribute('aria-live'))).toBe('polite');
    const invalid = page.getByRole('region', { name: 'Entries that are not numbers' });
    await invalid.getByRole('cell', { name: '12345', exact: true }).waitFor();
    expect(await invalid.getByRole('row').nth(1).getByRole('cell').nth(1).textContent()).toMatch(/^The phone number "12345" /);
    expect(await listed(typedA)).toBe(true);
    expect(await listed(typedB)).toBe(true);
    // The list below reloaded with them.
    await page.getByRole('cell', { name: typedA, exact: true }).waitFor();

    // Adding one again counts it as already present.
    await page.getByLabel('Phone numbers').fill(typedA);
    await page.getByRole('button', { name: 'Add to the list' }).click();
    await page.getByTestId('add-result').filter({ hasText: '0 added, 1 already on the list.' }).waitFor();
    await page.close();
  });

  it('previews an uploaded CSV before sending it, uploads it, and downloads the rows that were not numbers', async () => {
    const page = await openPage();
    const csv = ['Name,Mobile,reason', `Al,${fileA},moved`, 'Bo,=HYPERLINK("http://x"),', `Cy,628 903 ${fileB.slice(-4)},asked`].join('\n');
    let uploads = 0;
    let polls = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/v1/suppressions/import?')) {
        uploads++;
        // Imported in the background, its progress followed.
        expect(r.headers()['prefer']).toBe('respond-async');
      }
      if (r.method() === 'GET' && r.url().includes('/api/v1/suppressions/imports/')) polls++;
    });
    await page.getByLabel(/CSV or Excel file/).setInputFiles({ name: `dnc-${tag}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const summary = page.getByTestId('preview-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toMatch(/3 rows\..*column “Mobile”.*1 row is not a valid number/s);
    // The first rows, with the phone column marked and the bad row's message.
    const rows = page.getByRole('table', { name: /First rows/ });
    expect(await rows.getByRole('columnheader').allTextContents()).toEqual(['Row', 'Name', 'Mobilephone', 'reason', 'Check']);
    expect(await rows.getByRole('row').nth(2).getByRole('cell').last().textContent()).toMatch(/^The phone number "=HYPERLINK\("http:\/\/x"\)" in column "Mobile" /);
    const bad = page.getByRole('table', { name: /Rows that are not valid numbers/ });
    expect(await bad.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual(['2', '=HYPERLINK("http://x")', expect.stringMatching(/^The phone number .* in column "Mobile" .*Reason code: NOT_A_NUMBER\.$/)]);
    // The rows to fix can be had before anything is sent.
    const [early] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download these rows (CSV)' }).click()]);
    expect(early.suggestedFilename()).toBe(`dnc-${tag}-not-numbers.csv`);
    expect(readFileSync((await early.path())!, 'utf8')).toMatch(/^\uFEFF"Name","Mobile","reason","error_row","error_codes","error_messages"\r\n"Bo","'=HYPERLINK/);
    // Nothing was sent yet.
    expect(uploads).toBe(0);
    expect(await listed(fileA)).toBe(false);
    await axe(page, 'preview 1280');

    await page.getByRole('button', { name: 'Add 2 numbers to the list' }).click();
    const uploaded = page.getByTestId('upload-result');
    await uploaded.waitFor({ timeout: 30_000 });
    expect(await uploaded.textContent()).toMatch(/Uploaded: 2 added, 0 already on the list, 1 row not numbers\./);
    expect(uploads).toBe(1);
    expect(polls).toBeGreaterThan(0);
    expect(await listed(fileA)).toBe(true);
    expect(await listed(fileB)).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the rows that were not numbers (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`dnc-${tag}-not-numbers.csv`);
    const report = readFileSync((await download.path())!, 'utf8');
    const lines = report.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFF"Name","Mobile","reason","error_row","error_codes","error_messages"');
    expect(lines).toHaveLength(2);
    // Formula-safe: the cell Excel would run starts with a quote.
    expect(lines[1]).toMatch(/^"Bo","'=HYPERLINK\(""http:\/\/x""\)","","2","PHONE_INVALID","/);
    await page.close();
  });

  it('searches a number written nationally, pages through the list, and marks expired entries', async () => {
    // 60 more numbers, one already expired, so the list has two pages.
    const many = Array.from({ length: 60 }, (_, i) => num(904, i * 100 + (Number(tag) % 100)));
    expect((await apiCall('/suppressions', { method: 'POST', body: JSON.stringify({ phoneNumbers: many }) })).status).toBe(200);
    const expired = num(905, Number(tag));
    expect((await apiCall('/suppressions', { method: 'POST', body: JSON.stringify({ phoneNumbers: [expired], expiresAt: '2020-01-01' }) })).status).toBe(200);

    const page = await openPage();
    await page.getByLabel('Find a number').fill(`(628) 900-${typedA.slice(-4)}`);
    await page.getByRole('button', { name: 'Search' }).click();
    const rows = page.getByTestId('suppression-row');
    await page.getByText(`(628) 900-${typedA.slice(-4)} is on the list.`).waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getByRole('cell').nth(0).textContent()).toBe(typedA);
    // Number, Source, Reason, Expires, Added.
    expect(await rows.first().getByRole('cell').nth(1).textContent()).toBe('internal');
    expect(await rows.first().getByRole('cell').nth(2).textContent()).toBe('asked on the call');

    await page.getByLabel('Find a number').fill(expired);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('suppression-row').getByText('expired').waitFor();
    expect(await rows.first().getByRole('cell').nth(3).textContent()).toMatch(/expired\s+since 1 Jan 2020/);

    await page.getByLabel('Find a number').fill('+16289990000');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('Not on the list', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Show all' }).click();
    const pager = page.getByRole('navigation', { name: 'Pages of the list' });
    await pager.waitFor();
    const firstPage = await rows.getByRole('cell').first().textContent();
    expect(await rows.count()).toBe(50);
    await pager.getByRole('button', { name: 'Next →' }).click();
    await pager.getByText('Page 2').waitFor();
    expect(await rows.getByRole('cell').first().textContent()).not.toBe(firstPage);
    await pager.getByRole('button', { name: '← Previous' }).click();
    await pager.getByText('Page 1').waitFor();
    expect(await rows.getByRole('cell').first().textContent()).toBe(firstPage);
    await page.close();
  });

  it('removes a number after a confirmation (Escape cancels), and exports the list as CSV', async () => {
    const page = await openPage();
    await page.getByLabel('Find a number').fill(typedB);
    await page.getByRole('button', { name: 'Search' }).click();
    const remove = page.getByRole('button', { name: `Remove ${typedB}` });
    await remove.click();
    const dialog = page.getByRole('dialog', { name: `Remove ${typedB}?` });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Remove ${typedB}`);
    expect(await listed(typedB)).toBe(true);

    await remove.click();
    await dialog.getByRole('button', { name: 'Remove from the list' }).click();
    await page.getByText('Not on the list', { exact: true }).waitFor();
    expect(await listed(typedB)).toBe(false);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('suppressions.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFphone_number,reason,expires_at,created_at,source');
    for (const phone of [typedA, fileA, fileB]) expect(csv).toContain(`'${phone},`);
    expect(csv).not.toContain(typedB);
    await page.close();
  });

  it('is axe-clean and fits 1280x800 and 390x844', async () => {
    for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const page = await openPage();
      await page.setViewportSize(size);
      await page.getByLabel('Phone numbers').fill('12345');
      await page.getByRole('button', { name: 'Add to the list' }).click();
      await page.getByTestId('add-result').waitFor();
      await page.getByLabel(/CSV or Excel file/).setInputFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(`phone_number\n${typedA}\nnope\n`) });
      await page.getByTestId('preview-summary').waitFor({ timeout: 30_000 });
      await page.getByTestId('suppression-row').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `page scrolls sideways at ${size.width}px`).toBeLessThanOrEqual(0);
      // After the upload: the result cards and the long "Download the rows that were not numbers" button fit too.
      await page.getByRole('button', { name: 'Add 1 number to the list' }).click();
      await page.getByTestId('upload-result').waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Download the rows that were not numbers (CSV)' }).waitFor();
      const after = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(after, `page scrolls sideways at ${size.width}px after the upload`).toBeLessThanOrEqual(0);
      await axe(page, `${size.width}x${size.height}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('button', { name: `Remove ${(await page.getByTestId('suppression-row').first().getByRole('cell').first().textContent())!}` }).click();
      await page.getByRole('dialog').waitFor();
      await axe(page, `dialog ${size.width}`);
      await page.close();
    }
  });

  // Last: it lists 6,000 numbers, which the tests above do not expect on the list.
  it('uploads a 6,000-row list in the background, showing its progress, then its counts', async () => {
    const page = await openPage();
    const rows = ['phone_number'];
    for (let i = 0; i < 6_000; i++) rows.push(num(906, i));
    await page.getByLabel(/CSV or Excel file/).setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await page.getByTestId('preview-summary').waitFor({ timeout: 30_000 });
    // The page's polls are held until the progress has been seen: it cannot learn of the end before
    // (the test server's 500-row list chunks keep the import running past its 202).
    let release!: () => void;
    const seen = new Promise<void>((r) => (release = r));
    await page.route('**/api/v1/suppressions/imports/*', async (route) => {
      await seen;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Add 6,000 numbers to the list' }).click();
    // The import answers while the queue still works: the progress shows first, the counts at the end.
    await page.getByText(/Listing the numbers: [\d,]+ of 6,000 rows \(\d+%\)/).waitFor({ timeout: 30_000 });
    release();
    const uploaded = page.getByTestId('upload-result');
    await uploaded.waitFor({ timeout: 60_000 });
    expect(await uploaded.textContent()).toMatch(/Uploaded: [\d,]+ added, [\d,]+ already on the list, 0 rows not numbers\./);
    const [added, already] = (await uploaded.textContent())!.match(/Uploaded: ([\d,]+) added, ([\d,]+) already/)!.slice(1).map((n) => Number(n.replaceAll(',', '')));
    // A rerun of the suite finds them listed already: together they are every row.
    expect(added! + already!).toBe(6_000);
    expect(await listed(num(906, 5_999))).toBe(true);
    await page.close();
  });
});
