/**
 * APP_URL has no default (I1 of the review): a Worker without it, or with an http address outside
 * local development, answers /health 503 and sends no email with links, logging why; with an https
 * address the emailed links start with it. /health through the Worker's own fetch with its vars
 * changed; the email through the outbox's email consumer given those vars.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { env, createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import { seededCampaign } from './helpers.ts';
import { csv, usNumbers } from './csv.ts';
import { decodeMail } from '../mail.ts';
import { sentEmailOf } from './outbox-helpers.ts';
import { emailEvent } from '../../workers/notify/email-event.ts';
import { readEvent } from '../../workers/lifecycle/outbox.ts';
import type { Env } from '../../workers/env.ts';

afterEach(() => vi.restoreAllMocks());

async function call(vars: Record<string, unknown>, path: string, init: RequestInit = {}) {
  const ctx = createExecutionContext();
  const res = await worker.fetch!(new Request(`http://example.com/api/v1${path}`, init) as any, { ...env, ...vars } as any, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/**
 * A headless import asking for an email; once the outbox's email consumer has sent it with the test
 * Worker's own vars, the same event is handed to the consumer again with these vars (its send
 * record cleared): what it sends and what it logs.
 */
async function importWithEmail(vars: Record<string, unknown>) {
  const { campaign, token } = await seededCampaign();
  const res = await call({}, `/campaigns/${campaign.id}/imports?ignoreErrors=true&fileName=a.csv`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv', 'X-Notify-Email': 'ops@example.com' },
    body: csv([['phone_number', 'customer_name'], ...usNumbers(2, 810_000).map((p) => [p, 'Ann'])]),
  });
  expect(res.status).toBe(201);
  const view = await res.json<any>();
  expect(view).toMatchObject({ status: 'completed', importedRows: 2 });
  const { event } = await sentEmailOf(view.id);
  await env.DB.prepare('UPDATE outbox_events SET email_sent_at = NULL, email_claimed_at = NULL WHERE id = ?1').bind(event.id).run();
  const sent: { to: string; raw: string }[] = [];
  // Locally the EmailMessage is miniflare's, which keeps the raw MIME under this key.
  const EMAIL = { send: async (m: any) => (sent.push({ to: m.to, raw: String(m['EmailMessage::raw']) }), { messageId: 'x' }) };
  const logged: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  await emailEvent({ ...env, ...vars, EMAIL } as unknown as Env, (await readEvent(env as Env, event.id))!);
  return { sent, logged: logged.join('\n') };
}

describe('APP_URL', () => {
  it('/health answers 503 without it or with http outside local development, 200 with https or a local address', async () => {
    const health = async (APP_URL: string | undefined) => {
      const res = await call({ APP_URL }, '/health');
      return [res.status, (await res.json<any>()).checks.appUrl];
    };
    expect(await health(undefined)).toEqual([503, false]);
    expect(await health('')).toEqual([503, false]);
    expect(await health('http://app.example.com')).toEqual([503, false]);
    expect(await health('not a url')).toEqual([503, false]);
    expect(await health('https://app.example.com')).toEqual([200, true]);
    expect(await health('http://127.0.0.1:8787')).toEqual([200, true]);
  });

  it('sends no email with links when it is missing, and logs why', async () => {
    const { sent, logged } = await importWithEmail({ APP_URL: undefined });
    expect(sent).toEqual([]);
    expect(logged).toMatch(/notification email not sent \(APP_URL is not set: set it to the app's https address when deploying/);
  });

  it('sends no email when it is http outside local development', async () => {
    const { sent, logged } = await importWithEmail({ APP_URL: 'http://app.example.com' });
    expect(sent).toEqual([]);
    expect(logged).toMatch(/APP_URL must be an https address \(it is http:\/\/app\.example\.com\)/);
  });

  it('links to it when it is https', async () => {
    const { sent } = await importWithEmail({ APP_URL: 'https://app.example.com' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe('ops@example.com');
    const mail = decodeMail(sent[0]!.raw);
    const links = [...mail.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
    // The import's page and its leads (no error report: every row was imported).
    expect(links).toHaveLength(2);
    for (const link of links) expect(link.startsWith('https://app.example.com/')).toBe(true);
  });
});
