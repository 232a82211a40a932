import { describe, expect, it } from 'vitest';
import type { AssistantConfig } from '../types.ts';
import { autoMapWithSuggestions } from './columns.ts';
import { choosePrimaryByContent, phoneLikeColumns, type PhoneColumnCount } from './primary-by-content.ts';

const assistant: AssistantConfig = { variables: [{ name: 'customer_name', type: 'text' }], secondaryVariables: [{ name: 'name', type: 'text' }] };
const counts = (table: Record<number, [number, number]>) => (column: number): PhoneColumnCount => ({ column, filled: table[column]?.[0] ?? 0, valid: table[column]?.[1] ?? 0 });

describe('choosePrimaryByContent', () => {
  // HubSpot: "Phone Number" matches phone_number by name but is mostly empty; "Mobile Phone Number" is filled.
  const hubspot = ['First Name', 'Last Name', 'Mobile Phone Number', 'Phone Number', 'Email'];

  it('gives the primary phone to the phone-like column with the most valid numbers, and the other its place', () => {
    const auto = autoMapWithSuggestions(hubspot, assistant);
    expect(auto.mapping.columns[3]).toEqual({ kind: 'phone' });
    expect(auto.mapping.columns[2]).toEqual({ kind: 'secondaryPhone', index: 1 });
    const chosen = choosePrimaryByContent(hubspot, auto, 30, counts({ 2: [30, 29], 3: [4, 4] }));
    expect(chosen.mapping.columns[2]).toEqual({ kind: 'phone' });
    expect(chosen.mapping.columns[3]).toEqual({ kind: 'secondaryPhone', index: 1 });
    expect(chosen.suggested).toEqual([3]);
    expect(chosen.choice).toEqual({
      column: 2,
      sampled: 30,
      changed: true,
      counts: [{ column: 2, filled: 30, valid: 29 }, { column: 3, filled: 4, valid: 4 }],
    });
  });

  it('keeps the names\' choice on a tie, and says so', () => {
    const auto = autoMapWithSuggestions(hubspot, assistant);
    const chosen = choosePrimaryByContent(hubspot, auto, 10, counts({ 2: [10, 7], 3: [10, 7] }));
    expect(chosen.mapping).toEqual(auto.mapping);
    expect(chosen.choice).toMatchObject({ column: 3, changed: false });
  });

  it('never second-guesses an explicit phone_number column, and needs two candidates and some rows', () => {
    const explicit = ['phone_number', 'Mobile'];
    const auto = autoMapWithSuggestions(explicit, assistant);
    expect(choosePrimaryByContent(explicit, auto, 30, counts({ 1: [30, 30] })).choice).toBeNull();
    const single = ['Phone', 'Name'];
    expect(choosePrimaryByContent(single, autoMapWithSuggestions(single, assistant), 30, counts({ 0: [30, 30] })).choice).toBeNull();
    expect(choosePrimaryByContent(hubspot, autoMapWithSuggestions(hubspot, assistant), 0, counts({})).choice).toBeNull();
  });

  it('does not take an explicit secondary_phone_N column, nor a vague "Number" one', () => {
    const headers = ['Phone', 'secondary_phone_1', 'Number'];
    const auto = autoMapWithSuggestions(headers, assistant);
    expect(phoneLikeColumns(headers, auto.mapping)).toEqual([0]);
    expect(choosePrimaryByContent(headers, auto, 5, counts({ 0: [1, 1], 1: [5, 5], 2: [5, 5] })).choice).toBeNull();
  });

  it('also picks a phone-like column the names left out (secondary contacts need variables no column gives)', () => {
    const strict: AssistantConfig = { variables: [], secondaryVariables: [{ name: 'name', type: 'text', required: true }] };
    const headers = ['Phone Number', 'Mobile'];
    const auto = autoMapWithSuggestions(headers, strict);
    expect(auto.mapping.columns[1]).toEqual({ kind: 'ignore' });
    const chosen = choosePrimaryByContent(headers, auto, 20, counts({ 0: [2, 1], 1: [20, 20] }));
    expect(chosen.mapping.columns).toEqual([{ kind: 'ignore' }, { kind: 'phone' }]);
    expect(chosen.suggested).toEqual([]);
  });
});
