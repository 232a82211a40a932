/**
 * How a list import's rows are stored in a chunk (R2), and read back. A spreadsheet list's rows are
 * the lead chunk's (src/lib/chunk/format.ts: `{v, index, rows: [{row, cells, numeric?}]}`). A
 * registry file's rows are one number each and numbered one after the other, so its chunk keeps them
 * as text, a line each, after the first row's number (`{v, index, firstRow, lines}`): a third of the
 * bytes, and no object per row to write, store and parse again.
 */
import { encodeChunk } from '../../../src/lib/chunk/format.ts';
import type { SourceRow } from '../../../src/lib/types.ts';

export interface ChunkEncoding {
  /** A run of rows as text (joined to the runs before it with the encoding's separator). */
  part(rows: readonly SourceRow[]): string;
  /** The stored chunk of these runs. */
  body(index: number, firstRow: number, parts: readonly string[]): string;
}

/** The lead chunk's form (each row an object with its cells). */
export const ROWS_ENCODING: ChunkEncoding = {
  part: (rows) => JSON.stringify(rows).slice(1, -1),
  body: (index, _firstRow, parts) => encodeChunk(index, parts),
};

/** One cell a row, rows numbered consecutively: the cells as lines (a registry file's cells hold no line break). */
export const LINES_ENCODING: ChunkEncoding = {
  part: (rows) => rows.map((r) => r.cells[0] ?? '').join('\n'),
  body: (index, firstRow, parts) => `{"v":1,"index":${index},"firstRow":${firstRow},"lines":${JSON.stringify(parts.join('\n'))}}`,
};

/** A stored chunk's rows, whichever form it has. */
export function chunkRows(text: string): SourceRow[] {
  const chunk = JSON.parse(text) as { rows?: SourceRow[]; firstRow?: number; lines?: string };
  if (chunk.rows) return chunk.rows;
  const first = chunk.firstRow ?? 1;
  return (chunk.lines ?? '').split('\n').map((cell, i) => ({ row: first + i, cells: [cell] }));
}
