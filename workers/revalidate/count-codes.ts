/** Error counts by code over rows (validated entries, or an error part's rows): each code once per row. */
import type { RowError } from '../../src/lib/types.ts';
import { addRowCodes } from '../../src/lib/validate/add-row-codes.ts';

export function countCodes(entries: readonly { errors: RowError[] }[], into: Record<string, number> = {}): Record<string, number> {
  for (const e of entries) addRowCodes(e.errors, into);
  return into;
}
