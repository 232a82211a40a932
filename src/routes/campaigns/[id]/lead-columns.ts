/**
 * The leads table's optional columns and which of them the viewer hid, remembered in the browser
 * (localStorage) for every campaign. The phone number always shows.
 */
export interface LeadColumn {
  key: string;
  label: string;
}

/** Fixed optional columns, in table order (variables come after "Next call", as `var:<name>`). */
export const FIXED_COLUMNS: readonly LeadColumn[] = [
  { key: 'name', label: 'Name' },
  { key: 'country', label: 'Country' },
  { key: 'type', label: 'Line type' },
  { key: 'zones', label: 'Time zones' },
  { key: 'extension', label: 'Extension' },
  { key: 'region', label: 'Region' },
  { key: 'next', label: 'Next call' },
];
export const TRAILING_COLUMNS: readonly LeadColumn[] = [
  { key: 'contacts', label: 'Secondary contacts' },
  { key: 'import', label: 'Import' },
];

export const variableColumn = (name: string): LeadColumn => ({ key: `var:${name}`, label: name });

export const HIDDEN_COLUMNS_KEY = 'campaign-leads-hidden-columns';

/** The stored list of hidden keys; anything else (missing, not JSON, not a list of strings) hides nothing. */
export function parseHidden(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? [...new Set(value.filter((k): k is string => typeof k === 'string' && k.length <= 200))] : [];
  } catch {
    return [];
  }
}
