/**
 * The file's rows on the main thread, packed: one JSON text per batch (each row's cells as a JSON
 * array, located by offsets) instead of millions of small strings, so a 1M-row preview costs the
 * garbage collector little. Rows are decoded only when shown, edited or uploaded.
 */
import type { SourceRow } from '../../types.ts';

/** A batch of rows as the preview worker sends it. */
export interface PackedRows {
  /** Position of the batch's first row among all rows. */
  start: number;
  rowNumbers: Int32Array;
  /** Start of row k's cells JSON in `text`; one more entry marks the end. */
  offsets: Uint32Array;
  text: string;
  /** Excel numeric cells, by position within the batch. */
  numeric?: Record<number, Record<number, number>>;
}

/** Packs consecutive rows (in the worker). */
export function packRows(start: number, rows: readonly SourceRow[]): PackedRows {
  const rowNumbers = new Int32Array(rows.length);
  const offsets = new Uint32Array(rows.length + 1);
  const parts: string[] = new Array(rows.length);
  let numeric: PackedRows['numeric'];
  let pos = 0;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    const json = JSON.stringify(r.cells);
    parts[k] = json;
    rowNumbers[k] = r.row;
    offsets[k] = pos;
    pos += json.length;
    if (r.numeric) (numeric ??= {})[k] = r.numeric;
  }
  offsets[rows.length] = pos;
  return numeric ? { start, rowNumbers, offsets, text: parts.join(''), numeric } : { start, rowNumbers, offsets, text: parts.join('') };
}

/** Row k of a packed batch, decoded. */
export function unpackRow(b: PackedRows, k: number): SourceRow {
  const cells = JSON.parse(b.text.slice(b.offsets[k]!, b.offsets[k + 1]!)) as string[];
  const numeric = b.numeric?.[k];
  return numeric ? { row: b.rowNumbers[k]!, cells, numeric } : { row: b.rowNumbers[k]!, cells };
}

/**
 * A row with one cell replaced (a user's edit), as both the page and the preview worker keep it:
 * the cell's Excel numeric value no longer applies, so it is dropped.
 */
export function withCell(r: SourceRow, column: number, value: string): SourceRow {
  const cells = r.cells.slice();
  while (cells.length <= column) cells.push('');
  cells[column] = value;
  const next: SourceRow = { row: r.row, cells };
  if (r.numeric) {
    const numeric = { ...r.numeric };
    delete numeric[column];
    if (Object.keys(numeric).length) next.numeric = numeric;
  }
  return next;
}

export class RowStore {
  private batches: PackedRows[] = [];
  private edited = new Map<number, SourceRow>();
  length = 0;

  clear(): void {
    this.batches = [];
    this.edited.clear();
    this.length = 0;
  }

  /** Adds the next batch (batches arrive in file order). */
  add(batch: PackedRows): void {
    this.batches.push(batch);
    this.length = Math.max(this.length, batch.start + batch.rowNumbers.length);
  }

  private locate(i: number): [PackedRows, number] {
    let lo = 0;
    let hi = this.batches.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.batches[mid]!.start <= i) lo = mid;
      else hi = mid - 1;
    }
    const b = this.batches[lo]!;
    return [b, i - b.start];
  }

  rowNumber(i: number): number {
    const e = this.edited.get(i);
    if (e) return e.row;
    const [b, k] = this.locate(i);
    return b.rowNumbers[k]!;
  }

  /** Row i as a SourceRow (decoded on demand). */
  get(i: number): SourceRow {
    const e = this.edited.get(i);
    if (e) return e;
    const [b, k] = this.locate(i);
    return unpackRow(b, k);
  }

  /** Replaces one cell of row i (a user's edit); returns the edited row. */
  setCell(i: number, column: number, value: string): SourceRow {
    const next = withCell(this.get(i), column, value);
    this.edited.set(i, next);
    return next;
  }

  /** Row i as the chunk format's JSON, without decoding it when it was not edited. */
  json(i: number): string {
    const e = this.edited.get(i);
    if (e) return JSON.stringify(e.numeric ? { row: e.row, cells: e.cells, numeric: e.numeric } : { row: e.row, cells: e.cells });
    const [b, k] = this.locate(i);
    const cells = b.text.slice(b.offsets[k]!, b.offsets[k + 1]!);
    const numeric = b.numeric?.[k];
    return `{"row":${b.rowNumbers[k]},"cells":${cells}${numeric ? `,"numeric":${JSON.stringify(numeric)}` : ''}}`;
  }
}
