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
});
