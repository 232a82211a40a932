import { describe, expect, it } from 'vitest';
import { FILE_ERROR_CODES, ROW_ERROR_CODES, type FileErrorCode, type RowErrorCode } from '../codes.ts';
import type { RowError } from '../types.ts';
import * as m from './messages.ts';
import type { PhoneFailureReason } from './phone.ts';

const built: Record<RowErrorCode, RowError> = {
  PHONE_REQUIRED: m.phoneRequired('phone_number'),
  PHONE_INVALID: m.phoneInvalid('Phone', '(415) 555', 'TOO_SHORT', 'US'),
  DUPLICATE_IN_FILE: m.duplicateInFile(12, 'phone_number'),
  DUPLICATE_EXISTING: m.duplicateExisting('phone_number'),
  VARIABLE_REQUIRED: m.variableRequired('Customer Name', 'customer_name'),
  VARIABLE_NOT_NUMBER: m.variableNotNumber('seats', 'twelve'),
  VARIABLE_NOT_BOOLEAN: m.variableNotBoolean('opted_in', 'maybe'),
  VARIABLE_TOO_LONG: m.variableTooLong('notes', 120, 100),
  SECONDARY_PHONE_INVALID: m.secondaryPhoneInvalid('secondary_phone_1', 'n/a', 'NOT_A_NUMBER'),
  SECONDARY_SAME_AS_PRIMARY: m.secondarySameAsPrimary('secondary_phone_1', '+14155551234'),
  SECONDARY_DUPLICATE: m.secondaryDuplicate('secondary_phone_2', '+14155551235', 'secondary_phone_1'),
  SECONDARY_FIELDS_WITHOUT_PHONE: m.secondaryFieldsWithoutPhone('secondary_phone_1', ['secondary_1_name']),
  PHONE_TYPE_BLOCKED: m.phoneTypeBlocked('phone_number', '+1 900 555 0123', 'PREMIUM_RATE'),
  SECONDARY_PHONE_TYPE_BLOCKED: m.secondaryPhoneTypeBlocked('secondary_phone_1', '+1 800 555 0123', 'TOLL_FREE'),
  SUPPRESSED: m.suppressed('phone_number'),
  SECONDARY_SUPPRESSED: m.secondarySuppressed('secondary_phone_1', '+14155551235'),
  REGION_INVALID: m.regionInvalid('State', 'Flordia'),
  POSTAL_CODE_INVALID: m.postalCodeInvalid('Zip', '2134'),
  CONSENT_REQUIRED: m.consentRequired('consent_at', 'mobile'),
  CONSENT_DATE_INVALID: m.consentDateInvalid('Opt-in date', '31/11/2026'),
  CONSENT_IN_FUTURE: m.consentInFuture('consent_at', '2027-01-01', Date.parse('2026-12-07T12:00:00Z')),
  CONSENT_EXPIRED: m.consentExpired('consent_at', '2025-01-01', 90),
  TRUSTEDFORM_CERT_INVALID: m.trustedFormCertInvalid('xxTrustedFormCertUrl', 'https://example.com/cert'),
  JORNAYA_LEADID_INVALID: m.jornayaLeadIdInvalid('leadid_token', '12345'),
  CONSENT_IP_INVALID: m.consentIpInvalid('consent_ip', '300.1.1.1'),
};

