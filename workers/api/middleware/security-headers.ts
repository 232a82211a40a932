/**
 * Secure headers on every API answer: HTTPS only (HSTS), no sniffing, no framing, nothing an API
 * answer could load or run (CSP), no caching of personal data. The SPA's own headers are in
 * static/_headers and its script hashes in the CSP meta tag the build writes (vite.config.ts).
 */
import { createMiddleware } from 'hono/factory';

export const HSTS = 'max-age=31536000; includeSubDomains';
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const securityHeaders = createMiddleware(async (c, next) => {
  await next();
  c.header('Strict-Transport-Security', HSTS);
  c.header('Content-Security-Policy', API_CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'no-referrer');
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
});
