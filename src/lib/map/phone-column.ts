/**
 * Which column holds the primary phone, and how messages name it. The browser's validator and the
 * Worker's write pass both name it here, so PHONE_INVALID and DUPLICATE_IN_FILE of one row name the
 * same column, also when its header is blank.
 */
import type { ColumnMapping } from '../types.ts';
import { columnLabel } from './column-label.ts';

/** Index of the first column mapped to the phone (within the header), or -1. */
export function phoneColumnIndex(headers: readonly string[], mapping: ColumnMapping): number {
  return mapping.columns.findIndex((t, i) => t.kind === 'phone' && i < headers.length);
}

/** The label of the phone column as messages show it; undefined when no column is mapped to the phone. */
export function phoneColumnLabel(headers: readonly string[], mapping: ColumnMapping): string | undefined {
  const i = phoneColumnIndex(headers, mapping);
  return i >= 0 ? columnLabel(headers, i) : undefined;
}
