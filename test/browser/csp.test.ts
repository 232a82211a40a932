/**
 * The SPA under its content policy: HSTS and frame-ancestors as headers, script hashes and
 * connect-src 'self' in the page's meta policy. The app still runs (its progress WebSocket to the
 * same origin included), and what the policy exists to stop is stopped.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { signInContext } from './sign-in.ts';
import { launch } from './browser.ts';
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

it('serves the SPA with HSTS and a hashed script policy, and the same-origin progress WebSocket works under it', async () => {
  const base = inject('baseUrl');
  const token = WS.token;
  // A browser import that is uploading (queued) keeps its page's live socket open.
  const created = await fetch(`${base}/api/v1/imports`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ campaignId: WS.campaignId, fileName: 'csp.csv', headers: ['phone_number'] }),
  });
  expect(created.status).toBe(201);
  expect(created.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  const importId = ((await created.json()) as { id: string }).id;

  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));

  const res = await page.goto(`${base}/`);
  expect(res!.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  // The header and the page's meta tag carry the same policy (the header adds frame-ancestors).
  const header = res!.headers()['content-security-policy']!;
  const policy = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content'))!;
  expect(header).toBe(`${policy}; frame-ancestors 'none'`);
  expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
  expect(/script-src [^;]*/.exec(policy)![0]).not.toContain('unsafe-inline');
  expect(policy).toMatch(/connect-src 'self'(;|$)/);
  await page.getByRole('link', { name: 'Demo campaign' }).waitFor({ timeout: 30_000 });

  await page.goto(`${base}/imports/${importId}`);
  await expect.poll(() => frames.some((f) => f.includes(importId)), { timeout: 30_000 }).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);

  // What the policy stops: an injected inline script, and a socket to another host.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.head.appendChild(s);
    try {
      new WebSocket('ws://203.0.113.7:9/');
    } catch {
      /* refused synchronously */
    }
  });
  await expect
    // (each of the two copies of the policy, header and meta, reports it)
    .poll(() => page.evaluate(() => [...new Set((window as unknown as { __violations: string[] }).__violations.map((v) => v.split(' ')[0]))].sort()), { timeout: 10_000 })
    .toEqual(['connect-src', 'script-src-elem']);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});
