/**
 * The webhooks page against the dev server, with a receiver on the loopback address in this
 * process that verifies every request as a receiver would (standardwebhooks): an endpoint added
 * in the page shows its secret once; "Send test event" arrives signed with it; an import's end
 * arrives as import.completed; a failed delivery shows in the log and "Retry now" sends it again
 * with the same webhook-id; a cancelled import sends its email saying so, and its webhook. The page
 * is axe-clean.
 */
import http from 'node:http';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { launch } from './browser.ts';
import { awaitMail } from './sent-mail.ts';
import { signInContext } from './sign-in.ts';
import { fileWorkspace } from './workspace.ts';
import { axeScan } from './axe.ts';

const WS = fileWorkspace(import.meta.url);

interface Arrival {
  path: string;
  headers: Record<string, string>;
  body: string;
  answered: number;
}

const arrivals: Arrival[] = [];
/** Paths answered 503 with Retry-After: 3600 (the next automatic attempt is an hour away). */
const refusing = new Set<string>();
let receiver: http.Server;
let receiverUrl = '';
let context: BrowserContext;
const base = () => inject('baseUrl');
const auth = () => ({ Authorization: `Bearer ${WS.token}` });

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const answered = refusing.has(path) ? 503 : 200;
      arrivals.push({ path, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8'), answered });
      res.writeHead(answered, answered === 503 ? { 'Retry-After': '3600' } : {});
      res.end(answered === 503 ? 'busy' : 'ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
  context = await launch();
  // The demo workspace's owner (webhooks need the admin role).
  await signInContext(context, base(), WS.ownerEmail);
});
afterAll(async () => {
  await context?.close();
  await new Promise((r) => receiver?.close(r));
});

async function until<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const verify = (secret: string, a: Arrival) => new Webhook(secret).verify(a.body, a.headers) as { type: string; data: Record<string, unknown> };

async function axe(page: Page) {
  const scan = await axeScan(page);
  expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

/** Adds an endpoint in the page; returns the secret it showed once. */
async function addEndpoint(page: Page, path: string): Promise<string> {
  await page.getByLabel('Endpoint URL').fill(`${receiverUrl}${path}`);
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const shown = page.getByTestId('webhook-secret');
  await shown.waitFor();
  const secret = (await shown.locator('code').textContent())!.trim();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  await shown.getByRole('button', { name: 'I have stored it' }).click();
  expect(await page.getByTestId('webhook-secret').count()).toBe(0);
  return secret;
}

const endpointItem = (page: Page, path: string) => page.getByTestId('webhook-endpoint').filter({ hasText: `${receiverUrl}${path}` });

it('adds an endpoint with its secret shown once, sends a test event signed with it, and shows the delivery as succeeded', async () => {
  const page = await context.newPage();
  await page.goto(`${base()}/`);
  await page.getByRole('link', { name: 'Webhooks' }).click();
  await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
  const path = `/page-${Date.now()}`;
  const secret = await addEndpoint(page, path);
  const item = endpointItem(page, path);
  await item.waitFor();
  expect(await item.getByTestId('endpoint-state').textContent()).toBe('enabled');
  // Reloaded, the page never shows the secret again.
  await page.reload();
  await item.waitFor();
  expect(await page.content()).not.toContain(secret.slice(6));

  await item.getByRole('button', { name: 'Send test event' }).click();
  const test = await until(() => arrivals.find((a) => a.path === path), 'the test event');
  expect(verify(secret, test)).toMatchObject({ type: 'webhook.test' });
  await item.getByTestId('delivery-status').filter({ hasText: 'succeeded' }).waitFor();
  await axe(page);
  await page.close();
});

it('keeps an endpoint added while the list is on its way: a list read before it existed does not drop it', async () => {
  const page = await context.newPage();
  // The list is read by the server at once, but its answer reaches the page only after the new endpoint was added.
  let added!: () => void;
  const endpointAdded = new Promise<void>((resolve) => (added = resolve));
  let listed = -1;
  await page.route('**/api/v1/webhooks', async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    const response = await route.fetch();
    listed = ((await response.json()) as { items: unknown[] }).items.length;
    await endpointAdded;
    await route.fulfill({ response });
  });
  await page.goto(`${base()}/webhooks`);
  // The server has answered the list (so it was read before the endpoint below exists).
  await expect.poll(() => listed, { timeout: 30_000 }).toBeGreaterThanOrEqual(0);
  const path = `/early-${Date.now()}`;
  await addEndpoint(page, path);
  await endpointItem(page, path).waitFor();
  expect(await page.locator('ul.list').getAttribute('aria-busy')).toBe('true');
  added();
  // The stale list arrives: every endpoint it holds is shown, and the new one with them.
  await page.locator('ul.list[aria-busy="false"]').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('webhook-endpoint').count()).toBe(listed + 1);
  expect(await endpointItem(page, path).count()).toBe(1);
  await page.close();
});

