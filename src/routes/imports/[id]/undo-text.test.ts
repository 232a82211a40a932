import { describe, expect, it } from 'vitest';
import { canUndo, undoneSentence, undoSentence } from './undo-text.ts';

describe('undo texts', () => {
  it('says what undo deletes and restores', () => {
    expect(undoSentence({ status: 'completed', importedRows: 8, createdRows: 5, updatedRows: 3 })).toBe(
      'Delete the 5 leads this import created and restore the 3 it updated to their values before it.',
    );
    expect(undoSentence({ status: 'completed', importedRows: 1, createdRows: 1, updatedRows: 0 })).toBe('Delete the 1 lead this import created.');
    expect(undoSentence({ status: 'completed', importedRows: 2, createdRows: 0, updatedRows: 2 })).toBe('Restore the 2 leads this import updated to their values before it.');
  });

  it('offers undo only for ended imports that wrote rows, and not twice', () => {
    const v = { importedRows: 3, createdRows: 3, updatedRows: 0 };
    expect(canUndo({ ...v, status: 'completed' })).toBe(true);
    expect(canUndo({ ...v, status: 'failed' })).toBe(true);
    expect(canUndo({ ...v, status: 'failed', importedRows: 0 })).toBe(false);
    for (const status of ['importing', 'validating', 'queued', 'undoing', 'undone']) expect(canUndo({ ...v, status })).toBe(false);
  });

  it('says that rows which changed nothing leave nothing to undo, and offers no undo for an import that changed nothing', () => {
    expect(undoSentence({ status: 'completed', importedRows: 5, createdRows: 2, updatedRows: 1, unchangedRows: 2 })).toBe(
      'Delete the 2 leads this import created and restore the 1 it updated to their values before it. The 2 rows that matched a lead without changing it leave nothing to undo.',
    );
    expect(canUndo({ status: 'completed', importedRows: 4, createdRows: 0, updatedRows: 0, unchangedRows: 4 })).toBe(false);
  });

  it('says what the undo did: deleted, restored, or both', () => {
    expect(undoneSentence({ undoneRows: 120, undoDeletedRows: 120, undoRestoredRows: 0, undoSkippedRows: 0 })).toBe('120 leads this import created were deleted.');
    expect(undoneSentence({ undoneRows: 1, undoDeletedRows: 0, undoRestoredRows: 1, undoSkippedRows: 0 })).toBe('1 lead this import updated got its values before it back.');
    expect(undoneSentence({ undoneRows: 48_222, undoDeletedRows: 48_000, undoRestoredRows: 222, undoSkippedRows: 3 })).toBe(
      '48,000 leads this import created were deleted and 222 it updated got their values before it back.',
    );
  });
});
