/**
 * The one-pass consent scanners (consent-evidence.ts) against simple references: the TrustedForm
 * pattern itself, a GUID pattern, Node's own IP parser, each with the case change applied to the
 * whole text. Random texts and near-misses: shapes right but one character off, characters beyond
 * ASCII (some whose low seven bits are a hex digit), capitals, lengths around the limits.
 */
import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipAddressOf, isTrustedFormCertUrl, jornayaLeadIdOf } from './consent-evidence.ts';

/** Whether the text is accepted as an IP address / a LeadiD (the stored form is the scanners' other answer). */
const isIpAddress = (text: string) => ipAddressOf(text) !== undefined;
const isJornayaLeadId = (text: string) => jornayaLeadIdOf(text) !== undefined;

/** The TrustedForm rule as a pattern (the scanner's fast path must agree with it). */
const TRUSTEDFORM_REFERENCE = /^https:\/\/cert\.trustedform\.com\/(?:[0-9a-f]{40}|0\.[A-Za-z0-9_-]{1,253}|[A-Za-z0-9_-]{41,255})$/;
const trustedFormReference = (text: string) => text.length <= 300 && TRUSTEDFORM_REFERENCE.test(text);

const GUID_REFERENCE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const leadIdReference = (text: string) => (GUID_REFERENCE.test(text) ? text.toUpperCase() : undefined);

/** Node's parser, without the zone index (`%eth0`) it accepts and the product does not. */
const ipReference = (text: string) => (text.length <= 45 && !text.includes('%') && isIP(text) !== 0 ? text.toLowerCase() : undefined);

/** Characters that test the scanners' edges: hex of both cases, separators, and code points whose low 7 bits are hex digits or separators. */
const TRICKY = ['\u00e1', '\u00c1', '\u0130', '\u0131', '\u0100', '\u0161', '\u00ad', '\u0430', 'Ａ', '１', '\u{1d7ce}', '\u00a0', ' ', '\t', 'g', 'G', 'z', '_', '/', '.', ':', '-', '%'];
const HEX_CHARS = [...'0123456789abcdefABCDEF'];

/** The text with the character at `at` (modulo its length) replaced; the text itself when empty. */
const replaceAt = (text: string, at: number, ch: string) => (text.length === 0 ? text : text.slice(0, at % text.length) + ch + text.slice((at % text.length) + 1));

/** Texts near a valid one: as is, one character replaced by a tricky or hex one, cut short, or lengthened. */
const nearMisses = (valid: fc.Arbitrary<string>) =>
  fc.tuple(valid, fc.nat(), fc.constantFrom(...TRICKY, ...HEX_CHARS), fc.constantFrom('keep', 'replace', 'cut', 'grow', 'upper', 'lower')).map(([text, at, ch, how]) => {
    if (how === 'replace') return replaceAt(text, at, ch);
    if (how === 'cut') return text.slice(0, text.length - 1 - (at % 3));
    if (how === 'grow') return text + ch;
    if (how === 'upper') return text.toUpperCase();
    if (how === 'lower') return text.toLowerCase();
    return text;
  });

const hexString = (length: number) => fc.string({ unit: fc.constantFrom(...HEX_CHARS), minLength: length, maxLength: length });

