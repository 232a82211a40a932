/**
 * Human names of the row and file error codes, for tables and badges: the name, the correction
 * guidance (from messages.ts, the one place guidance is written) and the code for small print.
 */
import { FILE_ERROR_CODES, ROW_ERROR_CODES, type FileErrorCode, type RowErrorCode } from '../codes.ts';
import { fileErrorMessage, ROW_ERROR_GUIDANCE } from './messages.ts';

export const ROW_ERROR_NAMES: Record<RowErrorCode, string> = {
  PHONE_REQUIRED: 'Phone number missing',
  PHONE_INVALID: 'Phone number not valid',
  DUPLICATE_IN_FILE: 'Same number earlier in the file',
  DUPLICATE_EXISTING: 'Already in this campaign',
  VARIABLE_REQUIRED: 'Required value missing',
  VARIABLE_NOT_NUMBER: 'Not a number',
  VARIABLE_NOT_BOOLEAN: 'Not yes or no',
  VARIABLE_TOO_LONG: 'Text too long',
  SECONDARY_PHONE_INVALID: 'Secondary number not valid',
  SECONDARY_SAME_AS_PRIMARY: 'Secondary number same as main number',
  SECONDARY_DUPLICATE: 'Secondary number repeated',
  SECONDARY_FIELDS_WITHOUT_PHONE: 'Secondary contact without a number',
  PHONE_TYPE_BLOCKED: 'Line type this campaign does not call',
  SECONDARY_PHONE_TYPE_BLOCKED: 'Secondary line type this campaign does not call',
  SUPPRESSED: 'On the do-not-call list',
  SECONDARY_SUPPRESSED: 'Secondary number on the do-not-call list',
  REGION_INVALID: 'State or province not recognised',
  POSTAL_CODE_INVALID: 'Postal or ZIP code not valid',
  CONSENT_REQUIRED: 'Consent missing',
  CONSENT_DATE_INVALID: 'Consent date not readable',
  CONSENT_IN_FUTURE: 'Consent date in the future',
  CONSENT_EXPIRED: 'Consent too old',
  TRUSTEDFORM_CERT_INVALID: 'TrustedForm certificate not valid',
  JORNAYA_LEADID_INVALID: 'Jornaya LeadiD not valid',
  CONSENT_IP_INVALID: 'Consent IP address not valid',
};

export const FILE_ERROR_NAMES: Record<FileErrorCode, string> = {
  FILE_UNSUPPORTED: 'File type not supported',
  FILE_CORRUPT: 'File cannot be read',
  FILE_EMPTY: 'File is empty',
  FILE_TOO_LARGE: 'File too large',
  NO_PHONE_COLUMN: 'No phone number column',
  DUPLICATE_COLUMN: 'Column used twice',
  TOO_MANY_COLUMNS: 'Too many columns',
  TOO_MANY_ROWS: 'Too many rows',
};

export interface ErrorName {
  code: string;
  name: string;
  guidance: string;
}

const isRowCode = (code: string): code is RowErrorCode => (ROW_ERROR_CODES as readonly string[]).includes(code);
const isFileCode = (code: string): code is FileErrorCode => (FILE_ERROR_CODES as readonly string[]).includes(code);

/** "SOME_NEW_CODE" → "Some new code": a code without a name still reads as words. */
const fromCode = (code: string) => {
  const words = code.toLowerCase().replace(/_+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : code;
};

/** The name and guidance of any error code (row or file); unknown codes get their words and no guidance. */
export function errorName(code: string): ErrorName {
  if (isRowCode(code)) return { code, name: ROW_ERROR_NAMES[code], guidance: ROW_ERROR_GUIDANCE[code] };
  if (isFileCode(code)) return { code, name: FILE_ERROR_NAMES[code], guidance: fileErrorMessage(code).message };
  return { code, name: fromCode(code), guidance: '' };
}
