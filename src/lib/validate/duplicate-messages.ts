/** Row messages about numbers that appear twice: earlier in the file, or already in the campaign. */
import type { RowError } from '../types.ts';
import { ROW_ERROR_GUIDANCE } from './row-guidance.ts';

export function duplicateInFile(firstRow: number, column?: string): RowError {
  const error: RowError = {
    code: 'DUPLICATE_IN_FILE',
    message: `Duplicate of row ${firstRow}: the same phone number appears earlier in the file.`,
    guidance: ROW_ERROR_GUIDANCE.DUPLICATE_IN_FILE,
    duplicateOf: firstRow,
  };
  if (column !== undefined) error.column = column;
  return error;
}

export function duplicateExisting(column?: string): RowError {
  const error: RowError = {
    code: 'DUPLICATE_EXISTING',
    message: 'This phone number already belongs to a lead in this campaign.',
    guidance: ROW_ERROR_GUIDANCE.DUPLICATE_EXISTING,
  };
  if (column !== undefined) error.column = column;
  return error;
}
