/**
 * Where an uploaded suppression list keeps its numbers, for the browser's preview and the Worker's
 * imports alike: the phone column found by the lead files' mapping rules, and the optional
 * `reason` and `expires_at` columns by name; and one row read as an entry to list (or why not).
 */
import { autoMap, columnLabel, normalizeHeader } from '../map/columns.ts';
import type { AssistantConfig, ColumnMapping, SourceRow } from '../types.ts';
import type { EntryReader, EntryResult } from './entry.ts';

/** A list has no variables: only the phone column is mapped by the lead files' rules. */
export const LIST_NO_VARIABLES: AssistantConfig = { variables: [], secondaryVariables: [] };

export interface ListColumns {
  /** The lead files' automatic mapping of the headers (checked by the caller, each side its own way). */
  mapping: ColumnMapping;
  /** -1 when no column is a phone column. */
  phoneIndex: number;
  /** The phone column's label (as messages name it); null when there is none. */
  phoneHeader: string | null;
  reasonIndex?: number;
  expiresIndex?: number;
}

function columnIndex(headers: readonly string[], name: string): number | undefined {
  const key = normalizeHeader(name);
  const i = headers.findIndex((h) => normalizeHeader(h) === key);
  return i >= 0 ? i : undefined;
}

export function findListColumns(headers: readonly string[]): ListColumns {
  const mapping = autoMap([...headers], LIST_NO_VARIABLES);
  const phoneIndex = mapping.columns.findIndex((t) => t.kind === 'phone');
  return {
    mapping,
    phoneIndex,
    phoneHeader: phoneIndex >= 0 ? columnLabel([...headers], phoneIndex) : null,
    reasonIndex: columnIndex(headers, 'reason'),
    expiresIndex: columnIndex(headers, 'expires_at'),
  };
}

/** One row of the list as an entry to add, or why it is not one (the columns must have a phone column). */
export function rowEntry(reader: EntryReader, cols: ListColumns, row: SourceRow): EntryResult {
  const cells = row.cells;
  return reader.fromRow(
    row.row,
    { header: cols.phoneHeader ?? '', text: cells[cols.phoneIndex] ?? '', numeric: row.numeric?.[cols.phoneIndex] },
    cols.reasonIndex === undefined ? undefined : cells[cols.reasonIndex],
    cols.expiresIndex === undefined ? undefined : { text: cells[cols.expiresIndex] ?? '', numeric: row.numeric?.[cols.expiresIndex] },
  );
}
