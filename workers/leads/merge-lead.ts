/**
 * What an existing lead becomes under the duplicate policy (pure): `update` takes the row's
 * non-empty cells (an empty cell never blanks a value) and, when the row has any secondary phone,
 * its secondary contacts instead of the old list; `fill` sets only variables empty on the lead,
 * and secondary contacts only when the lead has none. An assistant default never overwrites a value
 * the lead has; it may fill an empty one, as it would on a new lead.
 */
import type { VariableValue } from '../../src/lib/types.ts';
import { LEAD_FIELDS, type FieldValues } from '../../src/lib/fields/lead-fields.ts';
import { providedField } from '../write/provided-variables.ts';

export type MergePolicy = 'update' | 'fill';

type Variables = Record<string, VariableValue>;

const isEmpty = (v: VariableValue | undefined) => v === null || v === undefined || v === '';

/**
 * Whether a merge leaves the lead as it is: every variable the same value, the same secondary
 * contacts, no field (address…) changed. Such a row is counted unchanged and writes nothing.
 */
export function changesNothing(before: Variables, contactsJson: string, merged: { variables: Variables; contactsJson: string | null; fields?: FieldValues | null }): boolean {
  if (merged.fields) return false;
  if (merged.contactsJson !== null && merged.contactsJson !== contactsJson) return false;
  for (const name of new Set([...Object.keys(before), ...Object.keys(merged.variables)])) {
    if ((before[name] ?? null) !== (merged.variables[name] ?? null)) return false;
  }
  return true;
}

/**
 * The merged variables, the new secondary contacts (JSON) or null to keep the lead's, and the
 * registry fields (address…) by the same rule as variables, or null when none changes.
 */
export function mergeLead(
  policy: MergePolicy,
  existing: { variables: Variables; contactCount: number; fields?: FieldValues },
  row: { variables: Variables; provided: ReadonlySet<string>; contactsJson: string; contactCount: number; fields?: FieldValues },
): { variables: Variables; contactsJson: string | null; fields: FieldValues | null } {
  const variables: Variables = { ...existing.variables };
  for (const [name, value] of Object.entries(row.variables)) {
    if (policy === 'update' && row.provided.has(name)) variables[name] = value;
    else if (isEmpty(variables[name]) && !isEmpty(value)) variables[name] = value;
  }
  const replaceContacts = row.contactCount > 0 && (policy === 'update' || existing.contactCount === 0);
  const fields: FieldValues = {};
  let fieldsChanged = false;
  for (const f of LEAD_FIELDS) {
    const before = existing.fields?.[f.name] ?? null;
    const value = row.fields?.[f.name] ?? null;
    const take = value !== null && ((policy === 'update' && row.provided.has(providedField(f.name))) || before === null);
    fields[f.name] = take ? value : before;
    if (fields[f.name] !== before) fieldsChanged = true;
  }
  return { variables, contactsJson: replaceContacts ? row.contactsJson : null, fields: fieldsChanged ? fields : null };
}