it("an import's end arrives signed; a refused delivery shows pending in the log and Retry now sends it again with the same webhook-id", async () => {
  const page = await context.newPage();
  await page.goto(`${base()}/webhooks`);
  const path = `/retry-${Date.now()}`;
  refusing.add(path);
  const secret = await addEndpoint(page, path);
  const item = endpointItem(page, path);
  const res = await fetch(`${base()}/api/v1/campaigns/${WS.campaignId}/imports?fileName=hook.csv&ignoreErrors=true`, {
    method: 'POST',
    headers: { ...auth(), 'Content-Type': 'text/csv' },
    body: 'phone_number,customer_name\r\n+14152009901,Ann\r\nnope,Bob\r\n',
  });
  expect(res.status).toBe(201);
  const view = (await res.json()) as { id: string };
  const first = await until(() => arrivals.find((a) => a.path === path), 'the first attempt');
  expect(first.answered).toBe(503);
  expect(verify(secret, first)).toMatchObject({ type: 'import.completed', data: { importId: view.id, status: 'completed', importedRows: 1, failedRows: 1 } });
  // The log shows it pending, answered 503.
  await item.getByRole('button', { name: 'Refresh' }).click();
  await item.getByTestId('delivery-status').filter({ hasText: 'pending' }).waitFor();
  expect(await item.getByRole('cell', { name: '503' }).count()).toBe(1);
  refusing.delete(path);
  await item.getByRole('button', { name: /Retry the import\.completed delivery now/ }).click();
  const second = await until(() => arrivals.filter((a) => a.path === path)[1], 'the retry');
  expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
  expect(second.body).toBe(first.body);
  expect(verify(secret, second).type).toBe('import.completed');
  await item.getByTestId('delivery-status').filter({ hasText: 'succeeded' }).waitFor();
  await page.close();
});

it('a cancelled import sends its email, saying it was cancelled, and its import.cancelled webhook', async () => {
  const path = `/cancel-${Date.now()}`;
  const created = (await (await fetch(`${base()}/api/v1/webhooks`, { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: JSON.stringify({ url: `${receiverUrl}${path}`, events: ['import.cancelled'] }) })).json()) as { secret: string };
  const recipient = `cancel-${Date.now()}@example.com`;
  const imp = (await (
    await fetch(`${base()}/api/v1/imports`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ campaignId: WS.campaignId, fileName: 'to-cancel.csv', headers: ['phone_number', 'customer_name'], totalRows: 1, ignoreErrors: true, notifyEmail: recipient }),
    })
  ).json()) as { id: string };
  const chunk = await fetch(`${base()}/api/v1/imports/${imp.id}/chunks/0`, { method: 'PUT', headers: auth(), body: JSON.stringify({ v: 1, index: 0, rows: [{ row: 1, cells: ['+14152009911', 'Ann'] }] }) });
  expect(chunk.status).toBe(200);
  const cancel = await fetch(`${base()}/api/v1/imports/${imp.id}`, { method: 'DELETE', headers: auth() });
  expect(cancel.status).toBe(200);
  const mail = await awaitMail(base(), (m) => m.to.includes(recipient));
  expect(mail?.subject).toMatch(/^Lead import was cancelled: to-cancel\.csv → Demo campaign/);
  const hook = await until(() => arrivals.find((a) => a.path === path), 'the import.cancelled webhook');
  expect(verify(created.secret, hook)).toMatchObject({ type: 'import.cancelled', data: { importId: imp.id, status: 'cancelled' } });
});
