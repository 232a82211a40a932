/** What undoing an import does, in the words of its confirmation and its outcome. */
const fmt = (n: number) => n.toLocaleString('en-US');
const leads = (n: number) => `${fmt(n)} ${n === 1 ? 'lead' : 'leads'}`;

export interface UndoCounts {
  status: string;
  importedRows: number;
  createdRows: number;
  updatedRows: number;
}

/** Imports that wrote rows and ended (completed, or failed or cancelled after writing some) can be undone, once. */
export function canUndo(v: UndoCounts): boolean {
  return ['completed', 'failed', 'cancelled'].includes(v.status) && v.importedRows > 0;
}

/** "Delete the 5 leads this import created and restore the 3 it updated to their values before it." */
export function undoSentence(v: UndoCounts): string {
  const { createdRows: c, updatedRows: u } = v;
  if (c > 0 && u > 0) return `Delete the ${leads(c)} this import created and restore the ${fmt(u)} it updated to their values before it.`;
  if (u > 0) return `Restore the ${leads(u)} this import updated to their values before it.`;
  return `Delete the ${leads(c)} this import created.`;
}

/** The last day an import that ended at `finishedAt` can be undone (its change records are kept `days` days). */
export function undoDeadline(finishedAt: string | null, days = 30): Date | null {
  return finishedAt ? new Date(Date.parse(finishedAt) + days * 86_400_000) : null;
}
