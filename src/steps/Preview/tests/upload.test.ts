import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ChunkSchema } from '#lib/chunk/format.ts';
import { packRows, RowStore } from '#lib/ui/preview/row-store.ts';
import type { SourceRow } from '#lib/types.ts';
import { chunkBodies, withoutDeleted } from '../utils/upload.ts';

function store(rows: SourceRow[]): RowStore {
  const s = new RowStore();
  s.add(packRows(0, rows));
  return s;
}

const rows: SourceRow[] = Array.from({ length: 23 }, (_, i) => ({ row: i + 1, cells: [`+1415200${String(i).padStart(4, '0')}`, i % 3 ? 'Ann' : 'Zoë "Z"'] }));

describe('chunkBodies', () => {
  it('builds the chunks the server accepts, in file order, as the chunk format splits them', () => {
    const bodies = [...chunkBodies(store(rows), 5, 1 << 20)];
    const chunks = bodies.map((b) => v.parse(ChunkSchema, JSON.parse(b.body)));
    const expected = [0, 1, 2, 3, 4].map((index) => ({ v: 1, index, rows: rows.slice(index * 5, index * 5 + 5) }));
    expect(chunks).toEqual(expected);
    expect(bodies.map((b) => b.rows)).toEqual([5, 5, 5, 5, 3]);
  });

  it('keeps each chunk under 90% of the byte limit, counting UTF-8 bytes, and includes edits', () => {
    const s = store(rows);
    s.setCell(4, 1, 'é'.repeat(40));
    const limit = 400;
    const bodies = [...chunkBodies(s, 1000, limit)];
    expect(bodies.length).toBeGreaterThan(1);
    for (const b of bodies) expect(new TextEncoder().encode(b.body).length).toBeLessThan(limit);
    const all = bodies.flatMap((b) => v.parse(ChunkSchema, JSON.parse(b.body)).rows);
    expect(all.map((r) => r.row)).toEqual(rows.map((r) => r.row));
    expect(all[4]!.cells[1]).toBe('é'.repeat(40));
  });
});

describe('withoutDeleted', () => {
  it('leaves the deleted rows out of the upload, keeping the others\' row numbers and order', () => {
    const bodies = [...chunkBodies(withoutDeleted(store(rows), [0, 7, 22]), 100, 1 << 20)];
    const sent = bodies.flatMap((b) => v.parse(ChunkSchema, JSON.parse(b.body)).rows.map((r) => r.row));
    expect(sent).toEqual(rows.map((r) => r.row).filter((n) => ![1, 8, 23].includes(n)));
    const all = store(rows);
    expect(withoutDeleted(all, [])).toBe(all);
  });
});
