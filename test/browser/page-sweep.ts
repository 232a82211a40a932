/**
 * Every page of the app, axe-checked, measured for sideways scrolling and screenshotted in both
 * colour themes at one size (design-desktop.test.ts at 1280x800 and design-phone.test.ts at
 * 390x844 run one size each, in parallel). The pages' data (an assistant, a campaign, a completed
 * and a checked-only import, the campaign's leads) is made through the API first: the design test
 * drives those pages' forms. The app is loaded once per size and each page opened from the one
 * before it with the app's own navigation, as a user's link does (sign-in, outside the session, is
 * loaded afresh); reloading the app's code for every page was a third of the sweep's time. Each
 * page is opened once per size: the themes are CSS alone
 * (`prefers-color-scheme`), so the loaded page is checked in the light theme with every rule, then
 * switched to dark and checked with the rules about colour (contrast, links told apart from text):
 * the document is the same, only its colours change.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, SCREENSHOTS } from './browser.ts';
import type { FileWorkspace } from './global-setup.ts';
import { signInContext } from './sign-in.ts';
import { fileWorkspace } from './workspace.ts';
import { axeScan } from './axe.ts';

interface SweptPage {
  name: string;
  path: string;
  /** Text (or a pattern) in the page's main region once its data is shown. */
  ready: string | RegExp;
}

export const SIZES = {
  desktop: { name: 'desktop', width: 1280, height: 800 },
  phone: { name: 'phone', width: 390, height: 844 },
} as const;
type Size = (typeof SIZES)[keyof typeof SIZES];
const SCHEMES = ['light', 'dark'] as const;
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function api<T>(ws: FileWorkspace, path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const res = await fetch(`${inject('baseUrl')}/api/v1${path}`, {
    ...rest,
    headers: { Authorization: `Bearer ${ws.token}`, ...(json === undefined ? {} : { 'Content-Type': 'application/json' }), ...(rest.headers ?? {}) },
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The workspace's pages, with the data that fills them made through the API. */
export async function pagesOf(ws: FileWorkspace): Promise<SweptPage[]> {
  const stamp = Date.now().toString(36);
  const assistant = await api<{ id: string }>(ws, '/assistants', {
    method: 'POST',
    json: { name: `Renewals ${stamp}`, variables: [{ name: 'customer_name', type: 'text', required: true, maxLength: 80 }], secondaryVariables: [{ name: 'role', type: 'text' }] },
  });
  const campaign = await api<{ id: string }>(ws, '/campaigns', { method: 'POST', json: { name: `Spring ${stamp}`, assistantId: assistant.id, defaultCountry: 'GB' } });
  const upload = (csv: string, query: string) => api<{ id: string }>(ws, `/campaigns/${ws.campaignId}/imports?${query}`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: csv });
  // Checked only (ignore errors off, one bad row), and completed with its errors listed.
  const checked = await upload(['phone_number,customer_name', '+14159001001,Al', '12,Bo', '+14159001003,Cy', '+14159001001,Di'].join('\n'), `fileName=names-${stamp}.csv`);
  const completed = await upload(['phone_number,customer_name', '+14159002001,Al', 'nope,Bo', '+14159002003,Cy', '+14159002001,Di', '+14159002005,Ed'].join('\n'), `ignoreErrors=true&fileName=outcome-${stamp}.csv`);
  return [
    { name: 'assistants', path: '/assistants', ready: `Renewals ${stamp}` },
    { name: 'assistant', path: `/assistants/${assistant.id}`, ready: 'Secondary contact variables' },
    { name: 'campaigns', path: '/campaigns', ready: `Spring ${stamp}` },
    { name: 'campaign', path: `/campaigns/${campaign.id}`, ready: 'No leads yet' },
    { name: 'campaign-settings', path: `/campaigns/${campaign.id}/settings`, ready: 'General' },
    { name: 'import-wizard', path: `/import?campaign=${ws.campaignId}`, ready: 'Columns the assistant' },
    { name: 'import-completed', path: `/imports/${completed.id}`, ready: 'Outcome of the 5 rows' },
    { name: 'import-failed', path: `/imports/${checked.id}`, ready: /Outcome of the 4 rows/ },
    { name: 'imports', path: '/imports', ready: `outcome-${stamp}.csv` },
    { name: 'campaign-leads', path: `/campaigns/${ws.campaignId}`, ready: /^Phone number$/ },
    { name: 'suppressions', path: '/suppressions', ready: 'Default country' },
    { name: 'webhooks', path: '/webhooks', ready: 'Endpoints' },
    { name: 'members', path: '/members', ready: ws.ownerEmail },
    { name: 'tokens', path: '/tokens', ready: 'development token' },
    { name: 'notify-emails', path: '/notify-emails', ready: 'example.com' },
    { name: 'audit', path: '/audit', ready: 'Audit log' },
  ];
}

/**
 * Until the page has settled: nothing marked busy (lists still loading), web fonts loaded, and two
 * frames painted after that (a theme switch restyles in the next frame).
 */
async function settled(page: Page): Promise<void> {
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready.then(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))));
}

