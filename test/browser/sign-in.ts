/**
 * Signing in for browser tests, through the real routes and the real email: ask for a code, read it
 * from the newest message the dev server sent to the address (its local email explorer), enter it; the session cookie
 * goes into the browser context. Scripts and API calls in tests use the demo token instead.
 */
import type { BrowserContext } from 'playwright-core';

export const DEMO_EMAIL = 'demo@example.com';

interface SentMail {
  to: string[] | string;
  subject: string;
  sentAt: string;
}

/** The 8-digit code of the newest sign-in email to `email` sent at or after `since` (ms), waiting for it to arrive. */
export async function codeFromEmail(base: string, email: string, since: number): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    // The explorer lists the newest messages first.
    const listing = (await (await fetch(`${base}/cdn-cgi/local/explorer/api/local/email/sending`)).json()) as { result: SentMail[] };
    const newest = listing.result
      .filter((m) => String(m.to).includes(email) && m.subject.includes('sign-in code') && Date.parse(m.sentAt) >= since)
      .sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt))[0];
    const code = newest && /code: (\d{4}) (\d{4})$/.exec(newest.subject);
    if (code) return code[1]! + code[2]!;
    if (Date.now() > deadline) throw new Error(`no sign-in code reached ${email}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Signs `email` in for `context`: the code is asked for and read from the email by the test, and
 * entered through the context's own request client (the browser context's cookie jar), so the
 * context keeps the session cookie as the sign-in form leaves it, without loading a page for it.
 */
export async function signInContext(context: BrowserContext, base: string, email = DEMO_EMAIL): Promise<void> {
  const since = Date.now();
  const asked = await fetch(`${base}/api/v1/auth/code`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: base }, body: JSON.stringify({ email }) });
  if (asked.status !== 202) throw new Error(`code: ${asked.status} ${await asked.text()}`);
  const code = await codeFromEmail(base, email, since);
  const verified = await context.request.post(`${base}/api/v1/auth/verify`, { headers: { Origin: base }, data: { email, code } });
  if (verified.status() !== 200) throw new Error(`verify answered ${verified.status()}`);
  if (!(await context.cookies(base)).length) throw new Error('verify set no cookie in the browser context');
}
