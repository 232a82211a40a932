/**
 * What the person changed in the preview's rows: cell edits (the last value of each cell) and the
 * rows they deleted. Kept apart from the rows so the wizard's draft can save and replay them
 * after a reload (draft.ts); the rows themselves stay packed in the RowStore.
 */

/** One cell edit: row position, column, the value typed. */
export type CellEdit = [index: number, column: number, value: string];

export interface RowEditsJson {
  edits: CellEdit[];
  deleted: number[];
}

export class RowEdits {
  private cells = new Map<string, CellEdit>();
  private removed = new Set<number>();

  /** Rows the person changed or deleted (what a warning before leaving counts). */
  get size(): number {
    const rows = new Set<number>(this.removed);
    for (const [i] of this.cells.values()) rows.add(i);
    return rows.size;
  }

  record(index: number, column: number, value: string): void {
    this.cells.set(`${index}:${column}`, [index, column, value]);
  }

  setDeleted(index: number, deleted: boolean): void {
    if (deleted) this.removed.add(index);
    else this.removed.delete(index);
  }

  isDeleted(index: number): boolean {
    return this.removed.has(index);
  }

  /** The deleted rows' positions, ascending. */
  deleted(): number[] {
    return [...this.removed].sort((a, b) => a - b);
  }

  clear(): void {
    this.cells.clear();
    this.removed.clear();
  }

  toJSON(): RowEditsJson {
    return { edits: [...this.cells.values()], deleted: this.deleted() };
  }
}
