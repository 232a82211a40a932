import { describe, expect, it } from 'vitest';
import { autoMap, checkMapping } from '../map/columns.ts';
import type { AssistantConfig } from '../types.ts';
import { createRowValidator } from '../validate/row.ts';
import { sampleCsv } from './sample-csv.ts';

const assistant: AssistantConfig = {
  variables: [
    { name: 'customer_name', type: 'text', required: true },
    { name: 'company', type: 'text' },
    { name: 'budget_range', type: 'text' },
    { name: 'seats', type: 'number' },
    { name: 'vip', type: 'boolean' },
    { name: 'notes', type: 'text', maxLength: 4 },
    { name: 'say "hi", then', type: 'text' },
  ],
  secondaryVariables: [
    { name: 'name', type: 'text' },
    { name: 'role', type: 'text' },
  ],
};

describe('sampleCsv', () => {
  it('has the expected header and one plausible example row', () => {
    const [header, example, end] = sampleCsv(assistant).split('\r\n');
    expect(header).toBe(
      'phone_number,customer_name,company,budget_range,seats,vip,notes,"say ""hi"", then",secondary_phone_1,secondary_1_name,secondary_1_role',
    );
    expect(example).toBe('+14155551234,John Smith,ABC Corp,10k-50k,42,true,exam,example,+14155551235,Jane Smith,Decision Maker');
    expect(end).toBe('');
  });

  it('works for an assistant without variables', () => {
    expect(sampleCsv({ variables: [], secondaryVariables: [] })).toBe('phone_number,secondary_phone_1\r\n+14155551234,+14155551235\r\n');
  });

  it('imports cleanly with this core', () => {
    const simple: AssistantConfig = { ...assistant, variables: assistant.variables.slice(0, 6) };
    const [headerLine, rowLine] = sampleCsv(simple).split('\r\n');
    const headers = headerLine!.split(',');
    const mapping = autoMap(headers, simple);
    expect(checkMapping(headers, mapping, simple)).toEqual({ fileErrors: [], missingRequired: [], unknownColumns: [] });
    const result = createRowValidator({ assistant: simple, headers, mapping }).validate({ row: 1, cells: rowLine!.split(',') });
    expect(result.errors).toEqual([]);
    expect(result.lead?.secondary).toHaveLength(1);
  });
});
