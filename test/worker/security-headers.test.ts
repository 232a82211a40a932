/** HTTPS-only and content-policy headers on API answers (the SPA's are checked in the browser tests). */
import { describe, expect, it } from 'vitest';
import { SELF } from 'cloudflare:test';
import { seededCampaign } from './helpers.ts';

describe('security headers', () => {
  it('sends HSTS and a locked-down CSP on API answers, errors included', async () => {
    const { api } = await seededCampaign();
    for (const res of [await SELF.fetch('http://example.com/api/v1/health'), await api.get('/campaigns'), await api.get('/imports/imp_nope')]) {
      expect(res.headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers.get('Content-Security-Policy')).toMatch(/default-src 'none'/);
      expect(res.headers.get('Content-Security-Policy')).toMatch(/frame-ancestors 'none'/);
    }
  });

  it('sends every security header on /api/* answers outside /api/v1 too, with a JSON error', async () => {
    for (const [method, path] of [['GET', '/api/nope'], ['GET', '/api/v2/campaigns'], ['POST', '/api/'], ['DELETE', '/api/v1x/y']] as const) {
      const res = await SELF.fetch(`http://example.com${path}`, { method });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('Strict-Transport-Security'), path).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers.get('Content-Security-Policy'), path).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      expect(res.headers.get('X-Content-Type-Options'), path).toBe('nosniff');
      expect(res.headers.get('X-Frame-Options'), path).toBe('DENY');
      expect(res.headers.get('Referrer-Policy'), path).toBe('no-referrer');
      expect(res.headers.get('Cache-Control'), path).toBe('no-store');
      expect((await res.json<any>()).error.code, path).toBe('NOT_FOUND');
    }
  });
});
