/**
 * What an uploaded suppression list would do, worked out in the browser before it is sent: the
 * phone column found by the lead files' mapping rules, and each row read by the same entry reader
 * as the server's import (phone normalised like leads, optional `reason` and `expires_at`), so the
 * rows flagged here are the rows the server refuses. Keeps the first rows, the first refused rows
 * and the report lines of every refused row; not the whole file.
 */
import { checkMapping } from '../../map/columns.ts';
import { createEntryReader, type InvalidSuppression } from '../../suppression/entry.ts';
import { findListColumns, LIST_NO_VARIABLES, rowEntry } from '../../suppression/list-columns.ts';
import { createReportWriter, REPORT_BOM } from '../../report/error-report.ts';
import type { FileError, RowError, SourceRow } from '../../types.ts';

/** Rows of the file shown before upload, and refused rows listed. */
export const PREVIEW_ROWS = 100;

export interface PreviewRow {
  row: number;
  cells: string[];
  /** Why the server will refuse the row; absent for a row that will be listed. */
  problem?: { code: string; message: string };
}

export interface ListPreviewSummary {
  /** table: a list with a header row; registry: a registry download, one number a line. */
  layout: 'table' | 'registry';
  headers: string[];
  /** Index of the column read as the phone number, -1 when none was found. */
  phoneColumn: number;
  phoneColumnLabel: string | null;
  reasonColumn: number | null;
  expiresColumn: number | null;
  /** Problems with the file as a whole (no phone column, duplicate columns, too many rows). */
  fileErrors: FileError[];
  rows: number;
  invalidRows: number;
  firstRows: PreviewRow[];
  firstInvalid: PreviewRow[];
}

export interface ListPreview {
  take(batch: SourceRow[]): void;
  summary(layout?: ListPreviewSummary['layout']): ListPreviewSummary;
  /** The refused rows as CSV (the file's columns, then error_row, error_codes, error_messages), or null when there are none. */
  report(): string | null;
}

export function createListPreview(headers: string[], defaultCountry: string): ListPreview {
  const cols = findListColumns(headers);
  const fileErrors = [...checkMapping(headers, cols.mapping, LIST_NO_VARIABLES).fileErrors];
  const { phoneIndex: phoneColumn, phoneHeader } = cols;
  const reasonColumn = cols.reasonIndex ?? null;
  const expiresColumn = cols.expiresIndex ?? null;
  const reader = createEntryReader(defaultCountry);
  const writer = createReportWriter(headers);
  const reportLines: string[] = [];
  const firstRows: PreviewRow[] = [];
  const firstInvalid: PreviewRow[] = [];
  let rows = 0;
  let invalidRows = 0;

  const verdict = (row: SourceRow): InvalidSuppression | null => {
    if (phoneColumn < 0) return null;
    const result = rowEntry(reader, cols, row);
    return result.ok ? null : result.invalid;
  };

  return {
    take(batch) {
      for (const row of batch) {
        rows++;
        const invalid = verdict(row);
        const shown: PreviewRow = { row: row.row, cells: row.cells };
        if (invalid) {
          invalidRows++;
          shown.problem = { code: invalid.code, message: invalid.message };
          if (firstInvalid.length < PREVIEW_ROWS) firstInvalid.push(shown);
          reportLines.push(writer.line(row, [{ code: invalid.code as RowError['code'], message: invalid.message, guidance: '' }]));
        }
        if (firstRows.length < PREVIEW_ROWS) firstRows.push(shown);
      }
    },
    summary(layout = 'table') {
      // Past the row limit the reader refuses a spreadsheet list (TOO_MANY_ROWS) before a summary is
      // asked for; a registry file has only the byte limit.
      return { layout, headers, phoneColumn, phoneColumnLabel: phoneHeader, reasonColumn, expiresColumn, fileErrors: [...fileErrors], rows, invalidRows, firstRows, firstInvalid };
    },
    report() {
      return reportLines.length ? REPORT_BOM + writer.header + reportLines.join('') : null;
    },
  };
}
