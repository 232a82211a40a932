/** Row messages about the address columns (region, postal code) of a US or Canadian lead. */
import type { RowError } from '../types.ts';
import { ROW_ERROR_GUIDANCE } from './row-guidance.ts';
import { quoteValue } from './message-words.ts';

export function regionInvalid(column: string, value: string): RowError {
  return {
    code: 'REGION_INVALID',
    column,
    message: `${quoteValue(value)} in column "${column}" is not a US state or Canadian province.`,
    guidance: ROW_ERROR_GUIDANCE.REGION_INVALID,
  };
}

export function postalCodeInvalid(column: string, value: string): RowError {
  const digits = /^\d{3,4}$/.test(value.trim());
  return {
    code: 'POSTAL_CODE_INVALID',
    column,
    message: digits
      ? `${quoteValue(value)} in column "${column}" has ${value.trim().length} digits; a ZIP code has 5 (a spreadsheet may have dropped its leading zeros).`
      : `${quoteValue(value)} in column "${column}" is not a US ZIP code or a Canadian postal code.`,
    guidance: ROW_ERROR_GUIDANCE.POSTAL_CODE_INVALID,
  };
}
