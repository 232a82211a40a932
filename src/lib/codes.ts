/** Error codes of the public API: per row, and for a whole file. */
export const ROW_ERROR_CODES = [
  'PHONE_REQUIRED',
  'PHONE_INVALID',
  'DUPLICATE_IN_FILE',
  'DUPLICATE_EXISTING',
  'VARIABLE_REQUIRED',
  'VARIABLE_NOT_NUMBER',
  'VARIABLE_NOT_BOOLEAN',
  'VARIABLE_TOO_LONG',
  'SECONDARY_PHONE_INVALID',
  'SECONDARY_SAME_AS_PRIMARY',
  'SECONDARY_DUPLICATE',
  'SECONDARY_FIELDS_WITHOUT_PHONE',
  'PHONE_TYPE_BLOCKED',
  'SECONDARY_PHONE_TYPE_BLOCKED',
  // The workspace's suppression (do-not-call) list.
  'SUPPRESSED',
  'SECONDARY_SUPPRESSED',
  // The address columns of a US or Canadian lead.
  'REGION_INVALID',
  'POSTAL_CODE_INVALID',
  // Consent evidence, and the campaign's consent policy.
  'CONSENT_REQUIRED',
  'CONSENT_DATE_INVALID',
  'CONSENT_IN_FUTURE',
  'CONSENT_EXPIRED',
  'TRUSTEDFORM_CERT_INVALID',
  'JORNAYA_LEADID_INVALID',
  'CONSENT_IP_INVALID',
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

export const FILE_ERROR_CODES = [
  'FILE_UNSUPPORTED',
  'FILE_CORRUPT',
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'NO_PHONE_COLUMN',
  'DUPLICATE_COLUMN',
  'TOO_MANY_COLUMNS',
  'TOO_MANY_ROWS',
] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];
