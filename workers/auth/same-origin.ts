/**
 * CSRF: a request that changes something and is not carried by a bearer token (a session cookie, or
 * signing in) must prove it comes from our own pages. Browsers send `Origin` on every POST, PUT,
 * PATCH and DELETE and on WebSocket handshakes; it must be this server's origin (or APP_URL's).
 * Without `Origin`, `Sec-Fetch-Site: same-origin` is accepted; anything else is refused.
 */
import { AuthRefusal } from './refusal.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the request needs same-origin proof: it changes state, or it opens a WebSocket. */
export const needsSameOrigin = (request: Request) => !SAFE.has(request.method) || request.headers.get('upgrade')?.toLowerCase() === 'websocket';

export function assertSameOrigin(request: Request, appUrl: string | undefined): void {
  const own = new URL(request.url).origin;
  const origin = request.headers.get('origin');
  if (origin !== null) {
    const allowed = origin === own || (appUrl !== undefined && safeOrigin(appUrl) === origin);
    if (allowed) return;
    throw new AuthRefusal('CSRF_REJECTED', `Requests from ${origin.slice(0, 100)} may not act with this session. Use the app itself, or an API token.`);
  }
  if (request.headers.get('sec-fetch-site') === 'same-origin') return;
  throw new AuthRefusal('CSRF_REJECTED', 'This request changes data with a session cookie but does not say where it comes from (no Origin header). Use the app itself, or an API token.');
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
