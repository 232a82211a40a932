import { describe, expect, it } from 'vitest';
import type { AssistantConfig, ColumnTarget } from '#lib/types.ts';
import { parseTarget, targetOptions, targetValue } from '../utils/targets.ts';

const assistant: AssistantConfig = {
  variables: [{ name: 'customer_name', type: 'text', required: true }],
  secondaryVariables: [{ name: 'name', type: 'text', required: false }],
};

describe('mapping targets', () => {
  it('round-trips every offered option through its select value', () => {
    for (const o of targetOptions(assistant, { columns: [{ kind: 'reportColumn' }] })) {
      expect(targetValue(parseTarget(o.value))).toBe(o.value);
    }
  });

  it('offers one more secondary contact than the file uses', () => {
    const columns: ColumnTarget[] = [{ kind: 'secondaryPhone', index: 3 }];
    const values = targetOptions(assistant, { columns }).map((o) => o.value);
    expect(values).toContain('sv:4:name');
    expect(values).not.toContain('sp:5');
  });
});

describe('combining and naming', () => {
  const headers = ['First Name', 'Last Name', 'Phone'];
  const mapping = { columns: [{ kind: 'variable', name: 'customer_name' }, { kind: 'ignore' }, { kind: 'phone' }] as ColumnTarget[] };

  it('offers a later column to combine with the column that holds a text variable, by its name', () => {
    const options = targetOptions(assistant, mapping, 1, headers);
    expect(options.find((o) => o.value === 'v+:customer_name')?.label).toBe('customer_name: combine with “First Name”');
    expect(targetOptions(assistant, mapping, 0, headers).map((o) => o.value)).not.toContain('v+:customer_name');
    expect(parseTarget('v+:customer_name')).toEqual({ kind: 'variable', name: 'customer_name', append: true });
  });

  it('names secondary phones for people, and offers a new variable only to those who may add one', () => {
    const labels = targetOptions(assistant, mapping, 1, headers).map((o) => o.label);
    expect(labels).toContain('Phone number 2 (called if the primary does not answer)');
    expect(labels.some((l) => /secondary_phone/.test(l))).toBe(false);
    expect(targetOptions(assistant, mapping, 1, headers, true).at(-1)).toEqual({ value: 'new', label: 'New variable of the assistant…' });
  });
});
