/** Plain-language messages and correction guidance for every row and file error code. */
import type { FileErrorCode, RowErrorCode } from '../codes.ts';
import { LIMITS } from '../limits.ts';
import type { FileError, RowError } from '../types.ts';
import type { PhoneFailureReason } from './phone.ts';

const PHONE_FORMAT = 'Use international format with the country code, e.g. +14155551234.';
const SCIENTIFIC_GUIDANCE =
  'Excel turned this number into scientific notation and dropped digits: format the column as Text, then re-enter or re-export the numbers.';

const SUPPRESSED_GUIDANCE =
  "This person asked not to be called: the number is on your workspace's do-not-call list. Remove the row, or remove the number from the suppression list if that was a mistake.";

/** Default correction guidance per row error code (some builders refine it). */
export const ROW_ERROR_GUIDANCE: Record<RowErrorCode, string> = {
  PHONE_REQUIRED: `Fill in the lead's phone number. ${PHONE_FORMAT}`,
  PHONE_INVALID: PHONE_FORMAT,
  DUPLICATE_IN_FILE:
    'Only the first occurrence is imported. Remove this row, or correct the number if it belongs to someone else.',
  DUPLICATE_EXISTING:
    'This lead is already in the campaign and was not imported again. Remove the row, or correct the number if it belongs to someone else.',
  VARIABLE_REQUIRED: 'Fill in a value for every lead, or give the variable a default in the assistant settings.',
  VARIABLE_NOT_NUMBER: 'Enter a plain number such as 42, -3.5 or 1,250.75 (no currency signs, units or words).',
  VARIABLE_NOT_BOOLEAN: 'Enter true or false (yes/no, y/n and 1/0 also work).',
  VARIABLE_TOO_LONG: 'Shorten the text to the maximum length, or raise the limit in the assistant settings.',
  SECONDARY_PHONE_INVALID: PHONE_FORMAT,
  SECONDARY_SAME_AS_PRIMARY: "Remove it, or replace it with a different number: the lead's main number is always called first.",
  SECONDARY_DUPLICATE: 'Each number is called once: remove the repeated secondary number or replace it with a different one.',
  SECONDARY_FIELDS_WITHOUT_PHONE:
    "Add the secondary contact's phone number, or clear its other fields if there is no such contact.",
  PHONE_TYPE_BLOCKED: "Remove the row or replace the number, or allow this type of number in the campaign's settings.",
  SECONDARY_PHONE_TYPE_BLOCKED:
    "Remove the secondary number or replace it, or allow this type of number in the campaign's settings.",
  // The workspace's suppression (do-not-call) list.
  SUPPRESSED: SUPPRESSED_GUIDANCE,
  SECONDARY_SUPPRESSED: SUPPRESSED_GUIDANCE,
};

/** How each phone type reads in a sentence: "a premium-rate number". */
const PHONE_TYPE_WORDS: Record<string, string> = {
  MOBILE: 'a mobile number',
  FIXED_LINE: 'a landline number',
  FIXED_LINE_OR_MOBILE: 'a landline or mobile number',
  VOIP: 'an internet (VoIP) number',
  TOLL_FREE: 'a toll-free number',
  PREMIUM_RATE: 'a premium-rate number',
  SHARED_COST: 'a shared-cost number',
  PERSONAL_NUMBER: 'a personal (follow-me) number',
  PAGER: 'a pager number',
  UAN: 'a company (UAN) number',
  VOICEMAIL: 'a voicemail access number',
};

/** "a premium-rate number" for PREMIUM_RATE; the type name for one this table does not know. */
export function phoneTypeWords(type: string): string {
  return PHONE_TYPE_WORDS[type] ?? `a number of type ${type}`;
}

/** "premium-rate numbers": what the guidance tells the user to allow. */
const phoneTypePlural = (type: string) => phoneTypeWords(type).replace(/^an? /, '').replace(/ number$/, ' numbers');

