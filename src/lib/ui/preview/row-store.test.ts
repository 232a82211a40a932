import { describe, expect, it } from 'vitest';
import { packRows, RowStore } from './row-store.ts';
import type { SourceRow } from '../../types.ts';

const rows: SourceRow[] = [
  { row: 1, cells: ['+14155551234', 'Ann, "the" boss', 'é'] },
  { row: 3, cells: ['', '', ''] },
  { row: 4, cells: ['14155551235', 'Bo\nLine', ''], numeric: { 0: 14155551235 } },
];

describe('RowStore', () => {
  it('gives back every row exactly, across batches, and edits override them', () => {
    const store = new RowStore();
    store.add(packRows(0, rows.slice(0, 1)));
    store.add(packRows(1, rows.slice(1)));
    expect(store.length).toBe(3);
    expect([0, 1, 2].map((i) => store.get(i))).toEqual(rows);
    expect([0, 1, 2].map((i) => JSON.parse(store.json(i)))).toEqual(rows);
    expect(store.rowNumber(2)).toBe(4);
    store.set(1, { row: 3, cells: ['+14155550000', 'X', ''] });
    expect(store.get(1).cells[0]).toBe('+14155550000');
    expect(JSON.parse(store.json(1))).toEqual({ row: 3, cells: ['+14155550000', 'X', ''] });
    store.clear();
    expect(store.length).toBe(0);
  });
});
