import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentAge, ipAddressOf, isTrustedFormCertUrl, jornayaLeadIdOf } from './consent-evidence.ts';
import { consentRequired } from './consent-policy.ts';

/** Whether the text is accepted as an IP address / a LeadiD (the stored form is the scanners' other answer). */
const isIpAddress = (text: string) => ipAddressOf(text) !== undefined;
const isJornayaLeadId = (text: string) => jornayaLeadIdOf(text) !== undefined;

describe('consent evidence shapes', () => {
  it('TrustedForm certificate URLs: web (40 hex), mobile (longer base64url), Facebook and ping (0.) ids, on cert.trustedform.com over https only', () => {
    const hex = 'a'.repeat(20) + '0123456789abcdef0123';
    for (const ok of [`https://cert.trustedform.com/${hex}`, `https://cert.trustedform.com/0.abc-DEF_123`, `https://cert.trustedform.com/${'Ab_-9'.repeat(10)}`]) expect(isTrustedFormCertUrl(ok), ok).toBe(true);
    for (const bad of [
      `http://cert.trustedform.com/${hex}`,
      `https://cert.trustedform.com.evil.com/${hex}`,
      `https://cert.trustedform.com/${hex.toUpperCase()}`,
      `https://cert.trustedform.com/${hex.slice(1)}`,
      `https://cert.trustedform.com/${hex}?x=1`,
      'https://cert.trustedform.com/',
      `https://cert.trustedform.com/${'a'.repeat(256)}`,
      'trustedform',
    ]) expect(isTrustedFormCertUrl(bad), bad).toBe(false);
  });

  it('Jornaya LeadiDs are GUIDs', () => {
    expect(isJornayaLeadId('0A1B2C3D-4E5F-6789-ABCD-EF0123456789')).toBe(true);
    expect(isJornayaLeadId('0a1b2c3d-4e5f-6789-abcd-ef0123456789')).toBe(true);
    for (const bad of ['0A1B2C3D4E5F6789ABCDEF0123456789', '0A1B2C3D-4E5F-6789-ABCD-EF012345678', 'G A1B2C3D-4E5F-6789-ABCD-EF0123456789', '']) expect(isJornayaLeadId(bad), bad).toBe(false);
  });

  it('IP addresses: IPv4 dotted quads and IPv6 with :: and a trailing IPv4', () => {
    for (const ok of ['192.168.0.1', '0.0.0.0', '255.255.255.255', '::', '::1', '2001:db8::1', '2001:0db8:0000:0000:0000:ff00:0042:8329', 'fe80::', '::ffff:192.0.2.128', '1:2:3:4:5:6:1.2.3.4', '1::']) expect(isIpAddress(ok), ok).toBe(true);
    for (const bad of ['256.1.1.1', '1.2.3', '01.2.3.4', '1.2.3.4.5', '1::2::3', ':::', ':1', '1:2:3:4:5:6:7:8:9', '12345::', 'g::1', '::1.2.3', '1:2:3:4:5:6:7:1.2.3.4', 'localhost', '']) expect(isIpAddress(bad), bad).toBe(false);
  });

  it('IP addresses: the same answer as Node’s own parser, for random addresses and near-misses', () => {
    const group = fc.stringMatching(/^[0-9a-fA-F]{1,5}$/);
    const quad = fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300)).map((q) => q.join('.'));
    const structured = fc
      .tuple(fc.array(group, { maxLength: 9 }), fc.nat(10), fc.boolean(), quad)
      .map(([groups, at, tail, q]) => {
        const parts: string[] = [...groups];
        if (at <= parts.length) parts.splice(at, 0, '');
        const text = parts.join(':');
        return tail ? `${text}${text.endsWith(':') ? '' : ':'}${q}` : text;
      });
    const noise = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFg:.'), maxLength: 45 });
    fc.assert(
      fc.property(fc.oneof(structured, noise, quad), (text) => {
        expect(isIpAddress(text), text).toBe(text.length <= 45 && isIP(text) !== 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('consent time against the import start: future past 5 minutes, expired past maxAgeDays', () => {
    const start = Date.parse('2026-12-07T12:00:00Z');
    expect(consentAge(start + 5 * 60_000, start, null)).toBe('ok');
    expect(consentAge(start + 5 * 60_000 + 1, start, null)).toBe('future');
    expect(consentAge(start - 30 * 86_400_000, start, 30)).toBe('ok');
    expect(consentAge(start - 30 * 86_400_000 - 1, start, 30)).toBe('expired');
    expect(consentAge(start - 3_000 * 86_400_000, start, null)).toBe('ok');
  });

  it('consent policy: mobile counts FIXED_LINE_OR_MOBILE and unknown types as mobile', () => {
    expect(consentRequired({ require: 'none', maxAgeDays: null }, 'MOBILE')).toBe(false);
    expect(consentRequired({ require: 'all', maxAgeDays: null }, 'FIXED_LINE')).toBe(true);
    expect(['MOBILE', 'FIXED_LINE_OR_MOBILE', undefined, 'FIXED_LINE', 'VOIP'].map((t) => consentRequired({ require: 'mobile', maxAgeDays: null }, t))).toEqual([true, true, true, false, false]);
  });

});
