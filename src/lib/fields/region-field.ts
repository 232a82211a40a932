/** The `region` field: state, province or other subdivision of the lead's address. */
import type { LeadFieldDef } from './lead-field.ts';
import { parseRegion } from '../regions/parse-region.ts';
import { regionInvalid } from '../validate/address-messages.ts';
import { isNorthAmerican } from './north-american.ts';

export const REGION_FIELD: LeadFieldDef = {
  name: 'region',
  synonyms: ['state', 'state/region', 'state region', 'province', 'state/province', 'state or province', 'region', 'st', 'prov'],
  resource: { key: 'region' },
  column: 'region',
  label: 'State / province (region)',
  description: 'For a US or Canadian number the ISO 3166-2 code of the address (US-FL, CA-ON); elsewhere the text as given',
  example: 'CA',
  read(text, column, { phoneCountry }) {
    if (!isNorthAmerican(phoneCountry)) return text;
    const code = parseRegion(text);
    return code ?? regionInvalid(column, text);
  },
};
