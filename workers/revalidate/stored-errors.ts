/**
 * Row errors as a chunk's verdict (`validated/`) and error part (`errors/`) keep them in R2: the
 * column named by its index, not by its label repeated in every row (the message already names it).
 */
import type { RowError } from '../../src/lib/types.ts';
import { columnLabel } from '../../src/lib/map/column-label.ts';

export type StoreErrors = (errors: RowError[]) => RowError[];

/** For a file's headers: errors with `column` (a label) replaced by `columnIndex`. */
export function errorsForStorage(headers: readonly string[]): StoreErrors {
  const byLabel = new Map<string, number>();
  headers.forEach((_, i) => {
    const label = columnLabel(headers, i);
    if (!byLabel.has(label)) byLabel.set(label, i);
  });
  return (errors) =>
    errors.map((e) => {
      if (e.column === undefined) return e;
      const { column, ...rest } = e;
      const index = byLabel.get(column);
      return index === undefined ? rest : { ...rest, columnIndex: index };
    });
}
