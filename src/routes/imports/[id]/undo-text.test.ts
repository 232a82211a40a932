import { describe, expect, it } from 'vitest';
import { canUndo, undoSentence } from './undo-text.ts';

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
});
