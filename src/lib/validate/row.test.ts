import { describe, expect, it } from 'vitest';
import { autoMap } from '../map/columns.ts';
import type { AssistantConfig, SourceRow } from '../types.ts';
import { createPhoneNormalizer } from './phone.ts';
import { createRowValidator } from './row.ts';
import { zoneSetIdOf } from '../calling/time-zones.ts';

const assistant: AssistantConfig = {
  variables: [
    { name: 'customer_name', type: 'text', required: true },
    { name: 'seats', type: 'number' },
    { name: 'vip', type: 'boolean', default: false },
    { name: 'notes', type: 'text', maxLength: 10 },
  ],
  secondaryVariables: [
    { name: 'name', type: 'text', required: true },
    { name: 'role', type: 'text' },
  ],
};
const HEADERS = [
  'phone_number', 'customer_name', 'seats', 'vip', 'notes',
  'secondary_phone_1', 'secondary_1_name', 'secondary_1_role',
  'secondary_phone_2', 'secondary_2_name',
];

function validator(headers = HEADERS, defaultCountry = 'US') {
  return createRowValidator({ assistant, headers, mapping: autoMap(headers, assistant), defaultCountry });
}
const row = (cells: string[], n = 1, numeric?: Record<number, number>): SourceRow => (numeric ? { row: n, cells, numeric } : { row: n, cells });
const codes = (cells: string[], headers = HEADERS) => validator(headers).validate(row(cells)).errors.map((e) => [e.code, e.column]);

describe('a valid row', () => {
  it('gives a typed lead with secondary contacts in column order, positions compacted', () => {
    const result = validator().validate(
      row(['(415) 555-1234', ' Ann ', '1,200', 'yes', '', '', '', '', '+44 7911 123456', 'Bob'], 7),
    );
    expect(result).toEqual({
      row: 7,
      errors: [],
      lead: {
        e164: '+14155551234',
        country: 'US',
        type: 'FIXED_LINE_OR_MOBILE',
        extension: null,
        timeZones: ['America/Los_Angeles'],
        zoneSetId: zoneSetIdOf('+14155551234', 'US'),
        variables: { customer_name: 'Ann', seats: 1200, vip: true, notes: null },
        fields: { region: null, postal_code: null, consent_at: null, consent_url: null, consent_ip: null, consent_text: null, trustedform_cert_url: null, jornaya_leadid: null },
        callingProfile: 'US|US-CA|America/Los_Angeles',
        secondary: [
          {
            e164: '+447911123456',
            country: 'GG',
            type: 'MOBILE',
            extension: null,
            timeZones: ['Europe/Guernsey', 'Europe/Isle_of_Man', 'Europe/London'],
            zoneSetId: zoneSetIdOf('+447911123456', 'GG'),
            position: 1,
            variables: { name: 'Bob', role: null },
          },
        ],
      },
    });
  });

  it('applies defaults, ignores cells beyond the header and unknown columns', () => {
    const headers = ['phone_number', 'customer_name', 'Unknown'];
    const result = validator(headers).validate(row(['+14155551234', 'Ann', 'x', 'beyond', 'more']));
    expect(result.errors).toEqual([]);
    expect(result.lead!.variables).toEqual({ customer_name: 'Ann', seats: null, vip: false, notes: null });
    expect(result.lead!.secondary).toEqual([]);
  });

  it('recovers an Excel scientific-notation phone from the raw numeric value', () => {
    const result = validator(['phone_number', 'customer_name']).validate(row(['1.41555E+10', 'Ann'], 1, { 0: 14155551234 }));
    expect(result.lead?.e164).toBe('+14155551234');
  });
});

