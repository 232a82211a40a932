/** The SPA served by the Worker shows the demo campaign to its signed-in owner, and the sign-in form to anyone else. */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
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

it('loads the SPA from the Worker and lists the demo campaign', async () => {
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}/`);
  await page.getByRole('link', { name: 'Demo campaign' }).waitFor({ timeout: 30_000 });
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Campaigns/);
});

it('asks a signed-out visitor to sign in, and refuses a wrong code with the tries left', async () => {
  const fresh = await launch();
  const page = await fresh.newPage();
  await page.goto(inject('baseUrl'));
  await page.getByLabel('Email address').fill(WS.ownerEmail);
  await page.getByRole('button', { name: 'Email me a code' }).click();
  await page.getByLabel('Code from the email').fill('12345678');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('alert').waitFor();
  expect(await page.getByRole('alert').textContent()).toMatch(/That code is wrong\. 4 tries left\./);
  await fresh.close();
});
