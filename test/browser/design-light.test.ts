/** Every page axe-clean, without sideways scrolling and screenshotted at 1280x800 and 390x844, in the light theme (page-sweep.ts). */
import { afterAll, beforeAll, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launch } from './browser.ts';
import { pagesOf, sweep } from './page-sweep.ts';
import { signInContext } from './sign-in.ts';
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

it('every page is axe-clean at 1280x800 and 390x844 in the light theme, without horizontal page scrolling; screenshots saved', async () => {
  await sweep(context, await pagesOf(WS), 'light');
});
