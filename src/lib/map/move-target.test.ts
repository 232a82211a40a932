import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../types.ts';
import { assignTarget, swapWithPrimary } from './move-target.ts';

const mapping: ColumnMapping = {
  columns: [{ kind: 'variable', name: 'customer_name' }, { kind: 'phone' }, { kind: 'secondaryPhone', index: 1 }, { kind: 'ignore' }],
};

describe('assignTarget', () => {
  it('moves a destination another column holds: that column goes nowhere and is named', () => {
    const change = assignTarget(mapping, 2, { kind: 'phone' });
    expect(change.mapping.columns).toEqual([{ kind: 'variable', name: 'customer_name' }, { kind: 'ignore' }, { kind: 'phone' }, { kind: 'ignore' }]);
    expect(change.displaced).toEqual([1]);
  });

  it('moves nothing for a free destination or "Don\'t import"', () => {
    expect(assignTarget(mapping, 3, { kind: 'secondaryPhone', index: 2 }).displaced).toEqual([]);
    expect(assignTarget(mapping, 1, { kind: 'ignore' }).displaced).toEqual([]);
  });

  it('joins a column to a text variable without moving the first, and promotes the joined one when the first leaves', () => {
    const joined = assignTarget(mapping, 3, { kind: 'variable', name: 'customer_name', append: true });
    expect(joined.displaced).toEqual([]);
    expect(joined.mapping.columns[0]).toEqual({ kind: 'variable', name: 'customer_name' });
    const left = assignTarget(joined.mapping, 0, { kind: 'ignore' });
    expect(left.mapping.columns[3]).toEqual({ kind: 'variable', name: 'customer_name' });
  });
});

describe('swapWithPrimary', () => {
  it('swaps a secondary phone column with the primary one in one step', () => {
    expect(swapWithPrimary(mapping, 2).columns).toEqual([{ kind: 'variable', name: 'customer_name' }, { kind: 'secondaryPhone', index: 1 }, { kind: 'phone' }, { kind: 'ignore' }]);
  });
  it('makes a column the primary when there is none', () => {
    const none: ColumnMapping = { columns: [{ kind: 'ignore' }, { kind: 'ignore' }] };
    expect(swapWithPrimary(none, 1).columns).toEqual([{ kind: 'ignore' }, { kind: 'phone' }]);
  });
});
