/**
 * Where an uploaded list keeps its numbers: the phone column found by the lead files' mapping rules
 * (one phone column, no duplicates), and the optional `reason` and `expires_at` columns by name.
 * Shared by the list import in the request and the one in the background, so both read a row alike.
 */
import { checkColumns } from '../import/check-columns.ts';
import { autoMap, columnLabel, normalizeHeader } from '../../src/lib/map/columns.ts';
import type { AssistantConfig, SourceRow } from '../../src/lib/types.ts';
import type { EntryReader, EntryResult } from '../../src/lib/suppression/entry.ts';

/** A list has no variables: only the phone column is mapped by the lead files' rules. */
const NO_VARIABLES: AssistantConfig = { variables: [], secondaryVariables: [] };

export interface ListColumns {
  phoneIndex: number;
  phoneHeader: string;
  reasonIndex?: number;
  expiresIndex?: number;
}

function columnIndex(headers: readonly string[], name: string): number | undefined {
  const key = normalizeHeader(name);
  const i = headers.findIndex((h) => normalizeHeader(h) === key);
  return i >= 0 ? i : undefined;
}

/** The list's columns; throws the lead files' column errors (NO_PHONE_COLUMN, DUPLICATE_COLUMN, …). */
export function listColumns(headers: readonly string[]): ListColumns {
  const mapping = autoMap([...headers], NO_VARIABLES);
  checkColumns([...headers], mapping, NO_VARIABLES);
  const phoneIndex = mapping.columns.findIndex((t) => t.kind === 'phone');
  return {
    phoneIndex,
    phoneHeader: columnLabel([...headers], phoneIndex),
    reasonIndex: columnIndex(headers, 'reason'),
    expiresIndex: columnIndex(headers, 'expires_at'),
  };
}

/** One row of the list as an entry to add, or why it is not one. */
export function rowEntry(reader: EntryReader, cols: ListColumns, row: SourceRow): EntryResult {
  const cells = row.cells;
  return reader.fromRow(
    row.row,
    { header: cols.phoneHeader, text: cells[cols.phoneIndex] ?? '', numeric: row.numeric?.[cols.phoneIndex] },
    cols.reasonIndex === undefined ? undefined : cells[cols.reasonIndex],
    cols.expiresIndex === undefined ? undefined : { text: cells[cols.expiresIndex] ?? '', numeric: row.numeric?.[cols.expiresIndex] },
  );
}
