/**
 * The preview's verdict of every row: its own errors (from validation), duplicates in file order
 * (duplicates.ts), and the suppression (do-not-call) check against the workspace's packed list.
 * The list may arrive after rows were validated and shown: `receiveList` then checks the rows
 * already in and answers the verdicts that changed, so a list that comes late gives the same
 * verdicts and counts as one that was there first.
 */
import type { RowError } from '../../types.ts';
import { addRowCodes } from '../../validate/add-row-codes.ts';
import { suppressionErrors, type Listed, type SuppressionColumns } from '../../validate/suppression.ts';
import { PreviewDuplicates } from './duplicates.ts';
import type { RowVerdict } from './protocol.ts';

export interface VerdictCounts {
  invalidRows: number;
  /** Rows the person deleted in the preview (not counted anywhere else, never uploaded). */
  deletedRows: number;
  /** Rows with errors whose only problem is an earlier row with the same number (skipped anyway). */
  duplicateOnlyRows: number;
  errorCounts: Record<string, number>;
  /** Rows flagged SUPPRESSED or SECONDARY_SUPPRESSED (a later duplicate of a listed number counts as a duplicate). */
  suppressedRows: number;
}

const isSuppression = (e: RowError) => e.code === 'SUPPRESSED' || e.code === 'SECONDARY_SUPPRESSED';
const isDuplicate = (e: RowError) => e.code === 'DUPLICATE_IN_FILE';

export class PreviewVerdicts {
  /** Per row: its own errors (without DUPLICATE_IN_FILE), null when valid; a hole until the row is applied. */
  private own: (RowError[] | null)[] = [];
  /** Per valid row with secondary contacts: their numbers, for a list that arrives later. */
  private secondaries: (readonly string[] | undefined)[] = [];
  private readonly duplicates = new PreviewDuplicates();
  private listed: Listed | null = null;
  /** Rows the person deleted: no verdict, no number (a later row with the same number is then the first). */
  private readonly removed = new Set<number>();
  private columns: SuppressionColumns = { primary: undefined, secondaries: [] };

  /**
   * `cellsOf(i)`: row i's cells (read only for a listed secondary's message); `duplicateOf(earlier)`:
   * the verdict of a later occurrence of row `earlier`'s number.
   */
  constructor(
    private readonly cellsOf: (i: number) => readonly string[],
    private readonly duplicateOf: (earlier: number) => RowVerdict,
  ) {}

  /** The columns the suppression messages name (after every mapping change). */
  configure(columns: SuppressionColumns): void {
    this.columns = columns;
  }

  /** Forgets every row's verdict (a remap or another file); the list stays. */
  clear(): void {
    this.own = [];
    this.secondaries = [];
    this.duplicates.clear();
  }

  /** Makes room for about `rows` rows (see PreviewDuplicates.reserve). */
  reserve(rows: number): void {
    this.duplicates.reserve(rows);
  }

  /** Whether the list has arrived. */
  get hasList(): boolean {
    return this.listed !== null;
  }

  /**
   * Records row i (the next in file order): its own errors, its valid primary number and its
   * secondaries' numbers. Returns its verdict. A suppressed number still counts as the file's
   * first occurrence, as on the server.
   */
  apply(i: number, errors: RowError[] | null, e164: string | undefined, secondaries?: readonly string[]): RowVerdict {
    if (this.removed.has(i)) {
      this.own[i] = null;
      this.duplicates.add(i, undefined);
      return null;
    }
    this.secondaries[i] = errors || !secondaries?.length ? undefined : secondaries;
    this.own[i] = errors ?? this.listedErrors(i, e164, secondaries);
    const earlier = this.duplicates.add(i, e164);
    return earlier === undefined ? (this.own[i] ?? null) : this.duplicateOf(earlier);
  }

