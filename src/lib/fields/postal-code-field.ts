/** The `postal_code` field: ZIP or postal code of the lead's address. */
import type { LeadFieldDef } from './lead-field.ts';
import { parsePostalCode } from '../regions/parse-postal-code.ts';
import { postalCodeInvalid } from '../validate/address-messages.ts';
import { isNorthAmerican } from './north-american.ts';

export const POSTAL_CODE_FIELD: LeadFieldDef = {
  name: 'postal_code',
  synonyms: ['zip', 'zip code', 'zipcode', 'zip_code', 'postcode', 'postal code', 'postal', 'zip/postal code', 'postal/zip code'],
  resource: { key: 'postalCode' },
  column: 'postal_code',
  label: 'ZIP / postal code',
  description: 'For a US or Canadian number a 5-digit ZIP code (ZIP+4 kept as its 5 digits) or a Canadian postal code (K1A 0B1); elsewhere the text as given',
  example: '94103',
  read(text, column, { phoneCountry }) {
    if (!isNorthAmerican(phoneCountry)) return text;
    const code = parsePostalCode(text);
    return code ? code.code : postalCodeInvalid(column, text);
  },
};
