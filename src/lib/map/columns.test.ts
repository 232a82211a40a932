import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits.ts';
import type { AssistantConfig, ColumnMapping } from '../types.ts';
import { autoMap, checkMapping, normalizeHeader, PHONE_SYNONYMS } from './columns.ts';

const assistant: AssistantConfig = {
  variables: [
    { name: 'customer_name', type: 'text', required: true },
    { name: 'company', type: 'text' },
    { name: 'budget_range', type: 'text', required: true, default: '10k-50k' },
    { name: 'seats', type: 'number' },
  ],
  secondaryVariables: [
    { name: 'name', type: 'text', required: true },
    { name: 'role', type: 'text' },
  ],
};
const kinds = (m: ColumnMapping) => m.columns.map((t) => ('name' in t ? `${t.kind}:${'index' in t ? t.index + ':' : ''}${t.name}` : 'index' in t ? `${t.kind}:${t.index}` : t.kind));
const map = (headers: string[]) => kinds(autoMap(headers, assistant));

describe('normalizeHeader', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(normalizeHeader(' Customer Name ')).toBe(normalizeHeader('customer_name'));
    expect(normalizeHeader('Secondary-Phone.1')).toBe(normalizeHeader('secondary_phone_1'));
    expect(normalizeHeader('\uFEFFphone_number')).toBe('phonenumber');
  });
});

describe('autoMap', () => {
  it('maps exact names: phone, variables, secondary phones and their fields, report columns', () => {
    expect(
      map(['phone_number', 'customer_name', 'company', 'secondary_phone_1', 'secondary_1_name', 'secondary_phone_2', 'error_row', 'error_codes', 'error_messages']),
    ).toEqual([
      'phone', 'variable:customer_name', 'variable:company', 'secondaryPhone:1', 'secondaryVariable:1:name',
      'secondaryPhone:2', 'reportColumn', 'reportColumn', 'reportColumn',
    ]);
  });

  it('maps case/space/punctuation variants', () => {
    expect(map(['Phone Number', 'Customer Name', 'BUDGET-RANGE', 'Secondary Phone 1', 'Secondary 1 Role', 'secondary_phone_10'])).toEqual([
      'phone', 'variable:customer_name', 'variable:budget_range', 'secondaryPhone:1', 'secondaryVariable:1:role', 'secondaryPhone:10',
    ]);
  });

  it('prefers an exact name over a normalised one, whatever the order', () => {
    expect(map(['Customer Name', 'customer_name', 'phone_number'])).toEqual(['ignore', 'variable:customer_name', 'phone']);
  });

  it.each(PHONE_SYNONYMS.map((s) => [s]))('maps the phone synonym %j', (synonym) => {
    expect(map(['customer_name', synonym.toUpperCase()])).toEqual(['variable:customer_name', 'phone']);
  });

  it('uses synonyms only without a phone_number column, and one phone column at most', () => {
    expect(map(['Mobile', 'phone_number'])).toEqual(['ignore', 'phone']);
    expect(map(['Mobile', 'Telephone', 'cell'])).toEqual(['phone', 'ignore', 'ignore']);
  });

  it('ignores unknown columns and secondary contacts beyond the limit', () => {
    expect(map(['phone_number', 'notes', `secondary_phone_${LIMITS.maxSecondaryContacts + 1}`, 'secondary_1_age'])).toEqual([
      'phone', 'ignore', 'ignore', 'ignore',
    ]);
  });
});

describe('checkMapping', () => {
  const check = (headers: string[], mapping = autoMap(headers, assistant)) => checkMapping(headers, mapping, assistant);

  it('passes a clean file and lists nothing', () => {
    expect(check(['phone_number', 'customer_name'])).toEqual({ fileErrors: [], missingRequired: [], unknownColumns: [] });
  });

  it('lists unknown columns (not silently dropped), blank headers by position, not report columns', () => {
    const result = check(['phone_number', 'customer_name', 'Notes', '', 'secondary_phone_11', 'error_row']);
    expect(result.unknownColumns).toEqual(['Notes', '(unnamed column 4)', 'secondary_phone_11']);
    expect(result.fileErrors).toEqual([]);
  });

  it('NO_PHONE_COLUMN when nothing maps to the phone', () => {
    const result = check(['customer_name', 'company']);
    expect(result.fileErrors.map((e) => e.code)).toEqual(['NO_PHONE_COLUMN']);
    expect(result.fileErrors[0]!.message).toContain('phone_number');
  });

  it('DUPLICATE_COLUMN for the same header after normalisation, naming both', () => {
    const result = check(['Phone', 'phone', 'customer_name']);
    expect(result.fileErrors).toHaveLength(1);
    expect(result.fileErrors[0]!.code).toBe('DUPLICATE_COLUMN');
    expect(result.fileErrors[0]!.message).toContain('"Phone" and "phone"');
    expect(check(['phone_number', 'customer_name', 'Customer Name']).fileErrors.map((e) => e.code)).toEqual(['DUPLICATE_COLUMN']);
  });

  it('DUPLICATE_COLUMN when two columns go to the same target (user override)', () => {
    const headers = ['phone_number', 'Mobile', 'customer_name'];
    const mapping: ColumnMapping = { columns: [{ kind: 'phone' }, { kind: 'phone' }, { kind: 'variable', name: 'customer_name' }] };
    const result = check(headers, mapping);
    expect(result.fileErrors).toHaveLength(1);
    expect(result.fileErrors[0]).toMatchObject({ code: 'DUPLICATE_COLUMN' });
    expect(result.fileErrors[0]!.message).toContain('"phone_number" and "Mobile"');
  });

  it('TOO_MANY_COLUMNS past the limit', () => {
    const headers = ['phone_number', ...Array.from({ length: LIMITS.maxColumns }, (_, i) => `extra_${i}`)];
    expect(check(headers).fileErrors.map((e) => e.code)).toEqual(['TOO_MANY_COLUMNS']);
  });

  it('missingRequired: required variables without default, and per present secondary contact', () => {
    expect(check(['phone_number', 'secondary_phone_2', 'secondary_2_role']).missingRequired).toEqual(['customer_name', 'secondary_2_name']);
  });

  it('treats overrides naming targets the assistant lacks as unknown', () => {
    const headers = ['phone_number', 'x', 'y'];
    const mapping: ColumnMapping = {
      columns: [{ kind: 'phone' }, { kind: 'variable', name: 'nope' }, { kind: 'secondaryPhone', index: 99 }],
    };
    expect(check(headers, mapping).unknownColumns).toEqual(['x', 'y']);
  });
});
