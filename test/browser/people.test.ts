/**
 * People in the app: the owner signs in through the email, invites a second person as a viewer, who
 * joins by signing in through their own email and cannot import (the app hides it, the API refuses
 * it); API tokens are created (secret shown once, copy button) and revoked; the audit log shows it all.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { codeFromEmail, DEMO_EMAIL, signInContext } from './sign-in.ts';

const base = () => inject('baseUrl');
let owner: BrowserContext;
let guest: BrowserContext;
const viewerEmail = `viewer-${Date.now()}@example.com`;

beforeAll(async () => {
  owner = await launch();
  guest = await launch();
});
afterAll(async () => {
  await owner?.close();
  await guest?.close();
});

/** Signs in through the page: the address, then the code from the email the dev server wrote. */
async function signInThroughPage(page: Page, email: string, prefilled = false) {
  if (prefilled) expect(await page.getByLabel('Email address').inputValue()).toBe(email);
  else await page.getByLabel('Email address').fill(email);
  const since = Date.now();
  await page.getByRole('button', { name: 'Email me a code' }).click();
  await page.getByLabel('Code from the email').waitFor();
  await page.getByLabel('Code from the email').fill(await codeFromEmail(base(), email, since));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

it('signs the owner in through the email; the header says who and where; a wrong code is refused with the tries left', async () => {
  const page = await owner.newPage();
  await page.goto(base());
  await page.getByLabel('Email address').fill(DEMO_EMAIL);
  await page.getByRole('button', { name: 'Email me a code' }).click();
  await page.getByLabel('Code from the email').fill('00000001');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'tries left' }).waitFor();
  await page.getByRole('button', { name: 'Use another address or get a new code' }).click();
  await signInThroughPage(page, DEMO_EMAIL, true);
  await page.getByRole('link', { name: 'Demo campaign' }).waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('signed-in-as').textContent()).toMatch(/demo@example\.com\s*·\s*Demo workspace \(owner\)/);
  // No token anywhere in the page's storage: the session is an HttpOnly cookie.
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toMatch(/lit_/);
  expect(await page.evaluate(() => document.cookie)).toBe('');
});

it('invites a second person, who joins as a viewer through the email link and cannot import', async () => {
  const page = await owner.newPage();
  await page.goto(`${base()}/members`);
  await page.getByLabel('Email address').fill(viewerEmail);
  await page.getByLabel('Role', { exact: true }).selectOption('viewer');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await page.getByRole('status').filter({ hasText: `Invitation sent to ${viewerEmail}` }).waitFor();
  await page.getByRole('cell', { name: viewerEmail, exact: true }).first().waitFor();

  const listing = (await (await fetch(`${base()}/cdn-cgi/local/explorer/api/local/email/sending`)).json()) as { result: { to: string[] | string; subject: string; messageId: string }[] };
  const invitation = listing.result.find((m) => String(m.to).includes(viewerEmail) && m.subject.includes('invited'));
  expect(invitation?.subject).toBe('You are invited to Demo workspace on Lead import');

  const viewer = await guest.newPage();
  await viewer.goto(`${base()}/signin?email=${encodeURIComponent(viewerEmail)}`);
  await signInThroughPage(viewer, viewerEmail, true);
  await viewer.getByTestId('signed-in-as').filter({ hasText: 'Demo workspace (viewer)' }).waitFor({ timeout: 30_000 });
  await viewer.getByRole('link', { name: 'Demo campaign' }).waitFor();
  // The app hides importing from a viewer…
  expect(await viewer.getByRole('link', { name: 'Import leads' }).count()).toBe(0);
  await viewer.goto(`${base()}/import?campaign=cmp_demo`);
  await viewer.getByTestId('cannot-import').waitFor();
  expect(await viewer.getByTestId('cannot-import').textContent()).toMatch(/\(viewer\) may read leads and imports but not import/);
  // …and the API refuses it with the viewer's own session.
  const refused = await viewer.evaluate(async () => {
    const res = await fetch('/api/v1/campaigns/cmp_demo/imports?fileName=x.csv', { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: 'phone_number\n+14155550100\n' });
    return { status: res.status, body: await res.json() };
  });
  expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN', details: { missing: 'member' } } } });

  // The owner sees the new member.
  await page.reload();
  await page.getByRole('cell', { name: viewerEmail, exact: true }).first().waitFor();
  expect(await page.getByLabel(`Role of ${viewerEmail}`).inputValue()).toBe('viewer');
});