const MAX_SHOWN = 60;

/** A cell value quoted for a message, shortened when long. */
export function quoteValue(value: string): string {
  const shown = value.length > MAX_SHOWN ? value.slice(0, MAX_SHOWN - 1) + '…' : value;
  return `"${shown}"`;
}

let regionNames: Intl.DisplayNames | null | undefined;

/** An English country name for an ISO alpha-2 code, falling back to the code. */
export function countryName(country: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(country) ?? country;
  } catch {
    return country;
  }
}

/** Why a number was rejected, in words, e.g. "has too few digits (country: Germany)". */
export function phoneReasonText(reason: PhoneFailureReason, country?: string): string {
  const where = country ? ` (country: ${countryName(country)})` : '';
  switch (reason) {
    case 'EMPTY':
      return 'is empty';
    case 'NOT_A_NUMBER':
      return 'is not a phone number';
    case 'INVALID_COUNTRY':
      return 'does not start with a known country code';
    case 'NO_COUNTRY_CODE':
      return 'has no country code, and the campaign has no default country to assume';
    case 'TOO_SHORT':
      return `has too few digits${where}`;
    case 'TOO_LONG':
      return `has too many digits${where}`;
    case 'INVALID_LENGTH':
      return `has the wrong number of digits${where}`;
    case 'NOT_VALID_FOR_REGION':
      return country ? `is not a valid number in ${countryName(country)}` : 'is not a valid number for its country code';
    case 'SCIENTIFIC_NOTATION':
      return 'was turned into scientific notation by Excel, so digits are missing';
  }
}

function phoneGuidance(reason: PhoneFailureReason, country?: string): string {
  if (reason === 'SCIENTIFIC_NOTATION') return SCIENTIFIC_GUIDANCE;
  if (reason === 'NO_COUNTRY_CODE') return `${PHONE_FORMAT} Or set a default country on the campaign.`;
  if (country && reason !== 'NOT_A_NUMBER' && reason !== 'INVALID_COUNTRY') {
    return `Check the digits. ${PHONE_FORMAT} Numbers without a country code are read as ${countryName(country)} numbers.`;
  }
  return PHONE_FORMAT;
}

export function phoneRequired(column: string): RowError {
  return {
    code: 'PHONE_REQUIRED',
    column,
    message: `The phone number (column "${column}") is empty.`,
    guidance: ROW_ERROR_GUIDANCE.PHONE_REQUIRED,
  };
}

export function phoneInvalid(column: string, value: string, reason: PhoneFailureReason, country?: string): RowError {
  return {
    code: 'PHONE_INVALID',
    column,
    message: `The phone number ${quoteValue(value)} in column "${column}" ${phoneReasonText(reason, country)}. Reason code: ${reason}.`,
    guidance: phoneGuidance(reason, country),
  };
}

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

export function variableRequired(column: string, variable: string): RowError {
  return {
    code: 'VARIABLE_REQUIRED',
    column,
    message:
      column === variable
        ? `The required value "${variable}" is empty.`
        : `The required value "${variable}" (column "${column}") is empty.`,
    guidance: ROW_ERROR_GUIDANCE.VARIABLE_REQUIRED,
  };
}

export function variableNotNumber(column: string, value: string): RowError {
  return {
    code: 'VARIABLE_NOT_NUMBER',
    column,
    message: `${quoteValue(value)} in column "${column}" is not a number.`,
    guidance: ROW_ERROR_GUIDANCE.VARIABLE_NOT_NUMBER,
  };
}

export function variableNotBoolean(column: string, value: string): RowError {
  return {
    code: 'VARIABLE_NOT_BOOLEAN',
    column,
    message: `${quoteValue(value)} in column "${column}" is not true or false.`,
    guidance: ROW_ERROR_GUIDANCE.VARIABLE_NOT_BOOLEAN,
  };
}

