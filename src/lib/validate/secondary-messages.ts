/** Row messages about secondary contacts (the numbers called after the main one). */
import type { RowError } from '../types.ts';
import type { PhoneFailureReason } from './phone.ts';
import { ROW_ERROR_GUIDANCE } from './row-guidance.ts';
import { describePhoneFailure, phoneTypePlural, phoneTypeWords, quoteValue } from './message-words.ts';

export function secondaryPhoneInvalid(
  column: string,
  value: string,
  reason: PhoneFailureReason,
  country?: string,
): RowError {
  const why = describePhoneFailure(value, reason, country);
  return {
    code: 'SECONDARY_PHONE_INVALID',
    column,
    message: `The secondary phone number ${quoteValue(value)} in column "${column}" ${why.text}. Reason code: ${why.reason}.`,
    guidance: why.guidance,
  };
}

export function secondarySameAsPrimary(column: string, value: string): RowError {
  return {
    code: 'SECONDARY_SAME_AS_PRIMARY',
    column,
    message: `The secondary phone number ${quoteValue(value)} in column "${column}" is the lead's main phone number.`,
    guidance: ROW_ERROR_GUIDANCE.SECONDARY_SAME_AS_PRIMARY,
  };
}

export function secondaryDuplicate(column: string, value: string, earlierColumn: string): RowError {
  return {
    code: 'SECONDARY_DUPLICATE',
    column,
    message: `The secondary phone number ${quoteValue(value)} in column "${column}" repeats the number in column "${earlierColumn}".`,
    guidance: ROW_ERROR_GUIDANCE.SECONDARY_DUPLICATE,
  };
}

export function secondaryFieldsWithoutPhone(phoneColumn: string, filledColumns: string[]): RowError {
  const list = filledColumns.map((c) => `"${c}"`).join(', ');
  return {
    code: 'SECONDARY_FIELDS_WITHOUT_PHONE',
    column: phoneColumn,
    message: `Column${filledColumns.length > 1 ? 's' : ''} ${list} ${filledColumns.length > 1 ? 'are' : 'is'} filled in but the secondary phone number "${phoneColumn}" is empty.`,
    guidance: ROW_ERROR_GUIDANCE.SECONDARY_FIELDS_WITHOUT_PHONE,
  };
}

export function secondaryPhoneTypeBlocked(column: string, value: string, type: string): RowError {
  return {
    code: 'SECONDARY_PHONE_TYPE_BLOCKED',
    column,
    message: `The secondary phone number ${quoteValue(value)} in column "${column}" is ${phoneTypeWords(type)} (${type}), which this campaign does not call.`,
    guidance: `Remove the secondary number or replace it, or allow ${phoneTypePlural(type)} in the campaign's settings.`,
  };
}
