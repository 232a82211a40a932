/** The import wizard end to end against `wrangler dev`: CSV and XLSX files, fixing a cell in the preview, ignore errors and the report. */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { readFileSync } from 'node:fs';
import { readCsvText } from '../../src/lib/parse/csv.ts';
import { cellProblem } from './cell-problem.ts';
import { signInContext } from './sign-in.ts';
import { launch } from './browser.ts';
import { fileWorkspace } from './workspace.ts';
import { axeScan } from './axe.ts';

const WS = fileWorkspace(import.meta.url);

let context: BrowserContext;
/** A campaign of its own (demo assistant, country US), so the numbers below are new to it on every run. */
let campaignId = '';
beforeAll(async () => {
  const res = await fetch(`${inject('baseUrl')}/api/v1/campaigns`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${WS.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: `Wizard test ${Date.now()}`, assistantId: WS.assistantId, defaultCountry: 'US' }),
  });
  expect(res.status).toBe(201);
  campaignId = ((await res.json()) as { id: string }).id;
  context = await launch();
  await signInContext(context, inject('baseUrl'), WS.ownerEmail);
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}/`);
  await page.getByRole('link', { name: 'Demo campaign' }).waitFor({ timeout: 30_000 });
  await page.close();
});
afterAll(async () => {
  await context?.close();
});

const CSV = 'text/csv';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Opens the wizard for the demo campaign and picks a file; waits for the preview to finish. */
async function pickFile(page: Page, name: string, mimeType: string, buffer: Buffer, expectStatus: RegExp): Promise<void> {
  await page.goto(`${inject('baseUrl')}/import?campaign=${campaignId}`);
  await page.getByText('Columns the assistant').waitFor({ timeout: 30_000 });
  await page.locator('#file').setInputFiles({ name, mimeType, buffer });
  await page.getByText(expectStatus).first().waitFor({ timeout: 30_000 });
}

async function importAndWait(page: Page, status: 'completed' | 'failed'): Promise<void> {
  await page.getByRole('button', { name: /^Import \d/ }).click();
  await page.waitForURL(/\/imports\/imp_|\/imports\/[^/]+$/, { timeout: 60_000 });
  try {
    await page.locator('[data-testid="import-status"]', { hasText: status }).waitFor({ timeout: 60_000 });
  } catch (e) {
    throw new Error(`Import did not reach "${status}":\n${await page.locator('main').innerText()}`, { cause: e });
  }
}

it('imports the product page example CSV end to end and shows its secondary contacts on the campaign page', async () => {
  const page = await context.newPage();
  const csv = [
    'phone_number,customer_name,company,budget_range,secondary_phone_1,secondary_phone_2',
    '+14155551234,John Smith,ABC Corp,10k-50k,+14155551235,+14155551236',
    '+14155557890,Jane Doe,XYZ Inc,50k-100k,+14155557891,',
    '+14155554567,Bob Johnson,Tech Start,5k-10k,,',
  ].join('\n');
  await pickFile(page, 'example.csv', CSV, Buffer.from(csv), /3 rows read, 0 with errors/);
  const [sample] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the sample file' }).click()]);
  expect(readFileSync((await sample.path())!, 'utf8').split(/\r?\n/)[0]).toMatch(/^phone_number,customer_name,company,budget_range,secondary_phone_1,secondary_1_name,secondary_1_role/);

  await page.getByRole('button', { name: 'Next: match columns' }).click();
  expect(await page.getByLabel('phone_number', { exact: true }).inputValue()).toBe('phone');
  expect(await page.getByLabel('secondary_phone_2', { exact: true }).inputValue()).toBe('sp:2');
  expect(await page.getByLabel('customer_name', { exact: true }).inputValue()).toBe('v:customer_name');

  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByLabel('Row 2, customer_name').waitFor();
  expect(await page.getByLabel('Row 2, customer_name').inputValue()).toBe('Jane Doe');

  await importAndWait(page, 'completed');
  expect(await page.getByTestId('imported').textContent()).toBe('3');
  expect(await page.getByTestId('failed').textContent()).toBe('0');

  // Leaving and coming back shows the same import.
  const url = page.url();
  await page.goto(`${inject('baseUrl')}/`);
  await page.goto(url);
  await page.locator('[data-testid="import-status"]', { hasText: 'completed' }).waitFor();

  await page.goto(`${inject('baseUrl')}/campaigns/${campaignId}`);
  // Numbers as people read them (national, the campaign's country is US); the stored E.164 stays on the row.
  const row = page.locator('tr[data-lead="+14155551234"]');
  await row.waitFor({ timeout: 30_000 });
  expect(await row.locator('[data-fact="contacts"]').innerText()).toBe('(415) 555-1235; (415) 555-1236');
  expect(await page.locator('tr[data-lead="+14155557890"] [data-fact="contacts"]').innerText()).toBe('(415) 555-7891');
  await page.close();
});

it('flags an invalid phone in the preview, revalidates the row once the cell is fixed, and imports it', async () => {
  const page = await context.newPage();
  const csv = [
    'phone_number,customer_name,company',
    '+14152001234,Ann Lee,Acme',
    '+1415200,Ben Ray,Beta',
    '+14152001236,Cy Doe,Gamma',
  ].join('\n');
  await pickFile(page, 'with-error.csv', CSV, Buffer.from(csv), /3 rows read, 1 with errors/);
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  await page.getByRole('button', { name: 'Next: preview' }).click();
  const cell = page.getByLabel('Row 2, phone_number');
  await cell.waitFor();
  expect(await cell.getAttribute('aria-invalid')).toBe('true');
  expect(await cellProblem(page, 'Row 2, phone_number')).toMatch(/^Phone number not valid: /);
  await page.getByRole('table', { name: 'Errors by type' }).getByText('PHONE_INVALID').waitFor();
  await page.getByTestId('view-problems').click();
  expect(await page.getByLabel('Row 1, phone_number').count()).toBe(0);
  await page.getByTestId('view-all').click();

  await cell.fill('+14152001235');
  await cell.press('Enter');
  await page.getByText('Row revalidated: 0 rows with errors.').waitFor();
  expect(await page.getByLabel('Row 2, phone_number').getAttribute('aria-invalid')).toBe('false');

  // Making it a duplicate of row 1 flags it again, as DUPLICATE_IN_FILE; then fix it for good.
  const again = page.getByLabel('Row 2, phone_number');
  await again.fill('+14152001234');
  await again.press('Enter');
  await page.getByRole('table', { name: 'Errors by type' }).getByText('DUPLICATE_IN_FILE').waitFor();
  await again.fill('+14152001235');
  await again.press('Enter');
  await page.getByText('Row revalidated: 0 rows with errors.').waitFor();

  await importAndWait(page, 'completed');
  expect(await page.getByTestId('imported').textContent()).toBe('3');
  await page.goto(`${inject('baseUrl')}/campaigns/${campaignId}`);
  await page.locator('tr[data-lead="+14152001235"]').waitFor({ timeout: 30_000 });
  await page.close();
});

it('reads an XLSX workbook (choosing its sheet) and imports it', async () => {
  const page = await context.newPage();
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['notes'], ['nothing here']]), 'Notes');
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['Phone', 'Customer Name', 'company', 'secondary_phone_1', 'secondary_1_name'],
      ['+14152002001', 'Xena Park', 'Xylo', '+14152002002', 'Assistant'],
      ['+14152002003', 'Yuri Kim', 'Yak', '', ''],
    ]),
    'Leads',
  );
  const buffer = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  await page.goto(`${inject('baseUrl')}/import?campaign=${campaignId}`);
  await page.getByText('Columns the assistant').waitFor({ timeout: 30_000 });
  await page.locator('#file').setInputFiles({ name: 'leads.xlsx', mimeType: XLSX_TYPE, buffer });
  // The first sheet has no phone column; choose the second one.
  await page.getByLabel('Sheet').waitFor();
  await page.getByLabel('Sheet').selectOption('Leads');
  await page.getByText(/2 rows read, 0 with errors/).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  expect(await page.getByLabel('Phone', { exact: true }).inputValue()).toBe('phone');
  expect(await page.getByLabel('Customer Name', { exact: true }).inputValue()).toBe('v:customer_name');
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await importAndWait(page, 'completed');
  expect(await page.getByTestId('imported').textContent()).toBe('2');
  await page.goto(`${inject('baseUrl')}/campaigns/${campaignId}`);
  await page.getByText('(415) 200-2002').waitFor({ timeout: 30_000 });
  await page.close();
});

it('with "Ignore errors" on imports the valid rows and offers the skipped ones as a report', async () => {
  const page = await context.newPage();
  const csv = [
    'phone_number,customer_name,company',
    '+14152003001,Dee Fox,Delta',
    'not a phone,Eve Gray,Echo',
    '+14152003003,,Foxtrot',
  ].join('\n');
  await pickFile(page, 'mixed.csv', CSV, Buffer.from(csv), /3 rows read, 2 with errors/);
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByText(/so nothing will be imported/).waitFor();
  await page.getByLabel('Ignore errors').check();
  await page.getByText(/valid rows are imported and the rows with errors are skipped/).waitFor();
  await page.getByLabel(/Email me/).fill('ops@example.com');
  await importAndWait(page, 'completed');
  expect(await page.getByTestId('imported').textContent()).toBe('1');
  expect(await page.getByTestId('failed').textContent()).toBe('2');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download error report' }).click()]);
  const report = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const parsed = readCsvText(report);
  expect(parsed.headers).toEqual(['phone_number', 'customer_name', 'company', 'error_row', 'error_codes', 'error_messages']);
  expect(parsed.rows.map((r) => r.cells.slice(0, 5))).toEqual([
    ['not a phone', 'Eve Gray', 'Echo', '2', 'PHONE_INVALID'],
    ['+14152003003', '', 'Foxtrot', '3', 'VARIABLE_REQUIRED'],
  ]);
  // Excel sees the phone as text, not a formula: the cell is written with the neutralising quote.
  expect(report).toContain(`"'+14152003003"`);
  await page.close();
});

// Seven batches (a small first one, then 5,000 rows each: read-file.ts), more than the pool keeps in
// flight, so the pool and the pipeline's back-pressure run. The full size (1M rows) and how fast
// the first rows show are the bench's (`npm run bench -- --only=browser`), not this test's.
it('shows the first rows of a 30,000-row CSV and validates the rest in the worker', async () => {
  const page = await context.newPage();
  const lines = ['phone_number,customer_name,company'];
  for (let i = 0; i < 30_000; i++) lines.push(`+1415${String(2100000 + i).padStart(7, '0')},Name ${i},Co ${i % 97}`);
  lines.push('12,Short,Number');
  await page.goto(`${inject('baseUrl')}/import?campaign=${campaignId}`);
  await page.getByText('Columns the assistant').waitFor({ timeout: 30_000 });
  await page.locator('#file').setInputFiles({ name: 'big.csv', mimeType: CSV, buffer: Buffer.from(lines.join('\n')) });
  await page.getByText(/big\.csv: reading|30,001 rows/).first().waitFor({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByLabel('Row 1, phone_number').waitFor({ timeout: 10_000 });
  expect(await page.getByLabel('Row 1, phone_number').inputValue()).toBe('+14152100000');
  await page.getByText(/30,001 rows: 30,000 ready, 1 with errors/).waitFor({ timeout: 60_000 });
  await page.getByTestId('view-problems').click();
  await page.getByLabel('Row 30001, phone_number').waitFor();
  await page.close();
});

it('has no axe violations on the preview step, and the grid works at a narrow width', async () => {
  const page = await context.newPage();
  const csv = ['phone_number,customer_name', '+14152004001,Gus', 'bad,Hal'].join('\n');
  await pickFile(page, 'axe.csv', CSV, Buffer.from(csv), /2 rows read, 1 with errors/);
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  const mappingScan = await axeScan(page);
  expect(mappingScan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByLabel('Row 2, phone_number').waitFor();
  const previewScan = await axeScan(page);
  expect(previewScan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.getByLabel('Row 2, phone_number').focus();
  await page.close();
});

it('revalidates every row when the mapping changes, and runs a 6,000-row import in the background with live progress', async () => {
  const page = await context.newPage();
  const lines = ['phone_number,customer_name,company'];
  for (let i = 0; i < 6_000; i++) lines.push(`+1415${String(3100000 + i).padStart(7, '0')},Name ${i},Co`);
  await pickFile(page, 'six-thousand.csv', CSV, Buffer.from(lines.join('\n')), /6,000 rows read, 0 with errors/);
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  await page.getByLabel('customer_name', { exact: true }).selectOption('ignore');
  await page.getByTestId('missing-required').filter({ hasText: /No column goes to customer_name, which the assistant requires/ }).waitFor();
  await page.getByText(/6,000 rows read, 6,000 with errors/).waitFor();
  await page.getByLabel('customer_name', { exact: true }).selectOption('v:customer_name');
  await page.getByText(/6,000 rows read, 0 with errors/).waitFor();
  await page.getByRole('button', { name: 'Next: preview' }).click();
  // A second tab opens the import's page while it is still queued: the start request is held until
  // that page's WebSocket has delivered its first view, so the run is watched from its beginning.
  const frames: string[] = [];
  const socketUrls: string[] = [];
  let watcher: Page | undefined;
  await page.route('**/api/v1/imports/*/start', async (route) => {
    const importId = new URL(route.request().url()).pathname.split('/')[4]!;
    watcher = await context.newPage();
    const firstFrame = new Promise<void>((resolve) =>
      watcher!.on('websocket', (ws) => {
        socketUrls.push(ws.url());
        ws.on('framereceived', (f) => {
          frames.push(String(f.payload));
          resolve();
        });
      }),
    );
    await watcher.goto(`${inject('baseUrl')}/imports/${importId}`);
    await firstFrame;
    await route.continue();
  });
  await page.getByRole('button', { name: /^Import \d/ }).click();
  await page.waitForURL(/\/imports\/[^/]+$/, { timeout: 60_000 });
  try {
    await page.locator('[data-testid="import-status"]', { hasText: 'completed' }).waitFor({ timeout: 120_000 });
  } catch (e) {
    throw new Error(`Background import did not complete:\n${await page.locator('main').innerText()}`, { cause: e });
  }
  expect(await page.getByTestId('imported').textContent()).toBe('6,000');
  // The watching tab followed the run over its socket, from queued to completed, without a reload.
  await watcher!.locator('[data-testid="import-status"]', { hasText: 'completed' }).waitFor({ timeout: 120_000 });
  const statuses = frames.map((f) => JSON.parse(f).status as string);
  console.log(`progress over the WebSocket: ${frames.length} frames, statuses ${[...new Set(statuses)].join(' → ')}`);
  // The live view came over the socket (the session cookie rides along with the handshake; nothing in its URL).
  expect(statuses[0]).toBe('queued');
  expect(statuses).toContain('completed');
  expect(socketUrls.length).toBeGreaterThan(0);
  for (const url of socketUrls) expect(url).not.toMatch(/token|lit_/);
  await watcher!.close();
  await page.close();
});

it('announces file-level problems: an unsupported file, and a file without a phone column', async () => {
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}/import?campaign=${campaignId}`);
  await page.getByText('Columns the assistant').waitFor({ timeout: 30_000 });
  await page.locator('#file').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n\u0000\u0000\u0000') });
  await page.getByRole('alert').filter({ hasText: /\S/ }).first().waitFor({ timeout: 10_000 });
  const alertText = await page.getByRole('alert').filter({ hasText: /\S/ }).first().textContent();
  expect(alertText).toMatch(/csv|xlsx|excel|support/i);
  // Said inside the drop zone, where the file was chosen, and focused.
  expect(await page.getByTestId('file-problem').innerText()).toMatch(/is a PDF/);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('file-problem');

  await page.locator('#file').setInputFiles({ name: 'no-phone.csv', mimeType: CSV, buffer: Buffer.from('name,company\nAl,Acme\n') });
  await page.getByText(/1 row read/).waitFor({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  await page.getByRole('alert').filter({ hasText: /phone/i }).first().waitFor();
  // "Next" stays pressable and says why it cannot go on, beside it.
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByTestId('mapping-problems').filter({ hasText: 'No column goes to the phone number' }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('mapping-problems');
  expect(page.url()).toMatch(/step=columns/);
  await page.getByLabel('name', { exact: true }).selectOption('phone');
  await page.getByText(/1 row read, 1 with errors/).waitFor();
  expect(await page.getByTestId('mapping-problems').count()).toBe(0);
  await page.close();
});

it('reads a legacy .xls workbook, recovering a phone number Excel stored as a number', async () => {
  const page = await context.newPage();
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['phone_number', 'customer_name'],
      ['+14152007001', 'Ida Lowe'],
      [14152007002, 'Jon Moss'],
    ]),
    'Sheet1',
  );
  const buffer = XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
  await page.goto(`${inject('baseUrl')}/import?campaign=${campaignId}`);
  await page.getByText('Columns the assistant').waitFor({ timeout: 30_000 });
  await page.locator('#file').setInputFiles({ name: 'legacy.xls', mimeType: 'application/vnd.ms-excel', buffer });
  await page.getByText(/2 rows read, 0 with errors/).waitFor({ timeout: 30_000 });
  expect(await page.getByLabel('Sheet').count()).toBe(0);
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await importAndWait(page, 'completed');
  expect(await page.getByTestId('imported').textContent()).toBe('2');
  await page.close();
});
