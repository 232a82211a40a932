/**
 * What an import's page leads with: its figures (cards) and one sentence, from the import
 * resource. An undone import leads with the undo (what it deleted and restored), not with what it
 * had imported; imported rows are split into created, updated and unchanged.
 */
import type { ImportView } from '#lib/import-view.ts';
import { undoneSentence } from './undo-text.ts';
import { isReportOnly } from '#lib/ui/components/import-status.ts';

const fmt = (n: number) => n.toLocaleString('en-US');
const leads = (n: number) => `${fmt(n)} ${n === 1 ? 'lead' : 'leads'}`;
const rows = (n: number) => `${fmt(n)} ${n === 1 ? 'row' : 'rows'}`;

export interface Figure {
  label: string;
  value: number;
  testid: string;
}

const undone = (v: ImportView) => v.status === 'undoing' || v.status === 'undone';

export function figuresOf(v: ImportView): Figure[] {
  if (undone(v)) {
    return [
      { label: v.status === 'undone' ? 'Undone' : 'Undone so far', value: v.undoneRows, testid: 'undone' },
      { label: 'Deleted', value: v.undoDeletedRows, testid: 'undo-deleted' },
      { label: 'Restored', value: v.undoRestoredRows, testid: 'undo-restored' },
      { label: 'Left as they were', value: v.undoSkippedRows, testid: 'undo-left' },
      { label: 'Rows in the file', value: v.totalRows, testid: 'total' },
    ];
  }
  const figures: Figure[] = [
    { label: 'Rows in the file', value: v.totalRows, testid: 'total' },
    { label: 'Rows done', value: v.processedRows, testid: 'processed' },
    { label: 'Imported', value: v.importedRows, testid: 'imported' },
    { label: 'Created', value: v.createdRows, testid: 'created' },
    { label: 'Updated', value: v.updatedRows, testid: 'updated' },
  ];
  if (v.unchangedRows > 0) figures.push({ label: 'Unchanged', value: v.unchangedRows, testid: 'unchanged' });
  figures.push({ label: 'Failed', value: v.failedRows, testid: 'failed' });
  return figures;
}

/** "120 created, 30 updated, 5 unchanged" */
function split(v: ImportView): string {
  return [`${fmt(v.createdRows)} created`, `${fmt(v.updatedRows)} updated`, ...(v.unchangedRows ? [`${fmt(v.unchangedRows)} unchanged (already had these values)`] : [])].join(', ');
}

/** The sentence under the figures, for an import that is not running. */
export function summaryOf(v: ImportView): string {
  switch (v.status) {
    case 'completed':
      return `Finished: ${rows(v.importedRows)} imported (${split(v)}), ${rows(v.failedRows)} skipped.`;
    case 'undoing':
      return `Being undone: ${fmt(v.undoneRows)} of the ${leads(v.createdRows + v.updatedRows)} it created or changed so far.`;
    case 'undone':
      return `Undone: ${undoneSentence(v)} Before the undo it had imported ${rows(v.importedRows)} (${split(v)}).`;
    case 'failed':
      if (isReportOnly(v)) {
        return 'The rows were checked and nothing was imported: "Ignore errors" was off and some rows have problems. The error report lists every problem; fix those rows and import the file again, or import it again with "Ignore errors" on to import the rows without problems.';
      }
      return v.importedRows > 0
        ? `The import failed after ${leads(v.importedRows)} ${v.importedRows === 1 ? 'was' : 'were'} written.`
        : 'The import failed and nothing was imported. Fix the rows listed in the error report and import it again.';
    case 'cancelled':
      return `The import was cancelled${v.importedRows > 0 ? ` after ${rows(v.importedRows)} (${split(v)}) were imported; they stay in the campaign` : ' before anything was imported'}.`;
    default:
      return `The import is ${v.status}.`;
  }
}