describe('row errors (every code the row validator raises)', () => {
  it('PHONE_REQUIRED', () => {
    expect(codes(['', 'Ann'])).toEqual([['PHONE_REQUIRED', 'phone_number']]);
    expect(codes([' ', 'Ann'])).toEqual([['PHONE_REQUIRED', 'phone_number']]);
  });

  it('PHONE_INVALID with the reason, naming the actual header', () => {
    const headers = ['Mobile', 'customer_name'];
    const result = validator(headers).validate(row(['555-12', 'Ann']));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ code: 'PHONE_INVALID', column: 'Mobile' });
    expect(result.errors[0]!.message).toContain('TOO_SHORT');
    expect(result.lead).toBeUndefined();
    expect(validator(headers).validate(row(['1.41555E+10', 'Ann'])).errors[0]!.guidance).toContain('Text');
  });

  it('VARIABLE_REQUIRED, VARIABLE_NOT_NUMBER, VARIABLE_NOT_BOOLEAN, VARIABLE_TOO_LONG', () => {
    expect(codes(['+14155551234', '', 'many', 'maybe', 'far too long text'])).toEqual([
      ['VARIABLE_REQUIRED', 'customer_name'],
      ['VARIABLE_NOT_NUMBER', 'seats'],
      ['VARIABLE_NOT_BOOLEAN', 'vip'],
      ['VARIABLE_TOO_LONG', 'notes'],
    ]);
  });

  it('VARIABLE_REQUIRED on every row when the column is missing', () => {
    expect(codes(['+14155551234'], ['phone_number'])).toEqual([['VARIABLE_REQUIRED', 'customer_name']]);
  });

  it('SECONDARY_FIELDS_WITHOUT_PHONE', () => {
    expect(codes(['+14155551234', 'Ann', '', '', '', '', 'Bob', 'CEO'])).toEqual([
      ['SECONDARY_FIELDS_WITHOUT_PHONE', 'secondary_phone_1'],
    ]);
    // a secondary field column with no secondary_phone_N column at all
    expect(codes(['+14155551234', 'Ann', 'Bob'], ['phone_number', 'customer_name', 'secondary_3_name'])).toEqual([
      ['SECONDARY_FIELDS_WITHOUT_PHONE', 'secondary_phone_3'],
    ]);
  });

  it('SECONDARY_PHONE_INVALID', () => {
    expect(codes(['+14155551234', 'Ann', '', '', '', 'n/a', 'Bob'])).toEqual([['SECONDARY_PHONE_INVALID', 'secondary_phone_1']]);
  });

  it('SECONDARY_SAME_AS_PRIMARY (after normalisation)', () => {
    expect(codes(['+14155551234', 'Ann', '', '', '', '(415) 555-1234', 'Bob'])).toEqual([
      ['SECONDARY_SAME_AS_PRIMARY', 'secondary_phone_1'],
    ]);
  });

  it('SECONDARY_DUPLICATE naming the earlier column', () => {
    const result = validator().validate(row(['+14155551234', 'Ann', '', '', '', '+14155551235', 'Bob', '', '415 555 1235', 'Cy']));
    expect(result.errors.map((e) => [e.code, e.column])).toEqual([['SECONDARY_DUPLICATE', 'secondary_phone_2']]);
    expect(result.errors[0]!.message).toContain('"secondary_phone_1"');
  });

  it('secondary variables are validated, the error naming the exact column', () => {
    expect(codes(['+14155551234', 'Ann', '', '', '', '+14155551235', '', 'CEO'])).toEqual([['VARIABLE_REQUIRED', 'secondary_1_name']]);
    const headers = ['phone_number', 'customer_name', 'Secondary Phone 1'];
    expect(codes(['+14155551234', 'Ann', '+14155551235'], headers)).toEqual([['VARIABLE_REQUIRED', 'secondary_1_name']]);
  });

  it('collects all errors of a row, not only the first', () => {
    expect(codes(['', '', 'x', '', '', '+14155551235', 'Bob', '', '+14155551235', ''])).toEqual([
      ['PHONE_REQUIRED', 'phone_number'],
      ['VARIABLE_REQUIRED', 'customer_name'],
      ['VARIABLE_NOT_NUMBER', 'seats'],
      ['SECONDARY_DUPLICATE', 'secondary_phone_2'],
      ['VARIABLE_REQUIRED', 'secondary_2_name'],
    ]);
  });
});

