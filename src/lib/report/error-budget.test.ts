import { describe, expect, it } from 'vitest';
import type { RowError } from '../types.ts';
import { boundChunkErrors, BRIEF_RESERVE_PER_BYTE, CHUNK_MESSAGE_BYTES, DETAILS_LEFT_OUT, errorTextBytes, REPORT_TEXT_PER_UPLOAD_BYTE, storedChunkBytes, storedRowBytes } from './error-budget.ts';
import { createReportWriter, errorMessagesCell } from './error-report.ts';
import { utf8Length } from '../text/utf8-length.ts';

const err = (code: string, message: string): RowError => ({ code: code as RowError['code'], message, guidance: 'Fix it, e.g. "+14155551234".' });

/** A chunk of `n` rows of the given cells, every row with `errors` errors of ~`size` characters. */
function chunk(n: number, cells: string[], errors: number, size: number) {
  return Array.from({ length: n }, (_, i) => ({
    row: i + 1,
    cells,
    errors: Array.from({ length: errors }, (_, k) => err(k % 2 ? 'PHONE_INVALID' : 'VARIABLE_REQUIRED', `Problem "${'p'.repeat(size)}" in column "c${k}".`)),
  }));
}

/** The report's text for these rows: its error_codes and error_messages cells, as written. */
function reportTextBytes(rows: ReturnType<typeof chunk>): number {
  const writer = createReportWriter(['a', 'b']);
  return rows.reduce((n, r) => n + (r.errors.length ? utf8Length(writer.line({ row: r.row, cells: [] }, r.errors)) : 0), 0);
}

describe('the error budget of a chunk', () => {
  it('counts a row as at least its JSON in the chunk', () => {
    const cells = ['+14155551234', '', 'Ann "A"'];
    const json = JSON.stringify({ row: 123, cells }) + ',';
    expect(storedRowBytes(123, cells)).toBeLessThanOrEqual(utf8Length(json));
    expect(storedRowBytes(123, cells)).toBeGreaterThanOrEqual(utf8Length(json) - 4);
  });

  it('describes every row of a chunk whose errors fit', () => {
    const rows = chunk(100, ['+1415555', 'Ann', 'Acme corporation'], 1, 40);
    boundChunkErrors(rows);
    expect(rows.every((r) => r.errors[0]!.message !== '')).toBe(true);
  });

  it('keeps the first rows whole and the rest to their codes once the budget is spent, within 16 bytes per byte', () => {
    // 1-character rows with 12 long errors each: far more text than 16 bytes per byte of the chunk.
    const rows = chunk(2_000, ['1'], 12, 200);
    const bytes = storedChunkBytes(rows);
    boundChunkErrors(rows);
    expect(rows[0]!.errors).toHaveLength(12);
    expect(rows[0]!.errors[0]!.message).toMatch(/^Problem/);
    const brief = rows.filter((r) => r.errors.some((e) => e.message === ''));
    expect(brief.length).toBeGreaterThan(1_000);
    // A brief row keeps one error per code, and the report names them with one note.
    expect(brief[0]!.errors.map((e) => e.code)).toEqual(['VARIABLE_REQUIRED', 'PHONE_INVALID']);
    expect(errorMessagesCell(brief[0]!.errors)).toBe(DETAILS_LEFT_OUT);
    expect(errorTextBytes(brief[0]!.errors)).toBeLessThanOrEqual(BRIEF_RESERVE_PER_BYTE * storedRowBytes(brief[0]!.row, brief[0]!.cells));
    const text = rows.reduce((n, r) => n + errorTextBytes(r.errors), 0);
    expect(text).toBeLessThanOrEqual(REPORT_TEXT_PER_UPLOAD_BYTE * bytes);
    // The count matches the report as written (its codes and messages cells, quoted).
    expect(reportTextBytes(rows)).toBeLessThanOrEqual(text + 2_000 * 20);
  });

  it('caps a large chunk at CHUNK_MESSAGE_BYTES of full messages', () => {
    const rows = chunk(5_000, ['x'.repeat(2_000)], 4, 500);
    boundChunkErrors(rows);
    const full = rows.filter((r) => r.errors[0]!.message !== '').reduce((n, r) => n + errorTextBytes(r.errors), 0);
    expect(full).toBeLessThanOrEqual(CHUNK_MESSAGE_BYTES);
    expect(full).toBeGreaterThan(CHUNK_MESSAGE_BYTES / 2);
  });

  it('gives the same verdicts when applied again (a chunk validated, then written)', () => {
    const rows = chunk(500, ['1', '2'], 6, 150);
    boundChunkErrors(rows);
    const once = JSON.stringify(rows);
    boundChunkErrors(rows);
    expect(JSON.stringify(rows)).toBe(once);
  });
});
