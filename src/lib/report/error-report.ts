/** The error report: the uploaded columns with their original text, then error_row, error_codes and error_messages, as CSV for Excel. */
import type { RowError, SourceRow } from '../types.ts';
import { quoteCsvCell } from './csv-cell.ts';
import { DETAILS_LEFT_OUT } from './error-budget.ts';

/** The columns the report adds; a file that already has them (a corrected report) gets them replaced, not repeated. */
export const REPORT_COLUMNS = ['error_row', 'error_codes', 'error_messages'] as const;
/** Starts the report so Excel reads it as UTF-8. */
export const REPORT_BOM = '\uFEFF';
const EOL = '\r\n';

/** True for a column a previous error report added (compared trimmed, ignoring case). */
export function isReportColumn(header: string): boolean {
  return (REPORT_COLUMNS as readonly string[]).includes(header.trim().toLowerCase());
}

/** Writes report lines for one file's headers; `header` and every `line` end with CRLF. */
export interface ReportWriter {
  readonly header: string;
  line(row: SourceRow, errors: RowError[]): string;
}

/**
 * A writer for a file with these headers: keeps the original columns in order (minus any
 * error_* columns of a previous report) and appends the three report columns. Cells beyond the
 * header (a row longer than the header) have no column in the report and are left out. Every
 * cell is quoted (and neutralised against formulas), so re-reading the report always finds the
 * comma delimiter, whatever the cells hold.
 */
export function createReportWriter(headers: string[]): ReportWriter {
  const kept: number[] = [];
  headers.forEach((h, i) => {
    if (!isReportColumn(h)) kept.push(i);
  });
  const header = [...kept.map((i) => headers[i]!), ...REPORT_COLUMNS].map(quoteCsvCell).join(',') + EOL;
  return {
    header,
    line(row: SourceRow, errors: RowError[]): string {
      const out: string[] = [];
      for (const i of kept) out.push(quoteCsvCell(row.cells[i] ?? ''));
      out.push(quoteCsvCell(String(row.row)), quoteCsvCell(errorCodesCell(errors)), quoteCsvCell(errorMessagesCell(errors)));
      return out.join(',') + EOL;
    },
  };
}

/** The report's header line (CRLF-terminated). */
export function reportHeader(headers: string[]): string {
  return createReportWriter(headers).header;
}

/** `PHONE_INVALID;DUPLICATE_IN_FILE`: each code once, in the order first seen. */
export function errorCodesCell(errors: RowError[]): string {
  return [...new Set(errors.map((e) => e.code))].join(';');
}

/**
 * Each error as "message — guidance", joined by " | "; errors whose messages the report's size
 * limit left out (error-budget.ts) are named once by a note.
 */
export function errorMessagesCell(errors: RowError[]): string {
  const described = errors.filter((e) => e.message).map((e) => (e.guidance ? `${e.message} — ${e.guidance}` : e.message));
  if (described.length < errors.length) described.push(DETAILS_LEFT_OUT);
  return described.join(' | ');
}