  /** Row i changed (a cell edit): returns, ascending, the rows whose verdict may have changed, with their verdicts. */
  edit(i: number, errors: RowError[], e164: string | undefined, secondaries: readonly string[] | undefined, cells: readonly string[]): { index: number; verdict: RowVerdict }[] {
    this.secondaries[i] = errors.length || !secondaries?.length ? undefined : secondaries;
    this.own[i] = errors.length ? errors : this.listedErrors(i, e164, secondaries, cells);
    return this.duplicates.change(i, e164).map((index) => ({ index, verdict: this.verdictOf(index) }));
  }

  /** Whether the person deleted row i. */
  isRemoved(i: number): boolean {
    return this.removed.has(i);
  }

  /** The person deleted row i: it holds no number any more. Returns the rows whose verdict changed, as `edit` does. */
  remove(i: number): { index: number; verdict: RowVerdict }[] {
    this.removed.add(i);
    this.own[i] = null;
    this.secondaries[i] = undefined;
    return this.duplicates.change(i, undefined).map((index) => ({ index, verdict: this.verdictOf(index) }));
  }

  /** Row i is back (then revalidated through `edit`). */
  restore(i: number): void {
    this.removed.delete(i);
  }

  /** Forgets the deleted rows too (another file). */
  clearRemoved(): void {
    this.removed.clear();
  }

  /** The verdict of row i from its own errors and the duplicate index. */
  verdictOf(i: number): RowVerdict {
    const earlier = this.duplicates.earlierOf(i);
    return earlier === undefined ? (this.own[i] ?? null) : this.duplicateOf(earlier);
  }

  /**
   * The list arrived: checks every valid row applied so far and returns the rows whose verdict
   * changed (ascending), with their new verdicts. Rows applied from now on are checked as they come.
   */
  receiveList(listed: Listed): { index: number; verdict: RowVerdict }[] {
    this.listed = listed;
    const changes: { index: number; verdict: RowVerdict }[] = [];
    if (!listed.size) return changes;
    for (let i = 0; i < this.own.length; i++) {
      if (this.own[i] !== null) continue; // not applied yet, or has errors of its own
      const errors = this.listedErrors(i, this.duplicates.numberAt(i), this.secondaries[i]);
      if (!errors) continue;
      this.own[i] = errors;
      // A later duplicate keeps its DUPLICATE_IN_FILE verdict.
      if (this.duplicates.earlierOf(i) === undefined) changes.push({ index: i, verdict: errors });
    }
    return changes;
  }

  /** Counts over the first `rows` rows. */
  counts(rows: number): VerdictCounts {
    const errorCounts: Record<string, number> = {};
    let invalidRows = 0;
    let suppressedRows = 0;
    let duplicateOnlyRows = 0;
    for (let i = 0; i < rows; i++) {
      const v = this.verdictOf(i);
      if (!v) continue;
      invalidRows++;
      addRowCodes(v, errorCounts);
      if (v.some(isSuppression)) suppressedRows++;
      if (v.every(isDuplicate)) duplicateOnlyRows++;
    }
    let deletedRows = 0;
    for (const i of this.removed) if (i < rows) deletedRows++;
    return { invalidRows, errorCounts, suppressedRows, deletedRows, duplicateOnlyRows };
  }

  /** The primary numbers of the rows that would be imported (no errors) among the first `rows`, in file order. */
  validNumbers(rows: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < rows; i++) {
      const n = this.duplicates.numberAt(i);
      if (n !== undefined && !this.verdictOf(i)) out.push(n);
    }
    return out;
  }

  /** A valid row's suppression errors (null when none of its numbers is listed, or no list yet). */
  private listedErrors(i: number, e164: string | undefined, secondaries: readonly string[] | undefined, cells?: readonly string[]): RowError[] | null {
    if (!this.listed?.size || e164 === undefined) return null;
    return suppressionErrors(this.listed, e164, secondaries, () => cells ?? this.cellsOf(i), this.columns);
  }
}
