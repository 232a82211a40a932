import { describe, expect, it } from 'vitest';
import { chunkBudget, createJsonRowCutter, createRowCutter, cutRows, CHUNK_BUDGET, LIST_CHUNK_BUDGET } from './cut.ts';
import { LIMITS } from '../limits.ts';
import type { SourceRow } from '../types.ts';

const utf8 = (s: string) => new TextEncoder().encode(s).length;
/** The bytes a chunk's rows take as the cutter counts them: each row's JSON and a comma. */
const rowsBytes = (rows: SourceRow[]) => rows.reduce((n, r) => n + utf8(JSON.stringify(r)) + 1, 0);

function rows(n: number, cell: (i: number) => string): SourceRow[] {
  return Array.from({ length: n }, (_, i) => ({ row: i + 1, cells: [`+1415200${String(i % 10_000).padStart(4, '0')}`, cell(i)] }));
}

describe('the chunk cutter', () => {
  it('budgets come from one place: 90% of the server limit, list chunks take more rows', () => {
    expect(CHUNK_BUDGET).toEqual({ rows: LIMITS.chunkRows, bytes: Math.floor(LIMITS.maxChunkBytes * 0.9), limit: LIMITS.maxChunkBytes });
    expect(LIST_CHUNK_BUDGET).toEqual({ ...CHUNK_BUDGET, rows: 25_000 });
    expect(chunkBudget(10, 1000)).toEqual({ rows: 10, bytes: 900, limit: 1000 });
  });

  it('cuts by rows: every chunk full but the last, in file order', () => {
    const all = rows(23, () => 'Ann');
    const chunks = [...cutRows(createRowCutter(chunkBudget(5, 1 << 20)), all)];
    expect(chunks.map((c) => c.length)).toEqual([5, 5, 5, 5, 3]);
    expect(chunks.flat()).toEqual(all);
  });

  it('cuts by UTF-8 bytes of row JSON: no chunk over the budget, none that could have taken the next row', () => {
    const all = rows(300, (i) => (i % 7 === 0 ? 'é"\\\n'.repeat(40) : '張偉'.repeat(i % 13)));
    const budget = chunkBudget(1000, 4000);
    const chunks = [...cutRows(createRowCutter(budget), all)];
    expect(chunks.length).toBeGreaterThan(5);
    for (const [i, chunk] of chunks.entries()) {
      expect(rowsBytes(chunk)).toBeLessThanOrEqual(budget.bytes);
      const next = chunks[i + 1]?.[0];
      if (next) expect(rowsBytes([...chunk, next])).toBeGreaterThan(budget.bytes);
    }
    expect(chunks.flat()).toEqual(all);
  });

  it('cuts rows already encoded as JSON at the same places as the rows themselves (browser and Worker agree)', () => {
    const all = rows(500, (i) => 'x😀é'.repeat(i % 17));
    const budget = chunkBudget(40, 3000);
    const asRows = [...cutRows(createRowCutter(budget), all)].map((c) => c.length);
    const asJson = [...cutRows(createJsonRowCutter(budget), all.map((r) => JSON.stringify(r)))].map((c) => c.length);
    expect(asJson).toEqual(asRows);
  });

  it('refuses a row that alone is larger than the server accepts as a chunk, naming it', () => {
    const cutter = createRowCutter(chunkBudget(10, 1000));
    cutter.add({ row: 1, cells: ['+14152000001'] });
    expect(() => cutter.add({ row: 2, cells: ['x'.repeat(1000)] })).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE', message: expect.stringMatching(/^Row 2 holds more than/) }));
    expect(() => createJsonRowCutter(chunkBudget(10, 100)).add('"' + 'y'.repeat(200) + '"')).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE' }));
  });

  it('flush gives the rows waiting, then nothing', () => {
    const cutter = createRowCutter(chunkBudget(3, 1 << 20));
    expect(cutter.flush()).toBeNull();
    cutter.add({ row: 1, cells: ['a'] });
    expect(cutter.flush()).toEqual([{ row: 1, cells: ['a'] }]);
    expect(cutter.flush()).toBeNull();
  });
});
