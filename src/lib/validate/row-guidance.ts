/** Default correction guidance per row error code, and the phrases the messages share. */
import type { RowErrorCode } from '../codes.ts';

export const PHONE_FORMAT = 'Use international format with the country code, e.g. +14155551234.';
export const SCIENTIFIC_GUIDANCE =
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
  // The address columns of a US or Canadian lead.
  REGION_INVALID:
    'Write the state or province as its two-letter code (FL, ON), its name (Florida) or a common abbreviation (Fla.), or leave the cell empty.',
  POSTAL_CODE_INVALID:
    'Write a US ZIP code as 5 digits or ZIP+4 (33101 or 33101-1234; keep leading zeros: 02134, not 2134) and a Canadian postal code as K1A 0B1, or leave the cell empty.',
  // Consent evidence, and the campaign's consent policy.
  CONSENT_REQUIRED:
    "Ask the lead's seller for the date and time this person agreed to be called (the consent_at column, e.g. 2026-11-30T14:05:00Z) and add it, or remove the row: without consent an AI-voice call may break the TCPA.",
  CONSENT_DATE_INVALID:
    'Write the consent time as 2026-11-30T14:05:00Z (ISO 8601; a time without a zone is read as UTC, a date alone as its start), or clear the cell.',
  CONSENT_IN_FUTURE:
    "Check the seller's time zone and the date's format (day and month swapped?): consent cannot be given after the import. Correct the date, or remove the row.",
  CONSENT_EXPIRED:
    "This consent is older than the campaign accepts. Ask the lead's seller for fresher consent, remove the row, or raise the maximum age in the campaign's settings if your counsel allows.",
  TRUSTEDFORM_CERT_INVALID:
    "Copy the certificate URL exactly as the lead's seller sent it (it starts https://cert.trustedform.com/), or clear the cell.",
  JORNAYA_LEADID_INVALID: "Copy the LeadiD token exactly as the lead's seller sent it (36 characters with four hyphens), or clear the cell.",
  CONSENT_IP_INVALID: 'Write the IP address the person consented from (203.0.113.7 or 2001:db8::1), or clear the cell.',
};
