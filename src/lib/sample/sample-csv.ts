/** The sample file for a campaign: expected headers for its assistant and one plausible example row. */
import { PHONE_HEADER, normalizeHeader, secondaryPhoneHeader, secondaryVariableHeader } from '../map/columns.ts';
import { escapeCsvCell } from '../report/csv-cell.ts';
import type { AssistantConfig, VariableDef } from '../types.ts';
import { LEAD_FIELDS } from '../fields/lead-fields.ts';

export const SAMPLE_PHONE = '+14155551234';
export const SAMPLE_SECONDARY_PHONE = '+14155551235';

/** Example text for well-known variable names (normalised), for the lead and for a secondary contact. */
const LEAD_TEXT: Record<string, string> = {
  customername: 'John Smith',
  name: 'John Smith',
  fullname: 'John Smith',
  firstname: 'John',
  lastname: 'Smith',
  company: 'ABC Corp',
  companyname: 'ABC Corp',
  budgetrange: '10k-50k',
  budget: '10k-50k',
  email: 'john.smith@example.com',
  role: 'Decision Maker',
  title: 'Decision Maker',
  jobtitle: 'Decision Maker',
  city: 'San Francisco',
};
const CONTACT_TEXT: Record<string, string> = {
  ...LEAD_TEXT,
  name: 'Jane Smith',
  customername: 'Jane Smith',
  fullname: 'Jane Smith',
  firstname: 'Jane',
  email: 'jane.smith@example.com',
};

function exampleValue(def: VariableDef, texts: Record<string, string>): string {
  if (def.type === 'number') return typeof def.default === 'number' ? String(def.default) : '42';
  if (def.type === 'boolean') return 'true';
  const text = Object.hasOwn(texts, normalizeHeader(def.name)) ? texts[normalizeHeader(def.name)]! : 'example';
  return def.maxLength !== undefined ? [...text].slice(0, def.maxLength).join('') : text;
}

/**
 * Header `phone_number`, the variables, the registry fields asked for (`region`, `postal_code`…),
 * `secondary_phone_1` and `secondary_1_<var>`; one example row.
 * Opened in Excel like the other downloads, so every cell is neutralised against formula injection
 * the same way (`+14155551234` → `'+14155551234`, a negative default `-5` → `'-5`); the import reads
 * the neutraliser off again, so the file imports as it is.
 */
export function sampleCsv(assistant: AssistantConfig, fields: readonly string[] = []): string {
  const wanted = LEAD_FIELDS.filter((f) => fields.includes(f.name));
  const header = [
    PHONE_HEADER,
    ...assistant.variables.map((v) => v.name),
    ...wanted.map((f) => f.name),
    secondaryPhoneHeader(1),
    ...assistant.secondaryVariables.map((v) => secondaryVariableHeader(1, v.name)),
  ];
  const example = [
    SAMPLE_PHONE,
    ...assistant.variables.map((v) => exampleValue(v, LEAD_TEXT)),
    ...wanted.map((f) => f.example),
    SAMPLE_SECONDARY_PHONE,
    ...assistant.secondaryVariables.map((v) => exampleValue(v, CONTACT_TEXT)),
  ];
  return [header, example].map((cells) => cells.map(escapeCsvCell).join(',')).join('\r\n') + '\r\n';
}
