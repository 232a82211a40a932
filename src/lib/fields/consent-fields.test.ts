/**
 * The consent fields end to end through the row validator: what each one stores, and the code and
 * message of each refusal (the messages' own builders give the expected text), with the campaign's
 * policy judged against the import's start.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoMap } from '../map/columns.ts';
import { createRowValidator } from '../validate/row.ts';
import type { AssistantConfig } from '../types.ts';
import { isoOf, parseIsoInstant } from '../dates/iso-instant.ts';
import { consentDateInvalid, consentExpired, consentInFuture, consentIpInvalid, consentRequired, jornayaLeadIdInvalid, trustedFormCertInvalid } from '../validate/consent-messages.ts';
import { CONSENT_AT_FIELD } from './consent-fields.ts';

const assistant: AssistantConfig = { variables: [], secondaryVariables: [] };
const HEADERS = ['phone_number', 'consent_at', 'consent_url', 'consent_ip', 'consent_text', 'trustedform_cert_url', 'jornaya_leadid'];
const STARTED = Date.parse('2026-12-07T12:00:00Z');
const POLICY = { require: 'mobile' as const, maxAgeDays: 90 };
const CERT = 'https://cert.trustedform.com/0123456789abcdef0123456789abcdef01234567';
const GOOD = ['+14155550123', '2026-12-01T08:30:00.000Z', 'https://example.com/quote', '203.0.113.7', 'I agree.', CERT, '5C7E0F2A-9B1D-4E3F-8A6B-0D2C4E6F8A1B'];

const validator = createRowValidator({ assistant, headers: HEADERS, mapping: autoMap(HEADERS, assistant), defaultCountry: 'US', consentPolicy: POLICY, startedAt: STARTED });

/** The row's result with some consent cells replaced (by column name). */
function validate(changes: Partial<Record<(typeof HEADERS)[number], string>>) {
  const cells = HEADERS.map((h, i) => changes[h] ?? GOOD[i]!);
  return validator.validate({ row: 2, cells });
}

describe('consent fields through the row validator', () => {
  it('store the evidence: ISO time as toISOString writes it, IPv6 hex in lower case, the LeadiD in capitals', () => {
    expect(validate({}).lead!.fields).toMatchObject({
      consent_at: '2026-12-01T08:30:00.000Z',
      consent_url: 'https://example.com/quote',
      consent_ip: '203.0.113.7',
      consent_text: 'I agree.',
      trustedform_cert_url: CERT,
      jornaya_leadid: '5C7E0F2A-9B1D-4E3F-8A6B-0D2C4E6F8A1B',
    });
    const r = validate({ consent_at: ' 2026-12-01 10:30+02:00 ', consent_ip: '2001:DB8::A', jornaya_leadid: '5c7e0f2a-9b1d-4e3f-8a6b-0d2c4e6f8a1b' });
    expect(r.errors).toEqual([]);
    expect(r.lead!.fields).toMatchObject({ consent_at: '2026-12-01T08:30:00.000Z', consent_ip: '2001:db8::a', jornaya_leadid: '5C7E0F2A-9B1D-4E3F-8A6B-0D2C4E6F8A1B' });
  });

  it('refuse each malformed value with its code and message', () => {
    const r = validate({ consent_at: '31/11/2026', consent_ip: '300.1.2.3', trustedform_cert_url: 'https://example.com/cert', jornaya_leadid: '5C7E0F2A-9B1D-4E3F-8A6B-0D2C4E6F8A1' });
    expect(r.lead).toBeUndefined();
    expect(r.errors).toEqual([
      consentDateInvalid('consent_at', '31/11/2026'),
      consentIpInvalid('consent_ip', '300.1.2.3'),
      trustedFormCertInvalid('trustedform_cert_url', 'https://example.com/cert'),
      jornayaLeadIdInvalid('jornaya_leadid', '5C7E0F2A-9B1D-4E3F-8A6B-0D2C4E6F8A1'),
    ]);
    expect(r.errors.map((e) => e.code)).toEqual(['CONSENT_DATE_INVALID', 'CONSENT_IP_INVALID', 'TRUSTEDFORM_CERT_INVALID', 'JORNAYA_LEADID_INVALID']);
  });

  it('judge the consent time against the import start and the policy, and require it for a mobile-or-landline number', () => {
    expect(validate({ consent_at: '2026-12-07T12:05:00.000Z' }).errors).toEqual([]);
    expect(validate({ consent_at: '2026-12-07T12:05:00.001Z' }).errors).toEqual([consentInFuture('consent_at', '2026-12-07T12:05:00.001Z', STARTED)]);
    expect(validate({ consent_at: '2026-09-08T12:00:00.000Z' }).errors).toEqual([]);
    expect(validate({ consent_at: '2026-09-08T11:59:59.999Z' }).errors).toEqual([consentExpired('consent_at', '2026-09-08T11:59:59.999Z', 90)]);
    expect(validate({ consent_at: '' }).errors).toEqual([consentRequired('consent_at', 'mobile')]);
    expect(validate({ consent_at: '  ' }).errors).toEqual([consentRequired('consent_at', 'mobile')]);
  });

  it('store any accepted time as isoOf its instant (property)', () => {
    const context = { phoneCountry: 'US', phoneType: 'MOBILE', startedAt: STARTED, consentPolicy: { require: 'mobile' as const, maxAgeDays: null } };
    const text = fc.oneof(
      fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('2026-12-07T12:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2026-12-07T12:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().replace('T', ' ').replace('.000Z', '')),
    );
    fc.assert(
      fc.property(text, (t) => {
        const verdict = CONSENT_AT_FIELD.read(t, 'consent_at', context);
        expect(verdict).toBe(isoOf(parseIsoInstant(t)!));
      }),
      { numRuns: 2_000 },
    );
  });
});
