/**
 * One chunk's rows read as list entries, the same whether the request or the queue runs the chunk:
 * each row normalised like a lead's number (src/lib/suppression/list-columns.ts), the valid ones as
 * entries, the others as report lines in the lead report's columns (so a fixed report is imported
 * again like the list) and the first of them, shortened, for the resource.
 */
import { createReportWriter } from '../../../src/lib/report/error-report.ts';
import { createEntryReader, type InvalidSuppression, type SuppressionEntryInput } from '../../../src/lib/suppression/entry.ts';
import { MAX_INVALID_SHOWN } from '../../../src/lib/suppression/schemas.ts';
import type { RowError, SourceRow } from '../../../src/lib/types.ts';
import { checkListColumns, rowEntry } from '../check-list-columns.ts';

/** Characters of a cell kept in the resource's sample (the report has it whole). */
const SAMPLE_INPUT_CHARS = 200;

export interface ChunkEntries {
  entries: SuppressionEntryInput[];
  /** The first rows that were not numbers (at most MAX_INVALID_SHOWN). */
  invalid: InvalidSuppression[];
  invalidCount: number;
  /** Report lines of every row that was not a number (CSV, no header). */
  report: string;
}

export function chunkEntries(headers: string[], defaultCountry: string, rows: readonly SourceRow[]): ChunkEntries {
  const cols = checkListColumns(headers);
  const reader = createEntryReader(defaultCountry);
  const writer = createReportWriter(headers);
  const out: ChunkEntries = { entries: [], invalid: [], invalidCount: 0, report: '' };
  for (const row of rows) {
    const result = rowEntry(reader, cols, row);
    if (result.ok) {
      out.entries.push(result.entry);
      continue;
    }
    out.invalidCount++;
    const { invalid: bad } = result;
    if (out.invalid.length < MAX_INVALID_SHOWN) out.invalid.push({ ...bad, input: bad.input.slice(0, SAMPLE_INPUT_CHARS), row: row.row });
    // A list's codes (PHONE_INVALID, EXPIRES_AT_INVALID, …) are only written out, never interpreted.
    const error: RowError = { code: bad.code as RowError['code'], column: cols.phoneHeader ?? undefined, message: bad.message, guidance: '' };
    out.report += writer.line(row, [error]);
  }
  return out;
}