it('creates an API token shown once with a copy button, which works until it is revoked', async () => {
  await owner.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base() });
  const page = await owner.newPage();
  await page.goto(`${base()}/tokens`);
  await page.getByLabel('Name').fill('Nightly CRM sync');
  await page.getByLabel('Role').selectOption('member');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').textContent())!;
  expect(token).toMatch(/^lit_[0-9a-f]{64}$/);
  await page.getByRole('button', { name: 'Copy token' }).click();
  await page.getByRole('button', { name: 'Copied' }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  const use = () => fetch(`${base()}/api/v1/campaigns`, { headers: { Authorization: `Bearer ${token}` } });
  expect((await use()).status).toBe(200);
  await page.getByRole('button', { name: 'Done' }).click();
  expect(await page.getByTestId('new-token').count()).toBe(0);
  await page.reload();
  await page.getByRole('cell', { name: 'Nightly CRM sync', exact: true }).waitFor();
  expect(await page.content()).not.toContain(token);
  await page.getByRole('button', { name: 'Revoke Nightly CRM sync' }).click();
  await page.getByRole('cell', { name: 'Nightly CRM sync', exact: true }).waitFor({ state: 'detached' });
  expect((await use()).status).toBe(401);
});

it('shows the audit log with filters by action and person, and exports it as CSV', async () => {
  const page = await owner.newPage();
  await page.goto(`${base()}/audit`);
  await page.getByTestId('audit-table').waitFor();
  await page.getByLabel('Action').selectOption('member.invited');
  const rows = page.getByTestId('audit-table').locator('tbody tr');
  await expect.poll(async () => (await rows.allTextContents()).every((t) => t.includes('member.invited')), { timeout: 15_000 }).toBe(true);
  expect((await rows.allTextContents()).join('\n')).toContain(viewerEmail);
  await page.getByLabel('Action').selectOption('');
  await page.getByLabel('Person').selectOption({ label: viewerEmail });
  // Only what the viewer did once the filter applies (joining, signing in): the "Who" column names them on every row.
  const who = rows.locator('td:nth-child(2)');
  await expect.poll(async () => (await who.allTextContents()).every((t) => t.includes(viewerEmail)), { timeout: 15_000 }).toBe(true);
  expect((await rows.allTextContents()).join('\n')).toContain('member.joined');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('audit.csv');
});

it('edits the email allow-list (admins)', async () => {
  const page = await owner.newPage();
  await page.goto(`${base()}/notify-emails`);
  await page.getByLabel('Address or @domain').fill('@acme-people.test');
  await page.getByRole('button', { name: 'Allow', exact: true }).click();
  await page.getByRole('status').filter({ hasText: '@acme-people.test may now receive import emails.' }).waitFor();
  const list = await fetch(`${base()}/api/v1/workspace/notify-emails`, { headers: { Authorization: `Bearer ${inject('token')}` } });
  expect(((await list.json()) as { items: string[] }).items).toContain('@acme-people.test');
  await page.getByRole('button', { name: 'Remove @acme-people.test' }).click();
  await page.getByRole('status').filter({ hasText: 'removed' }).waitFor();
});

it('a person in two workspaces switches between them in the header', async () => {
  // A second workspace (seeded for this test, test/browser/global-setup.ts) invites the demo owner.
  const otherOwner = inject('spareWorkspace').token;
  const invited = await fetch(`${base()}/api/v1/invitations`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${otherOwner}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: DEMO_EMAIL, role: 'admin' }),
  });
  expect(invited.status).toBe(201);
  // Signing in again accepts the invitation.
  await signInContext(owner, base());
  const page = await owner.newPage();
  await page.goto(`${base()}/campaigns`);
  const switcher = page.getByLabel('Workspace');
  await switcher.waitFor({ timeout: 30_000 });
  expect(await switcher.locator('option').allTextContents()).toEqual(['Demo workspace (owner)', 'Second Workspace (admin)']);
  await switcher.selectOption({ label: 'Second Workspace (admin)' });
  await expect.poll(() => page.getByLabel('Workspace').evaluate((s) => (s as unknown as HTMLSelectElement).selectedOptions[0]?.textContent), { timeout: 30_000 }).toBe('Second Workspace (admin)');
  await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
  expect(await page.getByRole('link', { name: 'Demo campaign' }).count()).toBe(0);
  await page.getByLabel('Workspace').selectOption({ label: 'Demo workspace (owner)' });
  await page.getByRole('link', { name: 'Demo campaign' }).waitFor({ timeout: 30_000 });
});

it('signs out everywhere: every session of the person ends', async () => {
  const page = await guest.newPage();
  await page.goto(base());
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await page.getByLabel('Email address').waitFor();
  const other = await guest.newPage();
  await other.goto(`${base()}/campaigns`);
  await other.getByLabel('Email address').waitFor();
});
