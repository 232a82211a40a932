import { describe, expect, it } from 'vitest';
import { autoMap, autoMapWithSuggestions } from './columns.ts';
import { headlessMapping } from './headless-mapping.ts';
import type { SavedMapping } from './remembered.ts';
import type { AssistantConfig, ColumnTarget } from '../types.ts';

const assistant: AssistantConfig = {
  variables: [
    { name: 'customer_name', type: 'text', required: true },
    { name: 'company', type: 'text' },
  ],
  secondaryVariables: [{ name: 'name', type: 'text' }],
};

const saved = (headers: string[], targets: ColumnTarget[]): SavedMapping => ({ id: 'map_1', campaignId: 'cmp_1', fileName: 'nov.csv', headers, targets, savedAt: '2026-12-01T00:00:00.000Z' });

describe('the automatic mapping (what a headless import applies)', () => {
  it('takes exact names, normalised names and the first phone synonym, never a suggested second phone', () => {
    const headers = ['Mobile', 'Phone', 'Customer Name', 'Work Phone'];
    expect(autoMapWithSuggestions(headers, assistant).suggested).toEqual([1, 3]);
    expect(autoMap(headers, assistant).columns).toEqual([{ kind: 'phone' }, { kind: 'ignore' }, { kind: 'variable', name: 'customer_name' }, { kind: 'ignore' }]);
    // Columns named for a secondary contact are exact names, not suggestions: they stay.
    expect(autoMap(['phone_number', 'secondary_phone_1', 'Mobile'], assistant).columns).toEqual([{ kind: 'phone' }, { kind: 'secondaryPhone', index: 1 }, { kind: 'ignore' }]);
  });
});

describe('headlessMapping', () => {
  it('without a saved mapping for these headers: automatic', () => {
    const headers = ['Mobile', 'Phone', 'customer_name'];
    expect(headlessMapping(headers, assistant, null)).toEqual({ mapping: autoMap(headers, assistant), mappingSource: 'automatic' });
  });

  it("with the campaign's mapping for the identical headers: that mapping, column by column", () => {
    const headers = ['Mobile', 'Phone', 'Full Name'];
    const targets: ColumnTarget[] = [{ kind: 'secondaryPhone', index: 1 }, { kind: 'phone' }, { kind: 'variable', name: 'customer_name' }];
    expect(headlessMapping(headers, assistant, saved(headers, targets))).toEqual({ mapping: { columns: targets }, mappingSource: 'remembered' });
  });

  it('a saved target the assistant no longer has falls back to the automatic one, never to a suggestion', () => {
    const headers = ['Phone', 'Mobile', 'Org', 'error_row'];
    const targets: ColumnTarget[] = [{ kind: 'phone' }, { kind: 'variable', name: 'gone' }, { kind: 'variable', name: 'company' }, { kind: 'variable', name: 'customer_name' }];
    expect(headlessMapping(headers, assistant, saved(headers, targets)).mapping.columns).toEqual([
      { kind: 'phone' },
      { kind: 'ignore' },
      { kind: 'variable', name: 'company' },
      { kind: 'reportColumn' },
    ]);
  });

  it('a column the person chose to ignore stays ignored', () => {
    const headers = ['phone_number', 'company'];
    const targets: ColumnTarget[] = [{ kind: 'phone' }, { kind: 'ignore' }];
    expect(headlessMapping(headers, assistant, saved(headers, targets)).mapping.columns).toEqual(targets);
  });
});
