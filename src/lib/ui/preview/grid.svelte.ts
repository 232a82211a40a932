/**
 * The preview's rows as the grid reads them: the packed rows (RowStore), each row's verdict and
 * phone facts, and where the rows with problems are. Plain arrays, not $state (a million reactive
 * rows cost far more memory and time): `version` is bumped whenever what the grid shows changes.
 */
import type { RowVerdict } from './protocol.ts';
import { FactStore, type PhoneFacts } from './phone-facts.ts';
import { RowStore, type PackedRows } from './row-store.ts';
import { RowPositions, type GridPositions } from './row-positions.ts';

export class PreviewGrid {
  readonly rows = new RowStore();
  readonly verdicts: RowVerdict[] = [];
  /** Per row: the primary number's country, type, zone set and extension (typed arrays). */
  readonly facts = new FactStore();
  version = $state(0);
  private positions = new RowPositions();

  clear(): void {
    this.rows.clear();
    this.verdicts.length = 0;
    this.facts.clear();
    this.positions.clear();
    this.refresh();
  }

  /** Makes room for about `rows` rows at once (an estimate from the file's size). */
  reserve(rows: number): void {
    this.facts.reserve(rows);
    this.positions.reserve(rows);
  }

  /** The next batch of rows in file order, with their verdicts and facts. */
  addRows(start: number, packed: PackedRows, verdicts: readonly RowVerdict[], facts: PhoneFacts): void {
    this.rows.add(packed);
    this.facts.put(start, facts);
    for (let k = 0; k < verdicts.length; k++) {
      const v = verdicts[k]!;
      this.verdicts[start + k] = v;
      if (v) this.positions.addError(start + k);
    }
    this.refresh();
  }

  /** New verdicts of rows already shown (out of file order: `changed` follows). */
  setVerdicts(changes: readonly { index: number; verdict: RowVerdict }[]): void {
    for (const ch of changes) this.verdicts[ch.index] = ch.verdict;
  }

  /** Verdicts of the rows from `start` on, revalidated (a remap; `changed` follows). */
  replaceVerdicts(start: number, verdicts: readonly RowVerdict[]): void {
    for (let k = 0; k < verdicts.length; k++) this.verdicts[start + k] = verdicts[k]!;
  }

  /** The rows the grid shows: every one, or only those with problems. */
  positionsOf(onlyProblems: boolean): GridPositions {
    return this.positions.view(onlyProblems, this.verdicts);
  }

  /** Rows arrived, or reading ended. */
  refresh(): void {
    this.positions.grow(this.rows.length);
    this.version++;
  }

  /** Verdicts changed out of file order. */
  changed(): void {
    this.positions.invalidateErrors();
    this.refresh();
  }
}
