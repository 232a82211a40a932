/** A chunk's rejected rows, written to R2 by the write pass (write-entries.ts) and joined into the error report by build-error-report.ts. */
import type { RowError } from '../../src/lib/types.ts';

export interface ErrorPart {
  index: number;
  rows: { row: number; cells: string[]; errors: RowError[] }[];
}
