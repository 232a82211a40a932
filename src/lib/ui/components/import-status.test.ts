import { describe, expect, it } from 'vitest';
import { importStatus } from './import-status.ts';

describe('importStatus', () => {
  it('names a report-only run for what it is, and keeps real failures red', () => {
    expect(importStatus({ status: 'failed', importedRows: 0, failure: { code: 'ROWS_INVALID' } })).toEqual({ label: 'Checked — nothing imported', tone: 'warning' });
    expect(importStatus({ status: 'failed', importedRows: 0, failure: { code: 'PROCESSING_FAILED' } })).toEqual({ label: 'failed', tone: 'danger' });
    expect(importStatus({ status: 'completed', importedRows: 3, failure: null })).toEqual({ label: 'completed', tone: 'success' });
  });
});