describe('TrustedForm certificate URLs (one pass over the 40-hex id)', () => {
  const web = hexString(40).map((id) => `https://cert.trustedform.com/${id}`);
  const other = fc.string({ unit: fc.constantFrom(...'abcXYZ019_-.'), minLength: 1, maxLength: 260 }).map((id) => `https://cert.trustedform.com/${id}`);

  it('agrees with the pattern on well-formed ids, near-misses and noise (property)', () => {
    fc.assert(
      fc.property(fc.oneof(nearMisses(web), nearMisses(other), fc.string({ maxLength: 80 })), (text) => {
        expect(isTrustedFormCertUrl(text), text).toBe(trustedFormReference(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('refuses a capital, a character beyond ASCII or a wrong prefix in the 40-hex form', () => {
    const id = '0123456789abcdef0123456789abcdef01234567';
    expect(isTrustedFormCertUrl(`https://cert.trustedform.com/${id}`)).toBe(true);
    for (const bad of [replaceAt(id, 39, 'A'), replaceAt(id, 0, '\u00e1'), replaceAt(id, 20, '\u0130'), replaceAt(id, 5, 'g')]) {
      // A 40-character id can only be the web form (base64url ids have 41 or more), so one such character refuses it.
      expect(isTrustedFormCertUrl(`https://cert.trustedform.com/${bad}`), bad).toBe(false);
    }
    expect(isTrustedFormCertUrl(`https://cert.trustedform.co/x${id}`)).toBe(false);
    expect(isTrustedFormCertUrl(`http://cert.trustedform.com//${id}`)).toBe(false);
  });
});

describe('Jornaya LeadiDs (one pass, capitals as stored)', () => {
  const guid = fc.tuple(hexString(8), hexString(4), hexString(4), hexString(4), hexString(12)).map((parts) => parts.join('-'));

  it('accepts exactly the GUIDs, stored in capitals (property)', () => {
    fc.assert(
      fc.property(fc.oneof(nearMisses(guid), fc.string({ maxLength: 40 })), (text) => {
        expect(jornayaLeadIdOf(text), text).toBe(leadIdReference(text));
        expect(isJornayaLeadId(text), text).toBe(leadIdReference(text) !== undefined);
      }),
      { numRuns: 5_000 },
    );
  });

  it('keeps an upper-case id as given and raises a lower-case or mixed one', () => {
    expect(jornayaLeadIdOf('0A1B2C3D-4E5F-6789-ABCD-EF0123456789')).toBe('0A1B2C3D-4E5F-6789-ABCD-EF0123456789');
    expect(jornayaLeadIdOf('0a1b2c3d-4e5f-6789-abcd-ef0123456789')).toBe('0A1B2C3D-4E5F-6789-ABCD-EF0123456789');
    expect(jornayaLeadIdOf('0a1B2c3D-4e5F-6789-AbCd-eF0123456789')).toBe('0A1B2C3D-4E5F-6789-ABCD-EF0123456789');
    expect(jornayaLeadIdOf('01234567-8901-2345-6789-012345678901')).toBe('01234567-8901-2345-6789-012345678901');
    for (const bad of ['0A1B2C3D-4E5F-6789-ABCD-EF012345678\u00e1', '0A1B2C3D-4E5F-6789-ABCD_EF0123456789', '0A1B2C3D-4E5F-6789-ABCD-EF012345678G', '\u0130A1B2C3D-4E5F-6789-ABCD-EF012345678']) {
      expect(jornayaLeadIdOf(bad), bad).toBeUndefined();
    }
  });
});

describe('IP addresses (one pass, hex in lower case as stored)', () => {
  const octet = fc.oneof(fc.nat(255), fc.nat(300)).map(String);
  const v4 = fc.tuple(octet, octet, octet, octet).map((q) => q.join('.'));
  const group = fc.string({ unit: fc.constantFrom(...HEX_CHARS), minLength: 1, maxLength: 5 });
  const v6 = fc
    .tuple(fc.array(group, { maxLength: 9 }), fc.nat(10), fc.boolean(), v4)
    .map(([groups, at, tail, quad]) => {
      const parts: string[] = [...groups];
      if (at <= parts.length) parts.splice(at, 0, '');
      const text = parts.join(':');
      return tail ? `${text}${text.endsWith(':') ? '' : ':'}${quad}` : text;
    });
  const noise = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFg:.', ...TRICKY), maxLength: 47 });

  it('accepts what Node’s parser accepts, stored in lower case (property)', () => {
    fc.assert(
      fc.property(fc.oneof(nearMisses(v4), nearMisses(v6), noise), (text) => {
        expect(ipAddressOf(text), text).toBe(ipReference(text));
        expect(isIpAddress(text), text).toBe(ipReference(text) !== undefined);
      }),
      { numRuns: 5_000 },
    );
  });

  it('keeps IPv4 and lower-case IPv6 as given, lowers capitals, refuses over 45 characters', () => {
    expect(ipAddressOf('203.0.113.7')).toBe('203.0.113.7');
    expect(ipAddressOf('2001:db8::1')).toBe('2001:db8::1');
    expect(ipAddressOf('2001:DB8::A:1')).toBe('2001:db8::a:1');
    expect(ipAddressOf('::FFFF:192.0.2.128')).toBe('::ffff:192.0.2.128');
    expect(ipAddressOf('::')).toBe('::');
    const longest = '0000:0000:0000:0000:0000:FFFF:255.255.255.255';
    expect(longest).toHaveLength(45);
    expect(ipAddressOf(longest)).toBe(longest.toLowerCase());
    expect(ipAddressOf(`0${longest}`)).toBeUndefined();
    for (const bad of ['2001:db8::\u00e1', '1.2.3.\u0130', '::1%eth0', '1.2.3.4 ', '']) expect(ipAddressOf(bad), bad).toBeUndefined();
  });
});
