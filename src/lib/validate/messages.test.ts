import { describe, expect, it } from 'vitest';
import { FILE_ERROR_CODES, ROW_ERROR_CODES, type RowErrorCode } from '../codes.ts';
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
};

describe('row error messages', () => {
  it.each(ROW_ERROR_CODES.map((c) => [c]))('%s has a builder with message, guidance and code', (code) => {
    const error = built[code];
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.guidance.length).toBeGreaterThan(10);
    expect(m.ROW_ERROR_GUIDANCE[code].length).toBeGreaterThan(10);
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

  it('names the country', () => {
    expect(m.phoneReasonText('NOT_VALID_FOR_REGION', 'DE')).toBe('is not a valid number in Germany');
    expect(m.countryName('ZZ')).toBeTypeOf('string');
  });
});

describe('file error messages', () => {
  it.each(FILE_ERROR_CODES.map((c) => [c]))('%s has a message with and without detail', (code) => {
    expect(m.fileErrorMessage(code)).toMatchObject({ code });
    expect(m.fileErrorMessage(code).message.length).toBeGreaterThan(20);
    expect(m.fileErrorMessage(code, 'DETAIL').message).toContain('DETAIL');
  });
});
