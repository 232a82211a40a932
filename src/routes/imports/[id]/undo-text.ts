/** What undoing an import does, in the words of its confirmation and its outcome. */
const fmt = (n: number) => n.toLocaleString('en-US');
const leads = (n: number) => `${fmt(n)} ${n === 1 ? 'lead' : 'leads'}`;
const rows = (n: number) => `${fmt(n)} ${n === 1 ? 'row' : 'rows'}`;

export interface UndoCounts {
  status: string;
  importedRows: number;
  createdRows: number;
  updatedRows: number;
  /** Rows that matched a lead and changed nothing: nothing to undo (absent: none). */
  unchangedRows?: number;
}

/** Imports that created or changed leads and ended (completed, or failed or cancelled after writing some) can be undone, once. */
export function canUndo(v: UndoCounts): boolean {
  return ['completed', 'failed', 'cancelled'].includes(v.status) && v.importedRows > 0 && v.createdRows + v.updatedRows > 0;
}

/** "Delete the 5 leads this import created and restore the 3 it updated to their values before it." */
export function undoSentence(v: UndoCounts): string {
  const { createdRows: c, updatedRows: u } = v;
  const unchanged = v.unchangedRows ? ` The ${rows(v.unchangedRows)} that matched a lead without changing it leave nothing to undo.` : '';
  if (c > 0 && u > 0) return `Delete the ${leads(c)} this import created and restore the ${fmt(u)} it updated to their values before it.${unchanged}`;
  if (u > 0) return `Restore the ${leads(u)} this import updated to their values before it.${unchanged}`;
  return `Delete the ${leads(c)} this import created.${unchanged}`;
}

export interface UndoneCounts {
  undoneRows: number;
  undoDeletedRows: number;
  undoRestoredRows: number;
  undoSkippedRows: number;
}

/** What the undo did, in the words of what it did: "120 leads it created were deleted and 30 it updated got their values back." */
export function undoneSentence(v: UndoneCounts): string {
  const d = v.undoDeletedRows;
  const r = v.undoRestoredRows;
  const deleted = `${leads(d)} this import created ${d === 1 ? 'was' : 'were'} deleted`;
  const restored = (lead: boolean) => `${lead ? leads(r) : fmt(r)} ${lead ? 'this import' : 'it'} updated got ${r === 1 ? 'its' : 'their'} values before it back`;
  if (d > 0 && r > 0) return `${deleted} and ${restored(false)}.`;
  if (r > 0) return `${restored(true)}.`;
  if (d > 0) return `${deleted}.`;
  return 'Nothing needed undoing.';
}

/** The last day an import that ended at `finishedAt` can be undone (its change records are kept `days` days). */
export function undoDeadline(finishedAt: string | null, days = 30): Date | null {
  return finishedAt ? new Date(Date.parse(finishedAt) + days * 86_400_000) : null;
}
