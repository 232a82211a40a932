/** The SPA served by the Worker shows the demo campaign to the demo token. */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launch } from './browser.ts';
import { fileWorkspace } from './workspace.ts';

const WS = fileWorkspace(import.meta.url);

let context: BrowserContext;
beforeAll(async () => {
  context = await launch();
});
afterAll(async () => {
  await context?.close();
});

it('loads the SPA from the Worker and lists the demo campaign', async () => {
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}/#token=${WS.token}`);
  await page.getByRole('link', { name: 'Demo campaign' }).waitFor({ timeout: 30_000 });
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Campaigns/);
});

it('asks for a token when none is stored and refuses a wrong one', async () => {
  const page = await (await launch()).newPage();
  await page.goto(inject('baseUrl'));
  await page.getByLabel('API token').fill('lit_wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').waitFor();
  expect(await page.getByRole('alert').textContent()).toMatch(/not valid/);
  await page.context().close();
});
