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
    store.setCell(1, 0, '+14155550000');
    expect(store.get(1).cells[0]).toBe('+14155550000');
    expect(JSON.parse(store.json(1))).toEqual({ row: 3, cells: ['+14155550000', '', ''] });
    store.clear();
    expect(store.length).toBe(0);
  });
});

describe('an edited cell', () => {
  it('replaces only that cell, pads a short row, and drops the cell\'s Excel number', () => {
    const store = new RowStore();
    store.add(packRows(0, rows));
    expect(store.setCell(2, 0, '+14155559999')).toEqual({ row: 4, cells: ['+14155559999', 'Bo\nLine', ''] });
    expect(store.setCell(0, 4, 'x')).toEqual({ row: 1, cells: ['+14155551234', 'Ann, "the" boss', 'é', '', 'x'] });
    expect(rows[0]!.cells).toHaveLength(3);
  });

  it('keeps the Excel numbers of the other cells', () => {
    const store = new RowStore();
    store.add(packRows(0, [{ row: 2, cells: ['1', '2'], numeric: { 0: 1, 1: 2 } }]));
    expect(store.setCell(0, 1, 'two')).toEqual({ row: 2, cells: ['1', 'two'], numeric: { 0: 1 } });
    expect(JSON.parse(store.json(0))).toEqual({ row: 2, cells: ['1', 'two'], numeric: { 0: 1 } });
  });
});
