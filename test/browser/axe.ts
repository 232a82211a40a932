/**
 * axe-core over a page (or parts of it): the WCAG 2.0–2.2 A and AA rules, or the rules named.
 * axe-core is put into a document and each of its frames once, and run there (`axe.run`) for
 * every scan: a page the tests move through with the app's own navigation keeps its document, so
 * a whole sweep loads the ~550 KB script once, where @axe-core/playwright evaluated it twice per
 * scan (and by default finished each run in a newly opened blank page, for cross-origin frames,
 * which the app does not have). Only violations are reported node by node (resultTypes): the
 * passes' details, which no test reads, were most of what crossed from Chromium to the test at
 * every scan.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, RunOptions } from 'axe-core';

/** The part of axe-core's API the scan calls in the page. */
interface InPage {
  axe: { run(context: unknown, options: RunOptions): Promise<AxeResults> };
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The script, then the frames it may talk to: every origin (a test's own pages; a srcdoc frame's origin is opaque). */
const AXE_CONFIGURED = `${AXE_SOURCE};axe.configure({ allowedOrigins: ['<unsafe_all_origins>'] });`;

export async function axeScan(page: Page, opts: { include?: string[]; rules?: string[] } = {}): Promise<AxeResults> {
  // Into every frame that lacks it: axe.run in the page reaches its frames' documents through the
  // axe in each of them (the app has no frames today; a page that embeds one is still scanned whole).
  for (const frame of page.frames()) {
    const loaded = await frame.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
    if (!loaded) await frame.evaluate(AXE_CONFIGURED);
  }
  const options: RunOptions = {
    resultTypes: ['violations'],
    runOnly: opts.rules ? { type: 'rule', values: opts.rules } : { type: 'tag', values: WCAG_TAGS },
  };
  const context = opts.include?.length ? { include: opts.include } : null;
  return page.evaluate(({ context, options }) => (window as unknown as InPage).axe.run(context ?? document, options), { context, options });
}
