/**
 * Secure headers on every API answer: HTTPS only (HSTS), no sniffing, no framing, nothing an API
 * answer could load or run (CSP), no caching of personal data. The SPA's own headers are in
 * static/_headers and its script hashes in the CSP meta tag the build writes (vite.config.ts).
 */
import { createMiddleware } from 'hono/factory';

export const HSTS = 'max-age=31536000; includeSubDomains';
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const HEADERS: [string, string][] = [
  ['Strict-Transport-Security', HSTS],
  ['Content-Security-Policy', API_CSP],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
];

export const securityHeaders = createMiddleware(async (c, next) => {
  await next();
  for (const [name, value] of HEADERS) c.header(name, value);
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
});

/**
 * The same headers on any answer of the Worker that did not pass through the API's middleware
 * (`/api/*` outside `/api/v1`, the Worker's own 404): every answer it makes has them. A WebSocket
 * upgrade is left as it is (it has no body to protect, and cannot be copied).
 */
export function withSecurityHeaders(res: Response): Response {
  if (res.status === 101 || res.headers.has('Strict-Transport-Security')) return res;
  const out = new Response(res.body, res);
  for (const [name, value] of HEADERS) out.headers.set(name, value);
  if (!out.headers.has('Cache-Control')) out.headers.set('Cache-Control', 'no-store');
  return out;
}
