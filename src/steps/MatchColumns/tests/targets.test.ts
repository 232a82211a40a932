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
