/**
 * The wizard's upload when the server fails to store a chunk: a chunk answered 500 (or lost on the
 * way back) is sent again (storing a chunk again replaces it while the upload is open) and the
 * import completes with every row; a refusal (409, a full quota's 507) is shown at once, not retried.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { signInContext } from './sign-in.ts';
import { launch } from './browser.ts';
import { fileWorkspace } from './workspace.ts';

const WS = fileWorkspace(import.meta.url);
let context: BrowserContext;
beforeAll(async () => {
  context = await launch();
  await signInContext(context, inject('baseUrl'), WS.ownerEmail);
});
afterAll(async () => {
  await context?.close();
});

/** The wizard with a three-row file, on its preview step. */
async function preview(page: Page, numbers: string[]): Promise<void> {
  await page.goto(`${inject('baseUrl')}/import?campaign=${WS.campaignId}`);
  await page.getByText('Columns the assistant').waitFor({ timeout: 30_000 });
  const csv = ['phone_number,customer_name', ...numbers.map((n, i) => `${n},Person ${i}`)].join('\n');
  await page.locator('#file').setInputFiles({ name: 'retry.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByText(/3 rows read, 0 with errors/).first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByLabel('Row 3, customer_name').waitFor();
}

/**
 * Answers the first `failures` PUTs of chunk 0 with `status` (`'lost'`: the connection fails, no
 * answer), passes the rest to the server; counts them all.
 */
async function failChunk(page: Page, failures: number, status: number | 'lost', error: { code: string; message: string } | null = null) {
  const seen = { puts: 0 };
  await page.route('**/api/v1/imports/*/chunks/0', async (route: Route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    seen.puts++;
    if (seen.puts > failures) return route.continue();
    if (status === 'lost') return route.abort('connectionreset');
    return route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ error }) });
  });
  return seen;
}

/** Starts the import and waits for it to complete with the three rows. */
async function importsAll(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Import \d/ }).click();
  await page.waitForURL(/\/imports\/imp_/, { timeout: 60_000 });
  await page.locator('[data-testid="import-status"]', { hasText: 'completed' }).waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('imported').textContent()).toBe('3');
}

const RETRIED = [
  { why: 'the server failed to store it (500)', numbers: ['+14152301001', '+14152301002', '+14152301003'], status: 500, error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' } },
  { why: 'the connection was lost before its answer', numbers: ['+14152303001', '+14152303002', '+14152303003'], status: 'lost', error: null },
] as const;

for (const c of RETRIED) {
  it(`sends a chunk again when ${c.why}, and the import completes with every row`, async () => {
    const page = await context.newPage();
    await preview(page, [...c.numbers]);
    const seen = await failChunk(page, 1, c.status, c.error);
    await importsAll(page);
    expect(seen.puts).toBe(2);
    await page.close();
  });
}

const REFUSED = [
  { what: 'a refusal of a chunk (409)', numbers: ['+14152302001', '+14152302002', '+14152302003'], status: 409, code: 'IMPORT_STARTED', message: 'This import has already started; chunks can no longer be changed.' },
  { what: 'a full storage quota (507)', numbers: ['+14152304001', '+14152304002', '+14152304003'], status: 507, code: 'STORAGE_QUOTA_EXCEEDED', message: 'This workspace already holds 1 GB of uploaded data, and its storage quota is 1 GB.' },
] as const;

for (const c of REFUSED) {
  it(`shows ${c.what} at once, without sending the chunk again`, async () => {
    const page = await context.newPage();
    await preview(page, [...c.numbers]);
    const seen = await failChunk(page, 1, c.status, { code: c.code, message: c.message });
    await page.getByRole('button', { name: /^Import \d/ }).click();
    await page.getByText(c.message).first().waitFor({ timeout: 30_000 });
    expect(seen.puts).toBe(1);
    expect(page.url()).toContain('/import');
    await page.close();
  });
}
