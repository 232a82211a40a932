import { describe, expect, it } from 'vitest';
import { figuresOf, summaryOf } from './import-summary.ts';
import type { ImportView } from '#lib/import-view.ts';

const base: ImportView = {
  id: 'imp_1', campaignId: 'cmp_1', fileName: 'a.csv', status: 'completed', ignoreErrors: true, onExisting: 'update',
  totalRows: 48_230, validatedRows: 48_230, processedRows: 48_230, importedRows: 48_222, createdRows: 48_000, updatedRows: 200, unchangedRows: 22,
  failedRows: 8, undoneRows: 0, undoDeletedRows: 0, undoRestoredRows: 0, undoSkippedRows: 0, errorCounts: {}, failure: null, createdAt: '', finishedAt: '',
  encoding: 'utf-8', warnings: [], mappingSource: null,
};

describe("an import page's figures and sentence", () => {
  it('a completed import: imported split into created, updated and unchanged', () => {
    expect(summaryOf(base)).toBe('Finished: 48,222 rows imported (48,000 created, 200 updated, 22 unchanged (already had these values)), 8 rows skipped.');
    expect(figuresOf(base).map((f) => f.label)).toEqual(['Rows in the file', 'Rows done', 'Imported', 'Created', 'Updated', 'Unchanged', 'Failed']);
  });

  it('an undone import leads with the undo, not with "48,222 imported", in the words of what it did', () => {
    const v: ImportView = { ...base, status: 'undone', undoneRows: 48_190, undoDeletedRows: 48_000, undoRestoredRows: 190, undoSkippedRows: 10 };
    expect(summaryOf(v)).toMatch(/^Undone: 48,000 leads this import created were deleted and 190 it updated got their values before it back\./);
    expect(figuresOf(v)[0]).toEqual({ label: 'Undone', value: 48_190, testid: 'undone' });
    expect(figuresOf(v).map((f) => f.label)).not.toContain('Imported');
    const created: ImportView = { ...base, status: 'undone', updatedRows: 0, unchangedRows: 0, importedRows: 48_000, undoneRows: 48_000, undoDeletedRows: 48_000 };
    expect(summaryOf(created)).toMatch(/^Undone: 48,000 leads this import created were deleted\./);
    expect(summaryOf(created)).not.toMatch(/restored|got their values/);
  });

  it('a cancelled import says it was cancelled and what stays', () => {
    expect(summaryOf({ ...base, status: 'cancelled', importedRows: 0, createdRows: 0, updatedRows: 0, unchangedRows: 0 })).toBe('The import was cancelled before anything was imported.');
  });
});