/**
 * Opens `path` as a user following a link does: within the loaded app, the router's own navigation
 * (no reload of the app's code); a full load for the first page and for a page outside the app's
 * session (sign-in).
 */
async function open(page: Page, path: string, full = false): Promise<void> {
  const url = new URL(path, inject('baseUrl'));
  const inApp = !full && page.url().startsWith(url.origin);
  if (!inApp) {
    await page.goto(url.href);
    return;
  }
  await page.evaluate((href) => {
    const a = document.createElement('a');
    a.href = href;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }, url.href);
  await page.waitForURL(url.href);
}

async function check(page: Page, p: SweptPage, size: Size, full = false): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await open(page, p.path, full);
  // Within the page's main region: at 390 px the header's links sit behind its Menu button.
  await page.getByRole('main').getByText(p.ready).first().waitFor({ timeout: 30_000 });
  await settled(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${p.name} at ${size.width}px scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  for (const scheme of SCHEMES) {
    if (scheme === 'dark') {
      await page.emulateMedia({ colorScheme: 'dark' });
      await settled(page);
      // The switch took on the loaded page: the scan below reads dark colours.
      expect(await background(), `${p.name}: the page's background after the switch to dark`).not.toBe(light);
    }
    const where = `${p.name} ${size.name} ${scheme}:`;
    const scan = await axeScan(page, scheme === 'dark' ? { rules: COLOUR_RULES } : {});
    expect(scan.violations.map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/page-${p.name}-${size.width}x${size.height}${scheme === 'dark' ? '-dark' : ''}.png`, fullPage: true });
  }
}

/** Sweeps `pages` at `size` in both themes, then the sign-in page (the session taken from the context's cookies for it). */
export async function sweep(context: BrowserContext, pages: SweptPage[], size: Size): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize({ width: size.width, height: size.height });
  for (const p of pages) await check(page, p, size);
  const session = await context.cookies();
  await context.clearCookies();
  await check(page, { name: 'sign-in', path: '/', ready: 'Email me a code' }, size, true);
  await context.addCookies(session);
  await page.close();
}

/** The test of a sweep file (design-desktop.test.ts, design-phone.test.ts): its workspace's owner signed in, every page at `size`. */
export function sweepTest(fileUrl: string, size: Size): void {
  const ws = fileWorkspace(fileUrl);
  let context: BrowserContext;
  beforeAll(async () => {
    context = await launch();
    await signInContext(context, inject('baseUrl'), ws.ownerEmail);
  });
  afterAll(async () => {
    await context?.close();
  });
  it(`every page is axe-clean at ${size.width}x${size.height} in the light and the dark theme, without horizontal page scrolling; screenshots saved`, async () => {
    await sweep(context, await pagesOf(ws), size);
  });
}
