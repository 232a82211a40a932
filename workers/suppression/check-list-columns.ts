/**
 * The columns of an uploaded list in the Worker (src/lib/suppression/list-columns.ts finds them, as
 * the browser's preview does), checked by the lead files' rules: one phone column, no duplicates.
 * Shared by the list import in the request and the one in the background.
 */
import { checkColumns } from '../import/check-columns.ts';
import { findListColumns, LIST_NO_VARIABLES, type ListColumns } from '../../src/lib/suppression/list-columns.ts';

export { rowEntry, type ListColumns } from '../../src/lib/suppression/list-columns.ts';

/** The list's columns; throws the lead files' column errors (NO_PHONE_COLUMN, DUPLICATE_COLUMN, …). */
export function checkListColumns(headers: readonly string[]): ListColumns {
  const cols = findListColumns(headers);
  checkColumns([...headers], cols.mapping, LIST_NO_VARIABLES);
  return cols;
}
