/**
 * What each column of the file holds, for the mapping step: how many rows fill it and its first few
 * distinct values. Counted in the preview worker as rows arrive (one pass, no copies), so a
 * mostly empty column is seen as such before the person decides where it goes.
 */
import type { SourceRow } from '../../types.ts';
import type { PrimaryChoice } from '../../map/primary-by-content.ts';

/** Sample values kept per column, and their length as shown. */
const SAMPLES = 3;
const SAMPLE_CHARS = 40;

export interface ColumnProfile {
  /** Rows counted so far (every row once the file is read). */
  rows: number;
  /** Per column: rows whose cell is not blank. */
  filled: number[];
  /** Per column: its first distinct non-blank values (at most 3, shortened). */
  samples: string[][];
  /** Why the primary phone went where it did (content), when there was a choice to make. */
  primary: PrimaryChoice | null;
}

const blank = (cell: string | undefined): boolean => cell === undefined || cell === '' || (cell.charCodeAt(0) <= 32 && cell.trim() === '');

export class ColumnProfiler {
  private rows = 0;
  private filled: number[];
  private samples: string[][];
  primary: PrimaryChoice | null = null;

  constructor(private readonly columns: number) {
    this.filled = new Array<number>(columns).fill(0);
    this.samples = Array.from({ length: columns }, () => []);
  }

  add(rows: readonly SourceRow[]): void {
    const n = this.columns;
    for (const r of rows) {
      const cells = r.cells;
      for (let c = 0; c < n; c++) {
        const cell = cells[c];
        if (blank(cell)) continue;
        this.filled[c]!++;
        const seen = this.samples[c]!;
        if (seen.length < SAMPLES) {
          const value = cell!.trim();
          const shown = value.length > SAMPLE_CHARS ? `${value.slice(0, SAMPLE_CHARS - 1)}…` : value;
          if (!seen.includes(shown)) seen.push(shown);
        }
      }
    }
    this.rows += rows.length;
  }

  profile(): ColumnProfile {
    return { rows: this.rows, filled: this.filled.slice(), samples: this.samples.map((s) => s.slice()), primary: this.primary };
  }
}

/** Counts a phone-like column over the first rows: filled cells and those that read as a valid number. */
export function countPhoneColumn(rows: readonly SourceRow[], column: number, isValid: (text: string, numeric: number | undefined) => boolean): { column: number; filled: number; valid: number } {
  let filled = 0;
  let valid = 0;
  for (const r of rows) {
    const cell = r.cells[column];
    if (blank(cell)) continue;
    filled++;
    if (isValid(cell!, r.numeric?.[column])) valid++;
  }
  return { column, filled, valid };
}
