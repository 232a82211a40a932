/**
 * Which rows the preview grid shows, as positions in the RowStore. Unfiltered they are 0..n-1: one
 * typed array of positions, grown by doubling, which the grid gets a view of (subarray: no copy, so
 * a refresh costs the same at a million rows as at ten; copying the list was the page's longest
 * task). The list of rows with errors grows as batches arrive and is rebuilt only when verdicts
 * change out of order (a remap, an edit).
 */
import type { RowVerdict } from './protocol.ts';

/** What the grid gets: an array, or a typed-array view of one. */
export type GridPositions = ArrayLike<number> & { slice(start?: number, end?: number): ArrayLike<number> };

export class RowPositions {
  private all = new Int32Array(0);
  private shown = 0;
  private errors: number[] = [];
  private errorsStale = false;

  clear(): void {
    this.shown = 0;
    this.errors = [];
    this.errorsStale = false;
  }

  /** The store now holds `n` rows. */
  grow(n: number): void {
    if (n > this.all.length) this.resize(Math.max(1024, this.all.length * 2, n));
    this.shown = n;
  }

  /** Makes room for `n` rows at once (shows none more). */
  reserve(n: number): void {
    if (n > this.all.length) this.resize(n);
  }

  private resize(size: number): void {
    const grown = new Int32Array(size);
    grown.set(this.all);
    for (let i = this.all.length; i < grown.length; i++) grown[i] = i;
    this.all = grown;
  }

  /** Row `i` arrived (in file order) with errors. */
  addError(i: number): void {
    this.errors.push(i);
  }

  /** Verdicts changed out of order: the error list is rebuilt when next asked for. */
  invalidateErrors(): void {
    this.errorsStale = true;
  }

  /** Every row, or only those with errors (a fresh array, so the grid sees a change). */
  view(onlyErrors: boolean, verdicts: readonly RowVerdict[]): GridPositions {
    if (!onlyErrors) return this.all.subarray(0, this.shown);
    if (this.errorsStale) {
      this.errors = [];
      for (let i = 0; i < this.shown; i++) if (verdicts[i]) this.errors.push(i);
      this.errorsStale = false;
    }
    return this.errors.slice();
  }
}
