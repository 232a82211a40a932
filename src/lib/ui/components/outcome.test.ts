import { describe, expect, it } from 'vitest';
import { outcomeParts } from './outcome.ts';

const base = { status: 'completed', totalRows: 10, failedRows: 2, errorCounts: { INVALID_PHONE: 2 } };

describe('outcomeParts', () => {
  it('splits the imported rows into created and updated', () => {
    const parts = outcomeParts({ ...base, importedRows: 8, createdRows: 5, updatedRows: 3 });
    expect(parts.map((p) => [p.key, p.rows])).toEqual([['created', 5], ['updated', 3], ['INVALID_PHONE', 2]]);
    expect(parts.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1);
  });

  it('shows the rows that matched a lead and changed nothing as unchanged', () => {
    const parts = outcomeParts({ ...base, importedRows: 8, createdRows: 4, updatedRows: 3, unchangedRows: 1 });
    expect(parts.map((p) => [p.key, p.rows])).toEqual([['created', 4], ['updated', 3], ['unchanged', 1], ['INVALID_PHONE', 2]]);
  });

  it('calls every imported row created when none updated, and keeps "Imported" for views without the split', () => {
    expect(outcomeParts({ ...base, importedRows: 8, createdRows: 8, updatedRows: 0 })[0]).toMatchObject({ key: 'imported', label: 'Created', rows: 8 });
    expect(outcomeParts({ ...base, importedRows: 8 })[0]).toMatchObject({ label: 'Imported', rows: 8 });
  });
});
