/** What the preview grid says of a cell's problem (its accessible description: name, message, guidance), '' when it has none. */
import type { Page } from 'playwright-core';

export async function cellProblem(page: Page, label: string): Promise<string> {
  const id = await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby');
  return id ? ((await page.locator(`[id="${id}"]`).textContent()) ?? '') : '';
}
