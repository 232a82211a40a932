/** Debian's Chromium through playwright-core, with the flags this closed network needs. */
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SCREENSHOTS = 'test-results/screenshots';

/** `timezoneId` and `locale` set the browser's own (the viewer's) zone and language, for tests of times shown in them. */
export async function launch(opts: { timezoneId?: string; locale?: string } = {}): Promise<BrowserContext> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    ...opts,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
