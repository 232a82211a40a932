/** Row messages about the lead's main phone number. */
import type { RowError } from '../types.ts';
import type { PhoneFailureReason } from './phone.ts';
import { ROW_ERROR_GUIDANCE } from './row-guidance.ts';
import { describePhoneFailure, phoneTypePlural, phoneTypeWords, quoteValue } from './message-words.ts';

export function phoneRequired(column: string): RowError {
  return {
    code: 'PHONE_REQUIRED',
    column,
    message: `The phone number (column "${column}") is empty.`,
    guidance: ROW_ERROR_GUIDANCE.PHONE_REQUIRED,
  };
}

export function phoneInvalid(column: string, value: string, reason: PhoneFailureReason, country?: string): RowError {
  const why = describePhoneFailure(value, reason, country);
  return {
    code: 'PHONE_INVALID',
    column,
    message: `The phone number ${quoteValue(value)} in column "${column}" ${why.text}. Reason code: ${why.reason}.`,
    guidance: why.guidance,
  };
}

export function phoneTypeBlocked(column: string, value: string, type: string): RowError {
  return {
    code: 'PHONE_TYPE_BLOCKED',
    column,
    message: `The phone number ${quoteValue(value)} in column "${column}" is ${phoneTypeWords(type)} (${type}), which this campaign does not call.`,
    guidance: `Remove the row, or allow ${phoneTypePlural(type)} in the campaign's settings.`,
  };
}
