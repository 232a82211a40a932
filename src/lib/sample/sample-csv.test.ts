import { describe, expect, it } from 'vitest';
import { autoMap, checkMapping } from '../map/columns.ts';
import { readCsvText } from '../parse/csv.ts';
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
    expect(example).toBe("'+14155551234,John Smith,ABC Corp,10k-50k,42,true,exam,example,'+14155551235,Jane Smith,Decision Maker");
    expect(end).toBe('');
  });

  it('works for an assistant without variables', () => {
    expect(sampleCsv({ variables: [], secondaryVariables: [] })).toBe("phone_number,secondary_phone_1\r\n'+14155551234,'+14155551235\r\n");
  });

  it('imports cleanly with this core (read back by the CSV reader, which takes the neutraliser off)', () => {
    const simple: AssistantConfig = { ...assistant, variables: [...assistant.variables.slice(0, 6), { name: 'offset', type: 'number', default: -5 }] };
    const { headers, rows } = readCsvText(sampleCsv(simple));
    expect(headers).toEqual(['phone_number', ...simple.variables.map((v) => v.name), 'secondary_phone_1', 'secondary_1_name', 'secondary_1_role']);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cells[0]).toBe('+14155551234');
    expect(rows[0]!.cells[headers.indexOf('offset')]).toBe('-5');
    const mapping = autoMap(headers, simple);
    expect(checkMapping(headers, mapping, simple)).toEqual({ fileErrors: [], missingRequired: [], unknownColumns: [] });
    const result = createRowValidator({ assistant: simple, headers, mapping }).validate(rows[0]!);
    expect(result.errors).toEqual([]);
    expect(result.lead?.e164).toBe('+14155551234');
    expect(result.lead?.secondary).toHaveLength(1);
  });

  it('no cell Excel would run as a formula: names and example values are neutralised like the other downloads', () => {
    // Names the API's schema refuses, but the sample must not depend on every assistant having passed it.
    const hostile: AssistantConfig = {
      variables: [
        { name: '=HYPERLINK("http://evil.example","x")', type: 'text' },
        { name: '@SUM(A1)', type: 'text' },
        { name: 'delta', type: 'number', default: -3 },
        { name: '+cmd', type: 'number', default: 7 },
      ],
      secondaryVariables: [{ name: '-2+3', type: 'text' }],
    };
    const text = sampleCsv(hostile);
    const cells = text.split('\r\n').slice(0, 2).flatMap((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    for (const cell of cells) expect(cell.replace(/^"/, ''), cell).not.toMatch(/^[=+\-@\t\r]/);
    const { headers, rows } = readCsvText(text);
    expect(headers).toEqual(['phone_number', '=HYPERLINK("http://evil.example","x")', '@SUM(A1)', 'delta', '+cmd', 'secondary_phone_1', 'secondary_1_-2+3']);
    expect(rows[0]!.cells.slice(0, 5)).toEqual(['+14155551234', 'example', 'example', '-3', '7']);
  });
});
