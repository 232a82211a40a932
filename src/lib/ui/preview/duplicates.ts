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
import { e164Key } from '../../suppression/packed-set.ts';

/** An override saying no row holds the number any more. */
const NOBODY = -1;
/** `keys` entry of a row without a valid number. */
const NONE = 0;
/** `keys` entry of a row whose number is not `+` and digits (kept as text in `odd`). */
const ODD = -1;

/** A number's key (packed-set.ts's e164Key), 0 when it is not `+` and digits: such texts are kept and compared as text. */
const keyOf = (e164: string): number => e164Key(e164) ?? 0;

/**
 * Each row's number as its key (phone-key.ts) in a typed array grown by doubling: a million rows
 * are 8 MB and no string the garbage collector marks at every collection, where an array of the
 * numbers' texts kept a million small strings alive. Texts are made again when asked for.
 */
class RowNumbers {
  private keys = new Float64Array(1024);
  private odd = new Map<number, string>();
  length = 0;

  set(i: number, e164: string | undefined): void {
    if (i >= this.keys.length) {
      let size = this.keys.length;
      while (size <= i) size *= 2;
      const next = new Float64Array(size);
      next.set(this.keys);
      this.keys = next;
    }
    if (i >= this.length) this.length = i + 1;
    this.odd.delete(i);
    if (e164 === undefined) {
      this.keys[i] = NONE;
      return;
    }
    const key = keyOf(e164);
    if (key > 0) this.keys[i] = key;
    else {
      this.keys[i] = ODD;
      this.odd.set(i, e164);
    }
  }

  get(i: number): string | undefined {
    if (i >= this.length) return undefined;
    const key = this.keys[i]!;
    if (key === NONE) return undefined;
    return key === ODD ? this.odd.get(i) : '+' + key;
  }

  /** Whether row i holds `e164` (no text is made). */
  holds(i: number, e164: string, key: number): boolean {
    const k = this.keys[i]!;
    return k === ODD ? this.odd.get(i) === e164 : k !== NONE && k === key;
  }
}


export class PreviewDuplicates {
  private index: FirstOccurrenceIndex = createFirstOccurrenceIndex();
  private overrides = new Map<string, number>();
  /** Each row's valid primary number, by position. */
  private numbers = new RowNumbers();
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
    this.numbers = new RowNumbers();
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
    this.numbers.set(i, e164);
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
    return this.numbers.get(i);
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
    const e164 = this.numbers.get(i);
    if (e164 === undefined) return undefined;
    const first = this.firstOf(e164);
    return first === undefined || first === i ? undefined : first;
  }

  /**
   * Row `i` now holds `e164` (an edit). Returns, ascending, the rows whose duplicate status may have
   * changed: row `i` and every row holding its old or its new number. One pass over the rows.
   */
  change(i: number, e164: string | undefined): number[] {
    const before = this.numbers.get(i);
    this.numbers.set(i, e164);
    const affected: number[] = [];
    const numbers = this.numbers;
    const beforeKey = before === undefined ? 0 : keyOf(before);
    const nextKey = e164 === undefined ? 0 : keyOf(e164);
    let firstBefore = NOBODY;
    let firstNext = NOBODY;
    for (let j = 0; j < numbers.length; j++) {
      const isBefore = before !== undefined && numbers.holds(j, before, beforeKey);
      const isNext = e164 !== undefined && numbers.holds(j, e164, nextKey);
      if (!isBefore && !isNext && j !== i) continue;
      affected.push(j);
      if (isBefore && firstBefore === NOBODY) firstBefore = j;
      if (isNext && firstNext === NOBODY) firstNext = j;
    }
    if (before !== undefined) this.overrides.set(before, firstBefore);
    if (e164 !== undefined) this.overrides.set(e164, firstNext);
    return affected;
  }
}
