/** How values, countries, phone types and phone failures read inside a message. */
import type { PhoneFailureReason } from './phone.ts';
import { PHONE_FORMAT, SCIENTIFIC_GUIDANCE } from './row-guidance.ts';
import { hasLetters } from './phone-letters.ts';

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
export const phoneTypePlural = (type: string) => phoneTypeWords(type).replace(/^an? /, '').replace(/ number$/, ' numbers');

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

/** How a number that could not be read is described: what is wrong, the reason code named, and the guidance. */
export interface PhoneFailureWords {
  text: string;
  reason: PhoneFailureReason;
  guidance: string;
}

/**
 * The description of a phone cell that could not be read, for the preview and the server alike: a
 * cell with words in it ("call after 5") is not a phone number, whatever the parser made of its
 * digits; otherwise the parser's reason.
 */
export function describePhoneFailure(value: string, reason: PhoneFailureReason, country?: string): PhoneFailureWords {
  if (reason !== 'EMPTY' && reason !== 'SCIENTIFIC_NOTATION' && hasLetters(value)) {
    return { text: 'is not a phone number: it contains letters', reason: 'NOT_A_NUMBER', guidance: LETTERS_GUIDANCE };
  }
  return { text: phoneReasonText(reason, country), reason, guidance: phoneGuidance(reason, country) };
}

const LETTERS_GUIDANCE = `Put only the number in this column, and notes such as "call after 5" in a column of their own. ${PHONE_FORMAT}`;

/** The correction guidance for a number that could not be read. */
export function phoneGuidance(reason: PhoneFailureReason, country?: string): string {
  if (reason === 'SCIENTIFIC_NOTATION') return SCIENTIFIC_GUIDANCE;
  if (reason === 'NO_COUNTRY_CODE') return `${PHONE_FORMAT} Or set a default country on the campaign.`;
  if (country && reason !== 'NOT_A_NUMBER' && reason !== 'INVALID_COUNTRY') {
    return `Check the digits. ${PHONE_FORMAT} Numbers without a country code are read as ${countryName(country)} numbers.`;
  }
  return PHONE_FORMAT;
}