export function variableTooLong(column: string, length: number, maxLength: number): RowError {
  return {
    code: 'VARIABLE_TOO_LONG',
    column,
    message: `The text in column "${column}" is ${length} characters long; at most ${maxLength} are allowed.`,
    guidance: ROW_ERROR_GUIDANCE.VARIABLE_TOO_LONG,
  };
}

export function secondaryPhoneInvalid(
  column: string,
  value: string,
  reason: PhoneFailureReason,
  country?: string,
): RowError {
  return {
    code: 'SECONDARY_PHONE_INVALID',
    column,
    message: `The secondary phone number ${quoteValue(value)} in column "${column}" ${phoneReasonText(reason, country)}. Reason code: ${reason}.`,
    guidance: phoneGuidance(reason, country),
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

export function phoneTypeBlocked(column: string, value: string, type: string): RowError {
  return {
    code: 'PHONE_TYPE_BLOCKED',
    column,
    message: `The phone number ${quoteValue(value)} in column "${column}" is ${phoneTypeWords(type)} (${type}), which this campaign does not call.`,
    guidance: `Remove the row, or allow ${phoneTypePlural(type)} in the campaign's settings.`,
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

// ── The workspace's suppression (do-not-call) list ──

/** The row's main number is on the workspace's suppression list (an entry in force). */
export function suppressed(column?: string): RowError {
  const error: RowError = {
    code: 'SUPPRESSED',
    message: "This phone number is on the workspace's do-not-call (suppression) list.",
    guidance: ROW_ERROR_GUIDANCE.SUPPRESSED,
  };
  if (column !== undefined) error.column = column;
  return error;
}

/** A secondary contact's number is on the workspace's suppression list. */
export function secondarySuppressed(column: string, value: string): RowError {
  return {
    code: 'SECONDARY_SUPPRESSED',
    column,
    message: `The secondary phone number ${quoteValue(value)} in column "${column}" is on the workspace's do-not-call (suppression) list.`,
    guidance: ROW_ERROR_GUIDANCE.SECONDARY_SUPPRESSED,
  };
}

const FILE_MESSAGES: Record<FileErrorCode, (detail?: string) => string> = {
  FILE_UNSUPPORTED: (d) =>
    `This file type is not supported${d ? ` (${d})` : ''}. Upload a CSV (.csv) or Excel (.xlsx, .xls) file.`,
  FILE_CORRUPT: (d) =>
    `The file could not be read${d ? ` (${d})` : ''}; it may be damaged or not the type its name says. Open it in a spreadsheet app, save it again as CSV or Excel, and upload that.`,
  FILE_EMPTY: (d) =>
    `The file has no leads${d ? ` (${d})` : ''}. Put the column names in the first row and one lead per row below it.`,
  FILE_TOO_LARGE: (d) =>
    `The file is too large${d ? ` (${d})` : ''}. Split it into smaller files and import them one after another.`,
  NO_PHONE_COLUMN: (d) =>
    `No phone number column was found${d ? ` (${d})` : ''}. Name the column "phone_number" (download the sample file to see the expected columns), or choose the phone column when matching columns.`,
  DUPLICATE_COLUMN: (d) =>
    `Two columns have the same name or go to the same field${d ? `: ${d}` : ''}. Rename or remove one of them so each field comes from a single column.`,
  TOO_MANY_COLUMNS: (d) =>
    `The file has too many columns${d ? ` (${d})` : ''}; at most ${LIMITS.maxColumns} are accepted. Remove the columns you do not need.`,
  TOO_MANY_ROWS: (d) =>
    `The file has too many rows${d ? ` (${d})` : ''}; at most ${LIMITS.maxRows.toLocaleString('en-US')} are accepted per import. Split it into smaller files.`,
};

/** A file-level error with its message and guidance; `detail` names what was found (columns, sizes). */
export function fileErrorMessage(code: FileErrorCode, detail?: string): FileError {
  return { code, message: FILE_MESSAGES[code](detail) };
}
