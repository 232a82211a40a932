/**
 * The bound on what a chunk's rejected rows may add to the error report. A row's error text
 * (codes, messages and guidance) is paid for by the bytes the upload took: a chunk may carry at
 * most REPORT_TEXT_PER_UPLOAD_BYTE bytes of it per byte of its rows as stored (the chunk's JSON,
 * which the storage quota counts), and at most CHUNK_MESSAGE_BYTES of full messages whatever its
 * size. Rows are described in full, in file order, while that leaves enough for every later row
 * to keep at least its error codes (BRIEF_RESERVE_PER_BYTE of its bytes); past that a row keeps
 * one error per code and the report says its details were left out. Pure: the Worker applies it
 * when it validates and writes a chunk, the same rows in the same order giving the same verdicts.
 */
import type { RowError } from '../types.ts';
import { utf8Length } from '../text/utf8-length.ts';

/** Bytes of error text a chunk may carry per byte of its rows as stored. */
export const REPORT_TEXT_PER_UPLOAD_BYTE = 16;
/**
 * Bytes per byte of a row kept for its codes alone (a row's codes and the note take less: a row
 * has at least one filled cell, and each further code needs a cell of its own).
 */
export const BRIEF_RESERVE_PER_BYTE = 8;
/** Full messages one chunk may carry at most (bytes), so a chunk's errors never fill a Worker's memory. */
export const CHUNK_MESSAGE_BYTES = 4 * 1024 * 1024;
/** What the report says of a row whose messages were left out (error_codes still lists them). */
export const DETAILS_LEFT_OUT = 'Details left out (report size limit); see error_codes.';

/**
 * Bytes a row takes at least in its chunk's JSON, `{"row":N,"cells":["…",…]},` (escapes only add):
 * the upload the row's errors are paid for with.
 */
export function storedRowBytes(row: number, cells: readonly string[]): number {
  let bytes = 19 + String(row).length;
  for (const cell of cells) bytes += utf8Length(cell) + 3;
  return bytes;
}

/** Bytes a text takes in a quoted CSV cell (quotes doubled), without the cell's own quotes. */
function csvBytes(text: string): number {
  let quotes = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) quotes++;
  return utf8Length(text) + quotes;
}

/** The report text a row's errors take: codes, and each message with its guidance and separators. */
export function errorTextBytes(errors: readonly RowError[]): number {
  let bytes = 0;
  for (const e of errors) bytes += e.code.length + 1 + (e.message ? csvBytes(e.message) + csvBytes(e.guidance) + 8 : 0);
  return bytes + (errors.some((e) => !e.message) ? DETAILS_LEFT_OUT.length + 3 : 0);
}

/** A row's errors reduced to their codes (first of each), messages left out. */
export function briefErrors(errors: readonly RowError[]): RowError[] {
  const seen = new Set<string>();
  const out: RowError[] = [];
  for (const e of errors) {
    if (seen.has(e.code)) continue;
    seen.add(e.code);
    const brief: RowError = { code: e.code, message: '', guidance: '' };
    if (e.duplicateOf !== undefined) brief.duplicateOf = e.duplicateOf;
    out.push(brief);
  }
  return out;
}

/** Whether a row's errors were reduced to codes. */
export const isBrief = (errors: readonly RowError[]): boolean => errors.some((e) => !e.message);

/** Admits one chunk's rows in file order: each row's errors as they will be stored and reported. */
export class ErrorBudget {
  private readonly total: number;
  private remaining: number;
  private used = 0;
  private full = 0;

  /** For a chunk whose rows take `chunkBytes` (the sum of their storedRowBytes). */
  constructor(chunkBytes: number) {
    this.total = REPORT_TEXT_PER_UPLOAD_BYTE * chunkBytes;
    this.remaining = chunkBytes;
  }

  /** Counts the next row, of `rowBytes` (storedRowBytes), and returns its errors: whole while the budget allows, else brief. */
  admit(rowBytes: number, errors: RowError[]): RowError[] {
    this.remaining = Math.max(0, this.remaining - rowBytes);
    if (errors.length === 0) return errors;
    if (!isBrief(errors)) {
      const cost = errorTextBytes(errors);
      const reserve = BRIEF_RESERVE_PER_BYTE * this.remaining;
      if (this.used + cost + reserve <= this.total && this.full + cost <= CHUNK_MESSAGE_BYTES) {
        this.used += cost;
        this.full += cost;
        return errors;
      }
    }
    const brief = isBrief(errors) ? errors : briefErrors(errors);
    this.used += errorTextBytes(brief);
    return brief;
  }
}

/** Bytes a chunk's rows take as stored (the budget's base). */
export function storedChunkBytes(rows: readonly { row: number; cells: readonly string[] }[]): number {
  let bytes = 0;
  for (const r of rows) bytes += storedRowBytes(r.row, r.cells);
  return bytes;
}

/** Applies one budget to a chunk's rows in order (their errors replaced where they are cut). */
export function boundChunkErrors(entries: { row: number; cells: readonly string[]; errors: RowError[] }[]): void {
  // A chunk without errors (most of them) costs one look at each row.
  if (!entries.some((e) => e.errors.length > 0)) return;
  const bytes = entries.map((e) => storedRowBytes(e.row, e.cells));
  const budget = new ErrorBudget(bytes.reduce((a, b) => a + b, 0));
  entries.forEach((e, i) => (e.errors = budget.admit(bytes[i]!, e.errors)));
}
