/**
 * Every page of the app, axe-checked, measured for sideways scrolling and screenshotted at 1280x800
 * and 390x844 in one colour theme (design-light.test.ts and design-dark.test.ts run one theme each,
 * in parallel). The pages' data (an assistant, a campaign, a completed and a checked-only import,
 * the campaign's leads) is made through the API first: the design test drives those pages' forms.
 * In the dark theme only the rules about colour run (contrast, links told apart from text): the
 * pages are the same documents in both themes, only their colours change, and the light sweep runs
 * every rule.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, SCREENSHOTS } from './browser.ts';
import type { FileWorkspace } from './global-setup.ts';
import { signInContext } from './sign-in.ts';
import { fileWorkspace } from './workspace.ts';
import { axeScan } from './axe.ts';

export type Scheme = 'light' | 'dark';
interface SweptPage {
  name: string;
  path: string;
  /** Text (or a pattern) in the page's main region once its data is shown. */
  ready: string | RegExp;
}

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
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

async function check(page: Page, p: SweptPage, size: (typeof SIZES)[number], scheme: Scheme): Promise<void> {
  const where = `${p.name} ${size.name} ${scheme}:`;
  await page.goto(`${inject('baseUrl')}${p.path}`);
  // Within the page's main region: at 390 px the header's links sit behind its Menu button.
  await page.getByRole('main').getByText(p.ready).first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(150);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${p.name} at ${size.width}px scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  const scan = await axeScan(page, scheme === 'dark' ? { rules: COLOUR_RULES } : {});
  expect(scan.violations.map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  await page.screenshot({ path: `${SCREENSHOTS}/page-${p.name}-${size.width}x${size.height}${scheme === 'dark' ? '-dark' : ''}.png`, fullPage: true });
}

/** Sweeps `pages` at both sizes in `scheme` (one browser page per size, at once), then the sign-in page. */
export async function sweep(context: BrowserContext, pages: SweptPage[], scheme: Scheme): Promise<void> {
  const open = async (size: (typeof SIZES)[number]) => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: size.width, height: size.height });
    return page;
  };
  await Promise.all(
    SIZES.map(async (size) => {
      const page = await open(size);
      for (const p of pages) await check(page, p, size, scheme);
      await page.close();
    }),
  );
  // The sign-in page needs the session gone from the context's cookies: one size at a time, last.
  const signIn = { name: 'sign-in', path: '/', ready: 'Email me a code' };
  for (const size of SIZES) {
    const page = await open(size);
    const session = await context.cookies();
    await context.clearCookies();
    await check(page, signIn, size, scheme);
    await context.addCookies(session);
    await page.close();
  }
}

/** The test of a sweep file (design-light.test.ts, design-dark.test.ts): its workspace's owner signed in, every page in `scheme`. */
export function sweepTest(fileUrl: string, scheme: Scheme): void {
  const ws = fileWorkspace(fileUrl);
  let context: BrowserContext;
  beforeAll(async () => {
    context = await launch();
    await signInContext(context, inject('baseUrl'), ws.ownerEmail);
  });
  afterAll(async () => {
    await context?.close();
  });
  it(`every page is axe-clean at 1280x800 and 390x844 in the ${scheme} theme, without horizontal page scrolling; screenshots saved`, async () => {
    await sweep(context, await pagesOf(ws), scheme);
  });
}
