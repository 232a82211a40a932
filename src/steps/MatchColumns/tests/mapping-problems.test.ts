import { describe, expect, it } from 'vitest';
import { checkMapping } from '#lib/map/columns.ts';
import type { AssistantConfig, ColumnMapping } from '#lib/types.ts';
import { mappingProblems } from '../utils/mapping-problems.ts';

const assistant: AssistantConfig = { variables: [{ name: 'company', type: 'text' }], secondaryVariables: [] };

describe('mappingProblems', () => {
  it('tells what to choose in the step when no column goes to the phone', () => {
    const headers = ['name'];
    const problems = mappingProblems(checkMapping(headers, { columns: [{ kind: 'ignore' }] }, assistant), headers);
    expect(problems).toEqual(['No column goes to the phone number: choose “Phone number (primary)” for the column that holds the numbers.']);
  });

  it('says the file must change when two columns share a name, and never asks to rename inside the app otherwise', () => {
    const headers = ['Phone', 'Phone'];
    const same = mappingProblems(checkMapping(headers, { columns: [{ kind: 'phone' }, { kind: 'ignore' }] }, assistant), headers);
    expect(same).toEqual(['“Phone” (column 1) and “Phone” (column 2) have the same name, so the import cannot tell them apart. Rename one of them in your spreadsheet, save the file and choose it again.']);
    const two = ['Firma', 'Company'];
    const mapping: ColumnMapping = { columns: [{ kind: 'variable', name: 'company' }, { kind: 'variable', name: 'company' }] };
    const problems = mappingProblems(checkMapping(two, mapping, assistant), two);
    expect(problems.some((p) => /Choose “Don't import” for all but one of them\./.test(p))).toBe(true);
    expect(problems.join(' ')).not.toMatch(/Rename/);
  });
});
