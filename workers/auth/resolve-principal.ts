/**
 * Who sent a request: the operator's ADMIN_TOKEN (operator routes only), an API token (the
 * `Authorization` header, or the progress socket's `bearer.<token>` subprotocol), a session cookie,
 * or nobody. A bearer token always wins over a cookie. Signed links are resolved by their routes.
 */
import type { Env } from '../env.ts';
import { tokenFromProtocols } from '../../src/lib/socket-protocols.ts';
import { AuthRefusal } from './refusal.ts';
import { tokenPrincipal } from './resolve-token.ts';
import { sessionPrincipal } from './sessions.ts';
import { sessionTokenFrom } from './session-cookie.ts';
import { sha256Hex } from './hash.ts';
import type { Principal } from './principal.ts';

export type Touch = (write: Promise<unknown>) => void;

/** The bearer token of a request, if it sends one. */
export function bearerOf(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AuthRefusal('UNAUTHORIZED', 'Send your API token as "Authorization: Bearer <token>".');
    return match[1]!;
  }
  if (new URL(request.url).pathname.endsWith('/progress')) return tokenFromProtocols(request.headers.get('sec-websocket-protocol')) ?? null;
  return null;
}

export async function resolvePrincipal(env: Env, request: Request, touch: Touch): Promise<Principal> {
  const bearer = bearerOf(request);
  if (bearer) return tokenPrincipal(env, bearer, touch);
  const session = sessionTokenFrom(request.headers.get('cookie'));
  if (session) return sessionPrincipal(env, session, touch);
  return { kind: 'anonymous' };
}

/** ADMIN_TOKEN must be at least this long (like LINK_SIGNING_KEY): the operator routes refuse a shorter one. */
export const MIN_ADMIN_TOKEN_LENGTH = 32;
/** Wrong operator tokens one IP may send a minute before it is refused (429) until the minute ends. */
const ADMIN_FAILURES_PER_MINUTE = 10;

/**
 * The operator: `Authorization: Bearer <ADMIN_TOKEN>`; the operator routes do not exist (404)
 * without the secret, refuse to run with a short one (500), and answer 429 past 10 wrong tries a minute from one IP.
 */
export async function resolveAdmin(env: Env, request: Request): Promise<Principal> {
  const secret = env.ADMIN_TOKEN;
  if (!secret) throw new AuthRefusal('NOT_FOUND', `No route ${request.method} ${new URL(request.url).pathname}.`);
  if (secret.length < MIN_ADMIN_TOKEN_LENGTH) {
    console.error(`ADMIN_TOKEN is shorter than ${MIN_ADMIN_TOKEN_LENGTH} characters: the operator routes are off until it is replaced`);
    throw new AuthRefusal('AUTH_NOT_CONFIGURED', `The operator routes are off: ADMIN_TOKEN is shorter than ${MIN_ADMIN_TOKEN_LENGTH} characters. Set a long random value.`);
  }
  const ip = request.headers.get('cf-connecting-ip') ?? 'unknown';
  const given = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  // Digests are compared, not secrets: how long a compare takes tells only how many leading digest characters match, which says nothing about the secret.
  if (!given || (await sha256Hex(given)) !== (await sha256Hex(secret))) {
    const row = await env.DB.prepare(
      `INSERT INTO rate_limits (key, window, count) VALUES (?1, ?2, 1) ON CONFLICT (key, window) DO UPDATE SET count = count + 1 RETURNING count`,
    )
      .bind(`admin-fail:${ip}`, Math.floor(Date.now() / 60_000))
      .first<{ count: number }>();
    if ((row?.count ?? 0) > ADMIN_FAILURES_PER_MINUTE) throw new AuthRefusal('RATE_LIMITED', 'Too many wrong admin tokens from this address. Wait a minute.');
    throw new AuthRefusal('UNAUTHORIZED', 'The admin token is missing or wrong.');
  }
  return { kind: 'admin' };
}

