/**
 * A lead's name for the leads table, from its variables: the first text variable whose name says it
 * holds a person's whole name (customer_name, name, full_name, contact_name …), else first name and
 * last name joined, else the first name alone; null when no variable looks like a name.
 */

/** Variable names (normalised: lower case, words joined by "_") that hold a whole name. */
const WHOLE = new Set(['name', 'full_name', 'fullname', 'customer_name', 'contact_name', 'lead_name', 'client_name', 'person_name', 'display_name', 'customer_full_name', 'contact_full_name']);
const FIRST = new Set(['first_name', 'firstname', 'given_name', 'forename', 'first']);
const LAST = new Set(['last_name', 'lastname', 'family_name', 'surname', 'last']);

/** "Customer Name", "customerName" and "customer-name" all become "customer_name". */
export function normaliseVariableName(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim().replace(/\s+/g, ' ') : null);

export function leadName(variables: Readonly<Record<string, unknown>>): string | null {
  let first: string | null = null;
  let last: string | null = null;
  for (const [key, value] of Object.entries(variables)) {
    const kind = normaliseVariableName(key);
    const v = text(value);
    if (v === null) continue;
    if (WHOLE.has(kind)) return v;
    if (first === null && FIRST.has(kind)) first = v;
    else if (last === null && LAST.has(kind)) last = v;
  }
  if (first !== null && last !== null) return `${first} ${last}`;
  return first ?? last;
}
