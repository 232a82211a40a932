/**
 * The designed app in Chromium: navigation, assistants and campaigns created and edited through
 * their pages (with the API's validation messages), human error names and the import button's
 * honest label in the wizard, the outcome bar. Every page axe-clean and screenshotted at 1280x800
 * and 390x844 in both themes: design-desktop.test.ts and design-phone.test.ts (page-sweep.ts).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { cellProblem } from './cell-problem.ts';
import { signInContext } from './sign-in.ts';
import { launch, SCREENSHOTS } from './browser.ts';
import { fileWorkspace } from './workspace.ts';
import { axeScan } from './axe.ts';

const WS = fileWorkspace(import.meta.url);

let context: BrowserContext;
const base = () => inject('baseUrl');
const stamp = Date.now().toString(36);

beforeAll(async () => {
  context = await launch();
  await signInContext(context, inject('baseUrl'), WS.ownerEmail);
  const page = await context.newPage();
  await page.goto(`${base()}/`);
  await page.getByRole('link', { name: 'Demo campaign' }).waitFor({ timeout: 30_000 });
  await page.close();
});
afterAll(async () => {
  await context?.close();
});

async function axe(page: Page, where: string) {
  const scan = await axeScan(page);
  expect(scan.violations.map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

describe('navigation', () => {
  it('has a header with the app name and the sections, the current one marked, reachable by keyboard', async () => {
    const page = await context.newPage();
    await page.goto(`${base()}/imports`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Campaigns', 'Imports', 'Assistants', 'Suppression list', 'Webhooks', 'Members', 'API tokens', 'Email allow-list', 'Audit log']);
    expect(await nav.getByRole('link', { name: 'Imports' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Campaigns' }).getAttribute('aria-current')).toBeNull();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Lead import' }).count()).resolves.toBe(1);

    // Keyboard: the first Tab shows the skip link, which moves past the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    let reached = '';
    for (let i = 0; i < 6 && reached !== 'Assistants'; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.textContent?.trim())) ?? '';
    }
    expect(reached).toBe('Assistants');
    // The focus ring is visible (an outline, not the browser's removed default).
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/assistants$/);
    await page.getByRole('heading', { level: 1, name: 'Assistants' }).waitFor();
    await page.close();
  });
});

describe('the header at 390 px', () => {
  it('takes one row; the sections and the account open from its Menu button and close after a choice', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base()}/imports`);
    const banner = page.getByRole('banner');
    const menu = banner.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    // One row: brand, "Import leads" and the Menu button side by side (their middles at one height).
    const middle = async (l: ReturnType<typeof banner.getByRole>) => {
      const b = (await l.boundingBox())!;
      return b.y + b.height / 2;
    };
    const middles = [await middle(banner.getByRole('link', { name: 'Lead import' })), await middle(banner.getByRole('link', { name: 'Import leads' })), await middle(menu)];
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(8);
    expect(await page.locator('header.app-header').evaluate((e) => e.getBoundingClientRect().height)).toBeLessThanOrEqual(64);

    await menu.click();
    await nav.waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Campaigns', 'Imports', 'Assistants', 'Suppression list', 'Webhooks', 'Members', 'API tokens', 'Email allow-list', 'Audit log']);
    expect(await banner.getByTestId('signed-in-as').isVisible()).toBe(true);
    expect(await banner.getByRole('button', { name: 'Sign out', exact: true }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await axe(page, 'header menu 390');
    await page.screenshot({ path: `${SCREENSHOTS}/header-menu-390.png` });
    await nav.getByRole('link', { name: 'Assistants' }).click();
    await page.waitForURL(/\/assistants$/);
    await nav.waitFor({ state: 'hidden' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });
});

describe('assistants and campaigns without an API client', () => {
  const assistantName = `Renewals ${stamp}`;
  const campaignName = `Spring ${stamp}`;
  let assistantPath = '';
  let campaignPath = '';

  it('creates an assistant through its page, with the API\'s messages for what it would refuse, and lists it', async () => {
    const page = await context.newPage();
    await page.goto(`${base()}/assistants`);
    await page.getByRole('button', { name: 'New assistant' }).click();
    await page.getByLabel('Name', { exact: true }).first().fill(assistantName);
    await page.locator('#variables-0-name').fill('secondary_name');
    await page.getByRole('button', { name: 'Add a variable' }).click();
    await page.locator('#variables-1-name').fill('seats');
    await page.locator('#variables-1-type').selectOption('number');
    await page.locator('#variables-1-default').fill('many');
    await page.getByRole('button', { name: 'Create assistant' }).click();
    // The messages of the API's schema, beside the fields they are about.
    await page.getByText('Variable names may not be phone_number or start with secondary_ or error_.').waitFor();
    await page.getByText("A default value must have the variable's type.").waitFor();
    expect(await page.locator('#variables-0-name').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: `${SCREENSHOTS}/assistant-create-errors.png`, fullPage: true });

    await page.locator('#variables-0-name').fill('customer_name');
    await page.locator('#variables-0-maxLength').fill('80');
    await page.locator('#variables-0-description').fill('How the assistant greets the lead');
    await page.getByRole('checkbox', { name: /^Required/ }).first().check();
    await page.locator('#variables-1-default').fill('2');
    await page.getByRole('button', { name: 'Add a secondary variable' }).click();
    await page.locator('#secondaryVariables-0-name').fill('role');
    await page.getByRole('button', { name: 'Create assistant' }).click();
    await page.waitForURL(/\/assistants\/ast_[^/?]+/);
    assistantPath = new URL(page.url()).pathname;
    await page.getByText('Assistant created.').waitFor();

    const res = await fetch(`${base()}/api/v1${assistantPath}`, { headers: { Authorization: `Bearer ${WS.token}` } });
    expect(await res.json()).toMatchObject({
      name: assistantName,
      variables: [
        { name: 'customer_name', type: 'text', required: true, maxLength: 80, description: 'How the assistant greets the lead' },
        { name: 'seats', type: 'number', default: 2 },
      ],
      secondaryVariables: [{ name: 'role', type: 'text' }],
    });
    await page.getByRole('link', { name: 'Assistants' }).first().click();
    await page.getByRole('link', { name: assistantName }).waitFor();
    await page.close();
  });

  it('edits the assistant: name and variables, saying that only future imports are affected', async () => {
    const page = await context.newPage();
    await page.goto(`${base()}${assistantPath}`);
    await page.getByText('affects only imports started after you save').waitFor();
    await page.getByLabel('Name', { exact: true }).first().fill(`${assistantName} v2`);
    await page.getByRole('button', { name: 'Remove seats' }).click();
    await page.getByRole('button', { name: 'Add a variable' }).click();
    await page.locator('#variables-1-name').fill('vip');
    await page.locator('#variables-1-type').selectOption('boolean');
    await page.locator('#variables-1-default').selectOption('false');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved. Imports you start from now on use these variables.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `${assistantName} v2` }).waitFor();
    expect(await page.locator('#variables-1-name').inputValue()).toBe('vip');
    expect(await page.locator('#variables-1-default').inputValue()).toBe('false');
    expect(await page.locator('#variables-2-name').count()).toBe(0);
    await page.close();
  });

  it('creates a campaign through its page (name, assistant, default country) and lists it', async () => {
    const page = await context.newPage();
    await page.goto(`${base()}/campaigns`);
    await page.getByRole('button', { name: 'New campaign' }).first().click();
    await page.getByLabel('Assistant').selectOption({ label: `${assistantName} v2` });
    await page.getByLabel(/Default country/).fill('XX');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByText('name is required.').waitFor();
    await page.getByText('defaultCountry is not a country with phone numbers we know.').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/campaign-create-errors.png`, fullPage: true });
    await page.getByLabel('Name', { exact: true }).fill(campaignName);
    await page.getByLabel(/Default country/).fill('gb');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByText(`Campaign “${campaignName}” created.`).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: campaignName }) });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([campaignName, `${assistantName} v2`, '0', 'GB', 'None yet']);
    // Numbers are right-aligned.
    expect(await row.getByRole('cell').nth(2).evaluate((td) => getComputedStyle(td).textAlign)).toBe('right');
    campaignPath = (await row.getByRole('link', { name: campaignName }).getAttribute('href'))!;
    await page.close();
  });

  it('edits the campaign in its settings, and shows the API\'s answer when the server refuses', async () => {
    const page = await context.newPage();
    await page.goto(`${base()}${campaignPath}`);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/settings$/);
    await page.getByLabel('Name', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('name is required.').waitFor();
    await page.getByLabel('Name', { exact: true }).fill(`${campaignName} renamed`);
    await page.getByLabel('Default country').fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved.').waitFor();

    // A request the browser would not send (altered on its way) is refused by the server, whose message is shown.
    await page.route('**/api/v1/campaigns/*', (route) =>
      route.request().method() === 'PATCH' ? route.continue({ postData: JSON.stringify({ defaultCountry: 'ZZ' }) }) : route.continue(),
    );
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').filter({ hasText: 'defaultCountry: defaultCountry is not a country with phone numbers we know.' }).waitFor();
    await page.unroute('**/api/v1/campaigns/*');

    await page.goto(`${base()}${campaignPath}`);
    await page.getByRole('heading', { level: 1, name: `${campaignName} renamed` }).waitFor();
    await page.getByText('no default country').waitFor();
    await page.close();
  });
});

describe('the wizard and the import page', () => {
  it('names errors for people, and the import button says that nothing is imported while errors remain', async () => {
    const page = await context.newPage();
    await page.goto(`${base()}/import?campaign=${WS.campaignId}`);
    await page.getByText('Columns the assistant').waitFor({ timeout: 30_000 });
    const csv = ['phone_number,customer_name', '+14159001001,Al', '12,Bo', '+14159001003,Cy', '+14159001001,Di'].join('\n');
    await page.locator('#file').setInputFiles({ name: `names-${stamp}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText(/4 rows read, 2 with errors/).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Next: match columns' }).click();
    await page.getByRole('button', { name: 'Next: preview' }).click();

    const table = page.getByRole('table', { name: 'Errors by type' });
    await table.getByText('Phone number not valid').waitFor();
    await table.getByText('Same number earlier in the file').waitFor();
    await table.getByText('Use international format with the country code').first().waitFor();
    expect(await table.locator('code').allTextContents()).toEqual(expect.arrayContaining(['PHONE_INVALID', 'DUPLICATE_IN_FILE']));
    expect(await cellProblem(page, 'Row 2, phone_number')).toMatch(/^Phone number not valid: /);

    const button = page.getByRole('button', { name: 'Get the error report (nothing is imported)' });
    await button.waitFor();
    const note = page.locator('#import-note');
    expect(await note.textContent()).toBe(
      '"Ignore errors" is off and 2 rows have errors, so nothing will be imported: you will get a report listing every problem. To import the 2 rows without errors now, turn on "Ignore errors", or fix or delete the rows above first.',
    );
    expect(await button.getAttribute('aria-describedby')).toBe('import-note');
    await page.screenshot({ path: `${SCREENSHOTS}/wizard-report-only.png`, fullPage: true });

    await page.getByLabel('Ignore errors').check();
    await page.getByRole('button', { name: 'Import 2 leads, skip 2 rows' }).waitFor();
    expect(await note.textContent()).toMatch(/^The 2 rows without errors will be imported. The 2 rows with errors will be skipped/);
    await page.getByLabel('Ignore errors').uncheck();

    // Pressed as it is, it does what it said: the import fails, nothing imported.
    await button.click();
    await page.waitForURL(/\/imports\/[^/]+$/, { timeout: 60_000 });
    // A run that only checked the rows is shown as what it is, not as a red failure.
    const status = page.locator('[data-testid="import-status"][data-status="failed"]');
    await status.waitFor({ timeout: 60_000 });
    expect(await status.innerText()).toBe('Checked — nothing imported');
    expect(await status.evaluate((el) => el.classList.contains('warning'))).toBe(true);
    expect(await page.getByTestId('imported').textContent()).toBe('0');
    await page.close();
  });

  it('shows the outcome as a bar with its text equivalent, and error names on the import page', async () => {
    const page = await context.newPage();
    // An import with ignore errors on through the API: 3 imported, 1 invalid, 1 duplicate.
    const csv = ['phone_number,customer_name', '+14159002001,Al', 'nope,Bo', '+14159002003,Cy', '+14159002001,Di', '+14159002005,Ed'].join('\n');
    const res = await fetch(`${base()}/api/v1/campaigns/${WS.campaignId}/imports?ignoreErrors=true&fileName=outcome-${stamp}.csv`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${WS.token}`, 'Content-Type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { id: string }).id;
    await page.goto(`${base()}/imports/${id}`);
    const figure = page.getByRole('figure', { name: 'Outcome of the 5 rows' });
    await figure.waitFor({ timeout: 30_000 });
    expect((await figure.getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(['Created: 3 rows', 'Phone number not valid: 1 row', 'Same number earlier in the file: 1 row']);
    // The coloured bar is decoration; its widths follow the counts.
    const widths = await figure.locator('.bar > span').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
    expect(widths).toHaveLength(3);
    expect(widths[0]! / widths[1]!).toBeGreaterThan(2.5);
    expect(await figure.locator('.bar').getAttribute('aria-hidden')).toBe('true');
    await page.getByRole('cell', { name: /Phone number not valid/ }).getByText('PHONE_INVALID').waitFor();
    await page.close();
  });
});
