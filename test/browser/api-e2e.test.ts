/**
 * The checker's path against a real `wrangler dev`: a client that knows only the API table creates
 * an assistant and a campaign, downloads sample.csv, imports it with a notification email, lists
 * leads; a second workspace made by `npm run token:create` is kept out.
 */
import { expect, inject, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { awaitMail } from './sent-mail.ts';
import { fileWorkspace } from './workspace.ts';

const WS = fileWorkspace(import.meta.url);

interface Created {
  id: string;
}
interface LeadList {
  items: { secondaryContacts: unknown[]; variables: Record<string, unknown> }[];
}

const base = () => `${inject('baseUrl')}/api/v1`;
const call = (token: string, path: string, init: RequestInit = {}) =>
  fetch(`${base()}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });

it('assistant → campaign → sample.csv → import with email → leads, and tenancy', async () => {
  const token = WS.token;
  const assistant = (await (
    await call(token, '/assistants', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'E2E',
        variables: [
          { name: 'customer_name', type: 'text', required: true },
          { name: 'seats', type: 'number', default: 1 },
          { name: 'vip', type: 'boolean' },
        ],
        secondaryVariables: [{ name: 'name', type: 'text' }],
      }),
    })
  ).json()) as Created;
  expect(assistant.id).toMatch(/^ast_/);
  const campaign = (await (
    await call(token, '/campaigns', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'E2E campaign', assistantId: assistant.id, defaultCountry: 'GB' }) })
  ).json()) as Created;
  const sample = await (await call(token, `/campaigns/${campaign.id}/sample.csv`)).text();
  expect(sample.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('phone_number,customer_name,seats,vip,secondary_phone_1,secondary_1_name');

  const imported = await call(token, `/campaigns/${campaign.id}/imports?fileName=sample.csv&notifyEmail=ops@example.com`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: sample,
  });
  expect(imported.status).toBe(201);
  const view = (await imported.json()) as Created;
  expect(view).toMatchObject({ status: 'completed', importedRows: 1, failedRows: 0 });

  const leads = (await (await call(token, `/campaigns/${campaign.id}/leads`)).json()) as LeadList;
  expect(leads.items).toHaveLength(1);
  expect(leads.items[0]!.secondaryContacts).toHaveLength(1);
  expect(typeof leads.items[0]!.variables.seats).toBe('number');

  // The email is the outbox's consumer: it goes out through the events queue, just after the answer.
  const sent = await awaitMail(inject('baseUrl'), (m) => m.subject.includes('sample.csv') && m.subject.includes('E2E campaign'));
  expect(sent).toBeTruthy();
  expect(sent!.to).toEqual(['ops@example.com']);

  // Run without blocking the event loop: a blocked loop misses the server closing idle keep-alive
  // connections, and the next request on one fails with "other side closed".
  const { stdout: created } = await promisify(execFile)('node', ['scripts/create-token.ts', 'Other Inc'], {
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_PERSIST_TO: '.wrangler/test-state', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
  });
  const other = /API token \(shown once, store it now\): (\S+)/.exec(created)![1]!;
  expect((await call(other, '/campaigns')).status).toBe(200);
  expect(((await (await call(other, '/campaigns')).json()) as { items: unknown[] }).items).toEqual([]);
  for (const path of [`/campaigns/${campaign.id}`, `/campaigns/${campaign.id}/sample.csv`, `/campaigns/${campaign.id}/leads`, `/assistants/${assistant.id}`, `/imports/${view.id}`, `/imports/${view.id}/errors.csv`]) {
    expect((await call(other, path)).status, path).toBe(404);
  }
  const spa = await fetch(`${inject('baseUrl')}/`);
  expect(spa.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
});
