/** The phone types a campaign refuses (libphonenumber-js type names) and the schema that checks them. */
import * as v from 'valibot';

/** Every number type libphonenumber-js reports. */
export const PHONE_TYPES = [
  'MOBILE',
  'FIXED_LINE',
  'FIXED_LINE_OR_MOBILE',
  'VOIP',
  'TOLL_FREE',
  'PREMIUM_RATE',
  'SHARED_COST',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

export type PhoneType = (typeof PHONE_TYPES)[number];

export const DEFAULT_BLOCKED_PHONE_TYPES: readonly PhoneType[] = Object.freeze(['PREMIUM_RATE']);

export const BlockedPhoneTypesSchema = v.pipe(
  v.array(
    v.picklist(PHONE_TYPES, `blockedPhoneTypes holds phone types, each one of ${PHONE_TYPES.join(', ')}.`),
    'blockedPhoneTypes is a list of phone types such as ["PREMIUM_RATE"].',
  ),
  v.check((types) => new Set(types).size === types.length, 'blockedPhoneTypes lists a type twice.'),
);
