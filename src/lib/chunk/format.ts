/** The chunk: a slice of the file's rows as stored in R2, the unit a queue message names. */
import * as v from 'valibot';
import { LIMITS } from '../limits.ts';

const SourceRowSchema = v.object({
  row: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.maxRows * 2)),
  cells: v.pipe(v.array(v.pipe(v.string(), v.maxLength(LIMITS.maxCellLength))), v.maxLength(LIMITS.maxColumns)),
  numeric: v.optional(v.record(v.pipe(v.string(), v.regex(/^\d+$/)), v.number())),
});

/** What the server accepts as a chunk from a browser: shape and sizes checked, nothing trusted beyond. */
export const ChunkSchema = v.object({
  v: v.literal(1),
  index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)),
  rows: v.pipe(v.array(SourceRowSchema), v.minLength(1), v.maxLength(LIMITS.chunkRows)),
});

/** A chunk as stored and validated: the schema's output, so a parsed chunk needs no cast. */
export type Chunk = v.InferOutput<typeof ChunkSchema>;

/**
 * Where a chunk's row numbers break file order: each row's number must be above the previous
 * one's (unique and strictly increasing), because the number names the row in dedupe ("duplicate
 * of row N") and in the error report. Returns the position of the first offending row, or -1.
 */
export function rowOrderBreak(rows: readonly { row: number }[]): number {
  for (let i = 1; i < rows.length; i++) if (rows[i]!.row <= rows[i - 1]!.row) return i;
  return -1;
}

/**
 * A chunk's JSON text from its rows already encoded as JSON (each `{"row":…,"cells":[…]}`), so a
 * browser can build a chunk of thousands of rows without decoding them again.
 */
export function encodeChunk(index: number, rowsJson: readonly string[]): string {
  const head: Omit<Chunk, 'rows'> = { v: 1, index };
  return `${JSON.stringify(head).slice(0, -1)},"rows":[${rowsJson.join(',')}]}`;
}
