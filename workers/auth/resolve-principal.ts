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

/** The operator: `Authorization: Bearer <ADMIN_TOKEN>`; the operator routes do not exist (404) without the secret. */
export async function resolveAdmin(env: Env, request: Request): Promise<Principal> {
  const secret = env.ADMIN_TOKEN;
  if (!secret) throw new AuthRefusal('NOT_FOUND', `No route ${request.method} ${new URL(request.url).pathname}.`);
  const given = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  // Digests are compared, not secrets: how long a compare takes tells only how many leading digest characters match, which says nothing about the secret.
  if (!given || (await sha256Hex(given)) !== (await sha256Hex(secret))) throw new AuthRefusal('UNAUTHORIZED', 'The admin token is missing or wrong.');
  return { kind: 'admin' };
}
