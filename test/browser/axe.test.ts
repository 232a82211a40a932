/** The axe helper every page check uses still reports what it should (a scan that found nothing would pass every sweep). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launch } from './browser.ts';
import { axeScan } from './axe.ts';

let context: BrowserContext;
beforeAll(async () => {
  context = await launch();
});
afterAll(async () => {
  await context?.close();
});

const PAGE = `<!doctype html><html lang="en"><title>t</title><main>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <p style="color:#777;background:#888">low contrast</p>
  <div id="part"><button></button></div></main></html>`;

it('reports violations by rule: the WCAG rules, the rules named, within the parts included', async () => {
  const page = await context.newPage();
  await page.setContent(PAGE);
  expect((await axeScan(page)).violations.map((v) => v.id).sort()).toEqual(['button-name', 'color-contrast', 'image-alt']);
  expect((await axeScan(page, { rules: ['color-contrast', 'link-in-text-block'] })).violations.map((v) => v.id)).toEqual(['color-contrast']);
  expect((await axeScan(page, { include: ['#part'] })).violations.map((v) => v.id)).toEqual(['button-name']);
  // The same document changed (as the app's navigation changes it): the next scan reads it as it is now.
  await page.evaluate(() => document.querySelector('main')!.appendChild(document.createElement('input')));
  expect((await axeScan(page, { rules: ['label', 'button-name'] })).violations.map((v) => v.id).sort()).toEqual(['button-name', 'label']);
  // A rewritten document (setContent keeps the window, and the axe in it) is read as it is now.
  await page.setContent(PAGE.replace('<button></button>', '<button>Go</button>'));
  expect((await axeScan(page)).violations.map((v) => v.id).sort()).toEqual(['color-contrast', 'image-alt']);
  await page.close();
  // A new page with a frame: axe goes into both documents, and the frame's violation is reported.
  const framed = await context.newPage();
  await framed.setContent(PAGE.replace('<div id="part"><button></button></div>', '<iframe title="form" srcdoc="<!doctype html><html lang=en><title>f</title><main><button></button></main></html>"></iframe>'));
  await framed.frameLocator('iframe').locator('button').waitFor();
  expect((await axeScan(framed, { rules: ['button-name'] })).violations.flatMap((v) => v.nodes.map((n) => n.target))).toEqual([['iframe', 'button']]);
  await framed.close();
});