describe('phone parsing', () => {
  it('parses each phone once per row and caches across rows', () => {
    const phones = createPhoneNormalizer('US');
    const calls: string[] = [];
    const counting = {
      ...phones,
      normalize(text: string, raw?: number) {
        calls.push(text);
        return phones.normalize(text, raw);
      },
    };
    const v = createRowValidator({ assistant, headers: HEADERS, mapping: autoMap(HEADERS, assistant), phoneNormalizer: counting });
    v.validate(row(['+14155551234', 'Ann', '', '', '', '+14155551235', 'Bob', '', '+14155551236', 'Cy']));
    expect(calls).toEqual(['+14155551234', '+14155551235', '+14155551236']);
    expect(phones.normalize('+14155551234')).toBe(phones.normalize('+14155551234'));
  });

  it('uses the campaign default country for national numbers', () => {
    const headers = ['phone_number', 'customer_name'];
    const v = createRowValidator({ assistant, headers, mapping: autoMap(headers, assistant), defaultCountry: 'GB' });
    expect(v.validate(row(['07911 123456', 'Ann'])).lead?.e164).toBe('+447911123456');
  });
});

describe('secondary duplicates', () => {
  it('are found even when the earlier contact has its own errors', () => {
    expect(codes(['+14155551234', 'Ann', '', '', '', '+14155551235', '', '', '+14155551235', 'Cy'])).toEqual([
      ['VARIABLE_REQUIRED', 'secondary_1_name'],
      ['SECONDARY_DUPLICATE', 'secondary_phone_2'],
    ]);
  });
});

describe('blocked phone types', () => {
  const headers = ['phone_number', 'customer_name', 'secondary_phone_1', 'secondary_1_name'];
  const blockedBy = (blockedPhoneTypes?: readonly string[]) =>
    createRowValidator({ assistant, headers, mapping: autoMap(headers, assistant), defaultCountry: 'US', ...(blockedPhoneTypes ? { blockedPhoneTypes } : {}) });

  it('PHONE_TYPE_BLOCKED: premium-rate primary numbers are refused by default, keeping the number for the preview', () => {
    const result = blockedBy().validate(row(['+1 900 555 0123', 'Ann']));
    expect(result.errors.map((e) => [e.code, e.column])).toEqual([['PHONE_TYPE_BLOCKED', 'phone_number']]);
    expect(result.errors[0]!.message).toContain('premium-rate number (PREMIUM_RATE)');
    expect(result.lead).toBeUndefined();
    expect(result.primary).toMatchObject({ e164: '+19005550123', type: 'PREMIUM_RATE' });
  });

  it('SECONDARY_PHONE_TYPE_BLOCKED: a blocked secondary number', () => {
    const result = blockedBy().validate(row(['+14155551234', 'Ann', '900-555-0123', 'Bob']));
    expect(result.errors.map((e) => [e.code, e.column])).toEqual([['SECONDARY_PHONE_TYPE_BLOCKED', 'secondary_phone_1']]);
    expect(result.primary?.e164).toBe('+14155551234');
  });

  it("follows the campaign's list: nothing blocked, or other types", () => {
    expect(blockedBy([]).validate(row(['+1 900 555 0123', 'Ann'])).lead?.type).toBe('PREMIUM_RATE');
    const tollFree = blockedBy(['TOLL_FREE', 'PREMIUM_RATE']);
    expect(tollFree.validate(row(['+1 800 555 0123', 'Ann'])).errors.map((e) => e.code)).toEqual(['PHONE_TYPE_BLOCKED']);
    expect(tollFree.validate(row(['+1 415 555 1234', 'Ann'])).errors).toEqual([]);
    // US geographic numbers are FIXED_LINE_OR_MOBILE: blocking FIXED_LINE alone does not catch them.
    expect(blockedBy(['FIXED_LINE']).validate(row(['+1 415 555 1234', 'Ann'])).errors).toEqual([]);
    expect(blockedBy(['FIXED_LINE']).validate(row(['+49 30 123456', 'Ann'])).errors.map((e) => e.code)).toEqual(['PHONE_TYPE_BLOCKED']);
  });
});
