/** The header of the column mapped to the primary phone, for error messages. */
import type { ColumnMapping } from '../../src/lib/types.ts';

export function phoneColumn(headers: string[], mapping: ColumnMapping): string | undefined {
  const i = mapping.columns.findIndex((t) => t.kind === 'phone');
  return i >= 0 ? headers[i] : undefined;
}