/** For each code: what the message must name (the problem, with its column or value) and what the guidance must tell the user to do. */
const EXPECTED: Record<RowErrorCode, { message: RegExp; guidance: RegExp }> = {
  PHONE_REQUIRED: { message: /phone number \(column "phone_number"\) is empty/, guidance: /Fill in the lead's phone number.*\+14155551234/ },
  PHONE_INVALID: { message: /"\(415\) 555" in column "Phone" has too few digits/, guidance: /international format with the country code/ },
  DUPLICATE_IN_FILE: { message: /Duplicate of row 12/, guidance: /Only the first occurrence is imported/ },
  DUPLICATE_EXISTING: { message: /already belongs to a lead in this campaign/, guidance: /not imported again.*Remove the row/ },
  VARIABLE_REQUIRED: { message: /"customer_name" \(column "Customer Name"\) is empty/, guidance: /Fill in a value.*or give the variable a default/ },
  VARIABLE_NOT_NUMBER: { message: /"twelve" in column "seats" is not a number/, guidance: /Enter a plain number/ },
  VARIABLE_NOT_BOOLEAN: { message: /"maybe" in column "opted_in" is not true or false/, guidance: /Enter true or false/ },
  VARIABLE_TOO_LONG: { message: /column "notes" is 120 characters long; at most 100/, guidance: /Shorten the text/ },
  SECONDARY_PHONE_INVALID: { message: /secondary phone number "n\/a" in column "secondary_phone_1" is not a phone number/, guidance: /international format/ },
  SECONDARY_SAME_AS_PRIMARY: { message: /"\+14155551234" in column "secondary_phone_1" is the lead's main phone number/, guidance: /Remove it, or replace it/ },
  SECONDARY_DUPLICATE: { message: /"secondary_phone_2" repeats the number in column "secondary_phone_1"/, guidance: /remove the repeated secondary number/ },
  SECONDARY_FIELDS_WITHOUT_PHONE: { message: /"secondary_1_name" is filled in but the secondary phone number "secondary_phone_1" is empty/, guidance: /Add the secondary contact's phone number/ },
  PHONE_TYPE_BLOCKED: { message: /premium-rate number \(PREMIUM_RATE\)/, guidance: /allow premium-rate numbers in the campaign's settings/ },
  SECONDARY_PHONE_TYPE_BLOCKED: { message: /"secondary_phone_1" is a toll-free number/, guidance: /allow toll-free numbers/ },
  SUPPRESSED: { message: /on the workspace's do-not-call \(suppression\) list/, guidance: /asked not to be called.*Remove the row, or remove the number from the suppression list/ },
  SECONDARY_SUPPRESSED: { message: /"\+14155551235" in column "secondary_phone_1" is on the workspace's do-not-call/, guidance: /asked not to be called/ },
  REGION_INVALID: { message: /"Flordia" in column "State" is not a US state or Canadian province/, guidance: /two-letter code \(FL, ON\).*name \(Florida\)/ },
  POSTAL_CODE_INVALID: { message: /"2134" in column "Zip" has 4 digits; a ZIP code has 5/, guidance: /5 digits or ZIP\+4.*02134, not 2134/ },
  CONSENT_REQUIRED: { message: /requires consent for mobile numbers.*consent date in column "consent_at" is empty/, guidance: /Ask the lead's seller for the date and time.*or remove the row/ },
  CONSENT_DATE_INVALID: { message: /consent date "31\/11\/2026" in column "Opt-in date" is not a date/, guidance: /2026-11-30T14:05:00Z \(ISO 8601/ },
  CONSENT_IN_FUTURE: { message: /"2027-01-01" in column "consent_at" is after this import started \(2026-12-07 12:00 UTC\)/, guidance: /time zone and the date's format/ },
  CONSENT_EXPIRED: { message: /more than 90 days before this import started/, guidance: /fresher consent, remove the row, or raise the maximum age/ },
  TRUSTEDFORM_CERT_INVALID: { message: /"https:\/\/example.com\/cert" in column "xxTrustedFormCertUrl" is not a TrustedForm certificate URL/, guidance: /https:\/\/cert.trustedform.com\// },
  JORNAYA_LEADID_INVALID: { message: /"12345" in column "leadid_token" is not a Jornaya LeadiD/, guidance: /36 characters with four hyphens/ },
  CONSENT_IP_INVALID: { message: /"300.1.1.1" in column "consent_ip" is not an IP address/, guidance: /203.0.113.7 or 2001:db8::1/ },
};

describe('row error messages', () => {
  it.each(ROW_ERROR_CODES.map((c) => [c]))('%s: the message names the problem, the guidance says what to do', (code) => {
    const error = built[code];
    expect(error.code).toBe(code);
    expect(error.message).toMatch(EXPECTED[code].message);
    expect(error.guidance).toMatch(EXPECTED[code].guidance);
    expect(m.ROW_ERROR_GUIDANCE[code]).toMatch(/^[A-Z].*[.]$/);
  });

  it('names the column and the value where useful', () => {
    expect(built.PHONE_INVALID.message).toBe('The phone number "(415) 555" in column "Phone" has too few digits (country: United States). Reason code: TOO_SHORT.');
    expect(built.PHONE_INVALID.guidance).toContain('+14155551234');
    expect(built.VARIABLE_NOT_NUMBER.message).toContain('"twelve"');
    expect(built.VARIABLE_NOT_NUMBER.column).toBe('seats');
    expect(built.DUPLICATE_IN_FILE).toMatchObject({ duplicateOf: 12 });
    expect(built.DUPLICATE_IN_FILE.message).toContain('row 12');
    expect(built.SECONDARY_DUPLICATE.message).toContain('"secondary_phone_1"');
    expect(built.SECONDARY_FIELDS_WITHOUT_PHONE.message).toContain('"secondary_1_name"');
    expect(built.PHONE_TYPE_BLOCKED.message).toBe(
      'The phone number "+1 900 555 0123" in column "phone_number" is a premium-rate number (PREMIUM_RATE), which this campaign does not call.',
    );
    expect(built.PHONE_TYPE_BLOCKED.guidance).toBe("Remove the row, or allow premium-rate numbers in the campaign's settings.");
    expect(built.SECONDARY_PHONE_TYPE_BLOCKED.message).toContain('a toll-free number (TOLL_FREE)');
    expect(built.SECONDARY_PHONE_TYPE_BLOCKED.guidance).toContain('allow toll-free numbers');
  });

  it('shortens long values', () => {
    const error = m.variableNotNumber('x', 'y'.repeat(5000));
    expect(error.message.length).toBeLessThan(200);
  });

  it('explains scientific notation with Excel guidance', () => {
    const error = m.phoneInvalid('phone_number', '1.41555E+10', 'SCIENTIFIC_NOTATION');
    expect(error.message).toContain('scientific notation');
    expect(error.guidance).toContain('format the column as Text');
  });

  it.each<PhoneFailureReason>([
    'NOT_A_NUMBER', 'INVALID_COUNTRY', 'TOO_SHORT', 'TOO_LONG', 'INVALID_LENGTH', 'NOT_VALID_FOR_REGION',
    'NO_COUNTRY_CODE', 'SCIENTIFIC_NOTATION', 'EMPTY',
  ])('has words for the phone reason %s', (reason) => {
    expect(m.phoneReasonText(reason, 'GB').length).toBeGreaterThan(5);
    expect(m.phoneReasonText(reason).length).toBeGreaterThan(5);
  });

  it('says a cell with words is not a phone number, whatever its digits: "call after 5" (item 9 of issue 21)', () => {
    const error = m.phoneInvalid('Phone', 'call after 5', 'TOO_SHORT', 'US');
    expect(error.message).toBe('The phone number "call after 5" in column "Phone" is not a phone number: it contains letters. Reason code: NOT_A_NUMBER.');
    expect(error.message).not.toMatch(/digits/);
    expect(error.guidance).toMatch(/^Put only the number in this column/);
    expect(m.secondaryPhoneInvalid('Mobile', 'ask Bob 0151', 'INVALID_LENGTH', 'DE').message).toBe(
      'The secondary phone number "ask Bob 0151" in column "Mobile" is not a phone number: it contains letters. Reason code: NOT_A_NUMBER.',
    );
    // An extension at the end is part of a number: the parser's reason stands.
    for (const value of ['415 555 01 x12', '415 555 01 ext. 12', '415 555 01 Extension 12', '415 555 01 #12']) {
      expect(m.phoneInvalid('Phone', value, 'TOO_SHORT', 'US').message, value).toMatch(/has too few digits \(country: United States\)\. Reason code: TOO_SHORT\.$/);
    }
    expect(m.describePhoneFailure('Müller', 'NOT_A_NUMBER').text).toBe('is not a phone number: it contains letters');
    expect(m.describePhoneFailure('1.41555E+10', 'SCIENTIFIC_NOTATION').reason).toBe('SCIENTIFIC_NOTATION');
  });

  it('reads adversarial 10,000-character cells for letters (one backwards scan, no quantified regex)', () => {
    // Adversarial shapes for the trailing-extension scan: long runs of spaces and digits with no marker.
    for (const value of [' '.repeat(9_999) + '1', '1'.repeat(10_000), `${' 1'.repeat(4_999)}x1`, `${'x'.repeat(9_990)} 123456789`]) {
      const error = m.phoneInvalid('Phone', value, 'TOO_LONG', 'US');
      expect(error.message.length).toBeLessThan(300);
    }
    expect(m.describePhoneFailure(`${' 1'.repeat(4_999)}x1`, 'TOO_LONG').reason).toBe('TOO_LONG');
    expect(m.describePhoneFailure(`${'x'.repeat(9_990)} 123456789`, 'TOO_LONG').reason).toBe('NOT_A_NUMBER');
  });

  it('names the country', () => {
    expect(m.phoneReasonText('NOT_VALID_FOR_REGION', 'DE')).toBe('is not a valid number in Germany');
    expect(m.countryName('ZZ')).toBeTypeOf('string');
  });
});

/** Each file-level message: the problem, then what to do about it. */
const FILE_EXPECTED: Record<FileErrorCode, RegExp> = {
  FILE_UNSUPPORTED: /not supported\. Upload a CSV \(\.csv\) or Excel/,
  FILE_CORRUPT: /could not be read.*save it again as CSV or Excel/,
  FILE_EMPTY: /has no leads\. Put the column names in the first row/,
  FILE_TOO_LARGE: /too large\. Split it into smaller files/,
  NO_PHONE_COLUMN: /No phone number column was found\. Name the column "phone_number"/,
  DUPLICATE_COLUMN: /same name or go to the same field\. Rename or remove one/,
  TOO_MANY_COLUMNS: /too many columns; at most 200 .*Remove the columns/,
  TOO_MANY_ROWS: /too many rows; at most 1,048,576 .*Split it/,
};

describe('file error messages', () => {
  it.each(FILE_ERROR_CODES.map((c) => [c]))('%s has a message with and without detail', (code) => {
    expect(m.fileErrorMessage(code)).toMatchObject({ code });
    expect(m.fileErrorMessage(code).message).toMatch(FILE_EXPECTED[code]);
    expect(m.fileErrorMessage(code, 'DETAIL').message).toContain('DETAIL');
  });
});
