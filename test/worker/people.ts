/**
 * Test helpers for people: a mailbox that catches the Worker's emails (the send_email binding is
 * the one outside service replaced), signing in through the real routes, members and tokens of
 * each role. Requests go through the real Worker (`workers/index.ts`) with the real D1.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import type { Env } from '../../workers/env.ts';
import { generateToken, hashToken } from '../../workers/auth/tokens.ts';
import { newId } from '../../workers/db/ids.ts';
import type { Role } from '../../workers/auth/roles.ts';
import { decodeMail } from '../mail.ts';

export const ORIGIN = 'http://example.com';

export interface Sent {
  to: string;
  subject: string;
  text: string;
}

const sent: Sent[] = [];
const mailEnv: Env = {
  ...(env as Env),
  EMAIL: {
    send: async (m: any) => {
      const mail = decodeMail(m['EmailMessage::raw']);
      sent.push({ to: m.to, subject: mail.subject, text: mail.text });
      return { messageId: 'test' };
    },
  } as unknown as SendEmail,
};

/** Messages sent to `to` so far, oldest first. */
export const mailTo = (to: string) => sent.filter((m) => m.to === to);

/** The code in the last sign-in email to `to`. */
export function lastCode(to: string): string {
  const mail = mailTo(to).filter((m) => m.subject.includes('sign-in code')).at(-1);
  if (!mail) throw new Error(`no sign-in code was sent to ${to}`);
  return /code is (\d{4}) (\d{4})/.exec(mail.text)!.slice(1).join('');
}

export interface CallOptions {
  body?: unknown;
  cookie?: string;
  token?: string;
  origin?: string | null;
  headers?: Record<string, string>;
  /** A body sent as it is (a file), instead of JSON. */
  rawBody?: string;
}

/** A request through the Worker (with the catching mailbox); JSON bodies; Origin of the app unless told otherwise. */
export async function call(method: string, path: string, opts: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.cookie) headers.Cookie = opts.cookie;
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  const origin = opts.origin === undefined ? ORIGIN : opts.origin;
  if (origin) headers.Origin = origin;
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`${ORIGIN}/api/v1${path}`, { method, headers, body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)) }) as any,
    mailEnv,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

/** The session cookie (name=value) a sign-in answer set. */
export function cookieOf(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  const pair = set.split(';')[0]!;
  if (!pair.includes('=') || pair.endsWith('=')) throw new Error(`no session cookie in ${set}`);
  return pair;
}

/** Signs `email` in through the routes a browser uses; returns the session cookie. */
export async function signIn(email: string, workspaceId?: string): Promise<string> {
  // Each sign-in from a network of its own: the per-network limits are sign-in.test.ts's subject,
  // and the test files that share a worker (vitest.worker.config.ts) would add up to them.
  const headers = { 'cf-connecting-ip': `2001:db8::${Array.from(crypto.getRandomValues(new Uint16Array(2)), (n) => n.toString(16)).join(':')}` };
  const asked = await call('POST', '/auth/code', { body: { email }, headers });
  if (asked.status !== 202) throw new Error(`code: ${asked.status} ${await asked.text()}`);
  const res = await call('POST', '/auth/verify', { body: { email, code: lastCode(email), ...(workspaceId ? { workspaceId } : {}) }, headers });
  if (res.status !== 200) throw new Error(`verify: ${res.status} ${await res.text()}`);
  return cookieOf(res);
}

/** A person with `role` in the workspace (their user row created if new); returns their id. */
export async function addMember(workspaceId: string, email: string, role: Role): Promise<string> {
  const now = new Date().toISOString();
  await env.DB.prepare('INSERT INTO users (id, email, name, created_at) VALUES (?1, ?2, NULL, ?3) ON CONFLICT (email) DO NOTHING').bind(newId('usr'), email, now).run();
  const user = await env.DB.prepare('SELECT id FROM users WHERE email = ?1').bind(email).first<{ id: string }>();
  await env.DB.prepare('INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET role = excluded.role')
    .bind(workspaceId, user!.id, role, now)
    .run();
  return user!.id;
}

/** A seeded API token of `role` (no person behind it, like `npm run token:create`'s). */
export async function tokenOfRole(workspaceId: string, role: Role): Promise<string> {
  const token = generateToken();
  await env.DB.prepare('INSERT INTO api_tokens (id, workspace_id, token_hash, name, role, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)')
    .bind(newId('tok'), workspaceId, await hashToken(token), `${role} token`, role, new Date().toISOString())
    .run();
  return token;
}

/** A fresh unique address for a test. */
export const address = (what: string) => `${what}-${Math.random().toString(36).slice(2, 10)}@example.com`;
