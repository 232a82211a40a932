/**
 * A stored E.164 number as a person reads it: national format when the number is of the campaign's
 * default country ("(212) 555-0160" for a US campaign), international otherwise ("+49 30 901821");
 * the number as stored when the numbering plan cannot read it.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { METADATA } from '#lib/validate/phone-plans.ts';

export function displayPhone(e164: string, defaultCountry: string | null | undefined): string {
  const parsed = parsePhoneNumberFromString(e164, METADATA);
  if (!parsed) return e164;
  return defaultCountry && parsed.country === defaultCountry.toUpperCase() ? parsed.formatNational() : parsed.formatInternational();
}
