/**
 * Duplicate numbers among the preview's rows, by position in file order: the first row holding a
 * valid primary number keeps it, later rows are DUPLICATE_IN_FILE. First occurrences live in the
 * same first-occurrence index the server uses (src/lib/dedupe), keyed by position + 1.
 *
 * The index only ever lowers a number's first row, which is all reading a file needs. A cell edit
 * can also take a number away from its first row; the numbers an edit touched are then answered
 * from a small map of overrides instead (a few entries: one or two per edit).
 */
import { createFirstOccurrenceIndex, type FirstOccurrenceIndex } from '../../dedupe/in-file.ts';

/** An override saying no row holds the number any more. */
const NOBODY = -1;

export class PreviewDuplicates {
  private index: FirstOccurrenceIndex = createFirstOccurrenceIndex();
  private overrides = new Map<string, number>();
  /** Each row's valid primary number, by position. */
  private numbers: (string | undefined)[] = [];
  /**
   * The earlier row each row duplicates as `add` found it (-1: none). Rows come in file order, so
   * until an edit sets an override this is final, and the counts and readiness passes read it
   * instead of looking every number up again.
   */
  private earlier: number[] = [];

  /** Forgets every row. */
  clear(): void {
    this.index = createFirstOccurrenceIndex();
    this.overrides.clear();
    this.numbers = [];
    this.earlier = [];
  }

  /** Makes room for about `n` rows' numbers (estimated from the file's size), so the index grows once. */
  reserve(n: number): void {
    this.index.reserve(n);
  }

  /**
   * Row `i`, the next row in file order, holds `e164` (undefined: no valid number). Returns the
   * position of the earlier row holding the same number, if any.
   */
  add(i: number, e164: string | undefined): number | undefined {
    const earlier = this.addNumber(i, e164);
    this.earlier[i] = earlier ?? -1;
    return earlier;
  }

  private addNumber(i: number, e164: string | undefined): number | undefined {
    this.numbers[i] = e164;
    if (e164 === undefined) return undefined;
    // No edit yet (the whole first read of a file): no override to look up.
    const first = this.overrides.size === 0 ? undefined : this.overrides.get(e164);
    if (first === undefined) {
      const earlier = this.index.check(e164, i + 1);
      return earlier === undefined ? undefined : earlier - 1;
    }
    if (first === NOBODY || first > i) {
      this.overrides.set(e164, i);
      return undefined;
    }
    return first === i ? undefined : first;
  }

  /** Row `i`'s valid primary number, if any. */
  numberAt(i: number): string | undefined {
    return this.numbers[i];
  }

  /** Position of the first row holding `e164`. */
  firstOf(e164: string): number | undefined {
    const first = this.overrides.get(e164);
    if (first !== undefined) return first === NOBODY ? undefined : first;
    const ordinal = this.index.firstOf(e164);
    return ordinal === undefined ? undefined : ordinal - 1;
  }

  /** Position of the earlier row that row `i` duplicates, if it is a later occurrence. */
  earlierOf(i: number): number | undefined {
    if (this.overrides.size === 0 && i < this.earlier.length) {
      const earlier = this.earlier[i]!;
      return earlier < 0 ? undefined : earlier;
    }
    const e164 = this.numbers[i];
    if (e164 === undefined) return undefined;
    const first = this.firstOf(e164);
    return first === undefined || first === i ? undefined : first;
  }

  /**
   * Row `i` now holds `e164` (an edit). Returns, ascending, the rows whose duplicate status may have
   * changed: row `i` and every row holding its old or its new number. One pass over the rows.
   */
  change(i: number, e164: string | undefined): number[] {
    const before = this.numbers[i];
    this.numbers[i] = e164;
    const affected: number[] = [];
    const firsts = new Map<string, number>();
    const numbers = this.numbers;
    for (let j = 0; j < numbers.length; j++) {
      const n = numbers[j];
      const holds = n !== undefined && (n === before || n === e164);
      if (!holds && j !== i) continue;
      affected.push(j);
      if (holds && !firsts.has(n)) firsts.set(n, j);
    }
    if (before !== undefined) this.overrides.set(before, firsts.get(before) ?? NOBODY);
    if (e164 !== undefined) this.overrides.set(e164, firsts.get(e164) ?? NOBODY);
    return affected;
  }
}
