/**
 * axe-core over a page (or parts of it): the WCAG 2.0–2.2 A and AA rules, or the rules named.
 * Only violations are reported node by node (resultTypes): the passes' details, which no test
 * reads, were most of what crossed from Chromium to the test at every scan. `axe.run` in the page
 * itself (AxeBuilder's legacy mode): otherwise every scan opens a blank page, injects axe-core
 * there a second time and finishes the run in it, for the sake of cross-origin frames, which the
 * app does not have.
 */
import type { Page } from 'playwright-core';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function axeScan(page: Page, opts: { include?: string[]; rules?: string[] } = {}) {
  const { AxeBuilder } = await import('@axe-core/playwright');
  let builder = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  for (const selector of opts.include ?? []) builder = builder.include(selector);
  builder = opts.rules ? builder.withRules(opts.rules) : builder.withTags(WCAG_TAGS);
  return builder.analyze();
}
