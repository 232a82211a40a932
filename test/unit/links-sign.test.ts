/** Signed links: only the exact (kind, import, expiry) signed with the right key passes, and only until it expires. */
import { describe, expect, it } from 'vitest';
import { signLink, signedQuery, LINK_TTL_SECONDS } from '../../workers/links/sign.ts';
import { verifyLink } from '../../workers/links/verify.ts';
import { importLinks } from '../../workers/links/urls.ts';
import { linkSecret } from '../../workers/links/secret.ts';

const KEY = 'unit_test_link_signing_key_0123456789abcdef';
const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const EXP = NOW / 1000 + LINK_TTL_SECONDS;

const flipHex = (hex: string, at: number) => hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);

describe('sign and verify', () => {
  it('accepts the link it signed, as 64 lowercase hex characters, until it expires', async () => {
    const sig = await signLink(KEY, 'errors', 'imp_a', EXP);
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyLink(KEY, 'errors', 'imp_a', String(EXP), sig, NOW)).toEqual({ ok: true, exp: EXP });
    expect(await verifyLink(KEY, 'errors', 'imp_a', String(EXP), sig.toUpperCase(), NOW)).toMatchObject({ ok: true });
    expect(await verifyLink(KEY, 'errors', 'imp_a', String(EXP), sig, EXP * 1000 - 1)).toMatchObject({ ok: true });
    expect(await verifyLink(KEY, 'errors', 'imp_a', String(EXP), sig, EXP * 1000)).toMatchObject({ ok: false, code: 'LINK_EXPIRED' });
  });

  it('is deterministic and matches an HMAC-SHA-256 of the payload computed independently', async () => {
    const { createHmac } = await import('node:crypto');
    const expected = createHmac('sha256', KEY).update(`lead-import link v1\nleads\nimp_a\n${EXP}`).digest('hex');
    expect(await signLink(KEY, 'leads', 'imp_a', EXP)).toBe(expected);
  });

  it('refuses a tampered import id, kind, expiry or signature, and a link signed with another key', async () => {
    const sig = await signLink(KEY, 'errors', 'imp_a', EXP);
    const invalid = { ok: false, code: 'LINK_INVALID' };
    expect(await verifyLink(KEY, 'errors', 'imp_b', String(EXP), sig, NOW)).toMatchObject(invalid);
    expect(await verifyLink(KEY, 'errors', 'imp_a2', String(EXP), sig, NOW)).toMatchObject(invalid);
    expect(await verifyLink(KEY, 'leads', 'imp_a', String(EXP), sig, NOW)).toMatchObject(invalid);
    expect(await verifyLink(KEY, 'page', 'imp_a', String(EXP), sig, NOW)).toMatchObject(invalid);
    expect(await verifyLink(KEY, 'errors', 'imp_a', String(EXP + 1), sig, NOW)).toMatchObject(invalid);
    expect(await verifyLink(KEY, 'errors', 'imp_a', String(EXP + 86400 * 365), sig, NOW)).toMatchObject(invalid);
    for (const at of [0, 31, 63]) expect(await verifyLink(KEY, 'errors', 'imp_a', String(EXP), flipHex(sig, at), NOW)).toMatchObject(invalid);
    expect(await verifyLink(KEY + 'x', 'errors', 'imp_a', String(EXP), sig, NOW)).toMatchObject(invalid);
    const other = await signLink('another_key_of_enough_length_0123456789', 'errors', 'imp_a', EXP);
    expect(await verifyLink(KEY, 'errors', 'imp_a', String(EXP), other, NOW)).toMatchObject(invalid);
  });

  it('refuses malformed or missing parameters as invalid, never as expired', async () => {
    const sig = await signLink(KEY, 'page', 'imp_a', EXP);
    const cases: [string | undefined, string | undefined][] = [
      [undefined, sig],
      [String(EXP), undefined],
      ['', sig],
      [`0${EXP}`, sig],
      [`${EXP}.0`, sig],
      ['1e9', sig],
      [String(EXP), sig.slice(0, 62)],
      [String(EXP), sig + '00'],
      [String(EXP), sig.slice(0, 63) + 'g'],
    ];
    for (const [exp, s] of cases) expect(await verifyLink(KEY, 'page', 'imp_a', exp, s, NOW), `${exp} ${s}`).toMatchObject({ ok: false, code: 'LINK_INVALID' });
    // An expired link that was tampered with is invalid, not expired: only authentic links are told they expired.
    const oldSig = await signLink(KEY, 'page', 'imp_a', 1_000_000);
    expect(await verifyLink(KEY, 'page', 'imp_a', '1000000', oldSig, NOW)).toMatchObject({ code: 'LINK_EXPIRED' });
    expect(await verifyLink(KEY, 'page', 'imp_b', '1000000', oldSig, NOW)).toMatchObject({ code: 'LINK_INVALID' });
  });

  it('signs links valid for 7 days from now', async () => {
    const q = new URLSearchParams(await signedQuery(KEY, 'leads', 'imp_a', { nowMs: NOW }));
    expect(Number(q.get('exp'))).toBe(NOW / 1000 + 7 * 86400);
    expect(await verifyLink(KEY, 'leads', 'imp_a', q.get('exp')!, q.get('sig')!, NOW + 7 * 86400_000 - 1000)).toMatchObject({ ok: true });
    expect(await verifyLink(KEY, 'leads', 'imp_a', q.get('exp')!, q.get('sig')!, NOW + 7 * 86400_000)).toMatchObject({ code: 'LINK_EXPIRED' });
  });

  it('builds the three URLs of an import, each signed for its own kind', async () => {
    const links = await importLinks(KEY, 'https://app.example.com/', 'imp_a', { nowMs: NOW });
    const page = new URL(links.importUrl);
    const report = new URL(links.reportUrl);
    const leads = new URL(links.leadsUrl);
    expect(page.origin + page.pathname).toBe('https://app.example.com/imports/imp_a');
    expect(report.pathname).toBe('/api/v1/links/imports/imp_a/errors.csv');
    expect(leads.pathname).toBe('/api/v1/links/imports/imp_a/leads.csv');
    for (const [url, kind] of [[page, 'page'], [report, 'errors'], [leads, 'leads']] as const) {
      expect(await verifyLink(KEY, kind, 'imp_a', url.searchParams.get('exp')!, url.searchParams.get('sig')!, NOW)).toMatchObject({ ok: true });
    }
  });

  it('treats a missing or short secret as not configured', () => {
    expect(linkSecret({})).toBeNull();
    expect(linkSecret({ LINK_SIGNING_KEY: '  ' })).toBeNull();
    expect(linkSecret({ LINK_SIGNING_KEY: 'short' })).toBeNull();
    expect(linkSecret({ LINK_SIGNING_KEY: KEY })).toBe(KEY);
  });
});
