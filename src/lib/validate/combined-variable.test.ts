import { describe, expect, it } from 'vitest';
import type { AssistantConfig, ColumnMapping } from '../types.ts';
import { checkMapping } from '../map/columns.ts';
import { createRowValidator } from './row.ts';

const assistant: AssistantConfig = {
  variables: [
    { name: 'customer_name', type: 'text', required: true, maxLength: 12 },
    { name: 'seats', type: 'number' },
  ],
  secondaryVariables: [],
};
const headers = ['First Name', 'Last Name', 'Phone', 'Seats', 'Seats 2'];
const combined: ColumnMapping = {
  columns: [{ kind: 'variable', name: 'customer_name' }, { kind: 'variable', name: 'customer_name', append: true }, { kind: 'phone' }, { kind: 'ignore' }, { kind: 'ignore' }],
};

describe('a text variable combined from several columns', () => {
  it('is a valid mapping, and each row\'s value is the non-blank parts joined by a space', () => {
    expect(checkMapping(headers, combined, assistant).fileErrors).toEqual([]);
    const validator = createRowValidator({ assistant, headers, mapping: combined, defaultCountry: 'US' });
    expect(validator.validate({ row: 1, cells: [' Ann ', 'Lee', '+14155550100', '', ''] }).lead?.variables.customer_name).toBe('Ann Lee');
    expect(validator.validate({ row: 2, cells: ['', 'Lee', '+14155550101', '', ''] }).lead?.variables.customer_name).toBe('Lee');
  });

  it('checks the joined text: required when every part is blank, max length on the whole, named by the first column', () => {
    const validator = createRowValidator({ assistant, headers, mapping: combined, defaultCountry: 'US' });
    expect(validator.validate({ row: 1, cells: ['', ' ', '+14155550100', '', ''] }).errors.map((e) => [e.code, e.column])).toEqual([['VARIABLE_REQUIRED', 'First Name']]);
    expect(validator.validate({ row: 2, cells: ['Maximilian', 'Lee', '+14155550101', '', ''] }).errors.map((e) => e.code)).toEqual(['VARIABLE_TOO_LONG']);
  });

  it('is refused for a variable that is not text, or without the append mark (a column used twice)', () => {
    const numbers: ColumnMapping = { columns: [{ kind: 'ignore' }, { kind: 'ignore' }, { kind: 'phone' }, { kind: 'variable', name: 'seats' }, { kind: 'variable', name: 'seats', append: true }] };
    expect(checkMapping(headers, numbers, assistant).fileErrors.map((e) => e.code)).toEqual(['DUPLICATE_COLUMN']);
    const twice: ColumnMapping = { columns: [{ kind: 'variable', name: 'customer_name' }, { kind: 'variable', name: 'customer_name' }, { kind: 'phone' }, { kind: 'ignore' }, { kind: 'ignore' }] };
    expect(checkMapping(headers, twice, assistant).fileErrors.map((e) => e.code)).toEqual(['DUPLICATE_COLUMN']);
  });
});
