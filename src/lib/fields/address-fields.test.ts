import { describe, expect, it } from 'vitest';
import { autoMap } from '../map/columns.ts';
import { createRowValidator } from '../validate/row.ts';
import type { AssistantConfig } from '../types.ts';
import { parseRegion } from '../regions/parse-region.ts';
import { parsePostalCode } from '../regions/parse-postal-code.ts';

const assistant: AssistantConfig = { variables: [{ name: 'customer_name', type: 'text' }], secondaryVariables: [] };

function validate(headers: string[], cells: string[], defaultCountry = 'US') {
  const mapping = autoMap(headers, assistant);
  return createRowValidator({ assistant, headers, mapping, defaultCountry }).validate({ row: 1, cells });
}

describe('address columns (registry fields region and postal_code)', () => {
  it('are found by their names and synonyms', () => {
    for (const [region, postal] of [['state', 'zip'], ['State/Region', 'Zip Code'], ['Province', 'Postcode'], ['region', 'postal_code'], ['STATE', 'Postal Code']]) {
      const m = autoMap(['Phone', region!, postal!], assistant);
      expect(m.columns.slice(1)).toEqual([{ kind: 'field', name: 'region' }, { kind: 'field', name: 'postal_code' }]);
    }
  });

  it('an assistant variable of the same name keeps its column', () => {
    const withRegion: AssistantConfig = { variables: [{ name: 'region', type: 'text' }], secondaryVariables: [] };
    expect(autoMap(['phone_number', 'region', 'State'], withRegion).columns.slice(1)).toEqual([
      { kind: 'variable', name: 'region' },
      { kind: 'field', name: 'region' },
    ]);
  });

  it('normalise a US or Canadian region to ISO 3166-2 and a ZIP+4 to 5 digits', () => {
    for (const text of ['FL', 'fl', 'Florida', 'Fla.', 'FLORIDA ', 'US-FL']) expect(parseRegion(text), text).toBe('US-FL');
    expect(parseRegion('N.Y.')).toBe('US-NY');
    expect(parseRegion('Qué.')).toBe('CA-QC');
    expect(parseRegion('ontario')).toBe('CA-ON');
    expect(parseRegion('Washington, D.C.')).toBe('US-DC');
    expect(parseRegion('Washington')).toBe('US-WA');
    expect(parsePostalCode('33101-1234')).toEqual({ country: 'US', code: '33101' });
    expect(parsePostalCode('k1a0b1')).toEqual({ country: 'CA', code: 'K1A 0B1' });
    const r = validate(['phone_number', 'State', 'ZIP'], ['(305) 555-0100', 'Fla.', '33101-1234']);
    expect(r.errors).toEqual([]);
    expect(r.lead!.fields).toMatchObject({ region: 'US-FL', postal_code: '33101' });
  });

  it('refuse an unknown region or a malformed ZIP of a US or Canadian number, with guidance', () => {
    const r = validate(['phone_number', 'State', 'ZIP'], ['(305) 555-0100', 'Flordia', '3310']);
    expect(r.errors.map((e) => [e.code, e.column])).toEqual([
      ['REGION_INVALID', 'State'],
      ['POSTAL_CODE_INVALID', 'ZIP'],
    ]);
    expect(r.errors[1]!.message).toMatch(/has 4 digits; a ZIP code has 5/);
    expect(r.lead).toBeUndefined();
  });

  it('read a cell without the white space at its ends, Unicode spaces included', () => {
    const r = validate(['phone_number', 'Region', 'Postcode'], ['+44 20 7946 0958', '\u00a0Greater London ', '\tSW1A 1AA\u3000']);
    expect(r.errors).toEqual([]);
    expect(r.lead!.fields).toMatchObject({ region: 'Greater London', postal_code: 'SW1A 1AA' });
    expect(validate(['phone_number', 'State'], ['(305) 555-0100', ' \u00a0 ']).lead!.fields).toMatchObject({ region: null });
  });

  it('keep the text of other countries unchecked', () => {
    const r = validate(['phone_number', 'Region', 'Postcode'], ['+44 20 7946 0958', 'Greater London', 'SW1A 1AA']);
    expect(r.errors).toEqual([]);
    expect(r.lead!.fields).toMatchObject({ region: 'Greater London', postal_code: 'SW1A 1AA' });
  });

  it('a region that contradicts the number is not an error: both are candidates', () => {
    const r = validate(['phone_number', 'State'], ['(305) 555-0100', 'TX']);
    expect(r.errors).toEqual([]);
  });

  it('read hostile cells in linear time (a 10,000-character region and ZIP)', () => {
    const long = 'a. '.repeat(3333) + 'x';
    const r = validate(['phone_number', 'State', 'ZIP'], ['(305) 555-0100', long, '1'.repeat(10_000)]);
    expect(r.errors.map((e) => e.code)).toEqual(['REGION_INVALID', 'POSTAL_CODE_INVALID']);
    expect(r.errors[0]!.message.length).toBeLessThan(200);
  });
});
