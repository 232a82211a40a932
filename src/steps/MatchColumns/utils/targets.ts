/** The column-mapping choices offered for one file column, as select option values, named for people. */
import { LIMITS } from '#lib/limits.ts';
import { columnLabel, targetKey } from '#lib/map/columns.ts';
import type { AssistantConfig, ColumnMapping, ColumnTarget } from '#lib/types.ts';
import { LEAD_FIELDS, leadField } from '#lib/fields/lead-fields.ts';

export interface TargetOption {
  value: string;
  label: string;
}

/** The select value that starts adding a new variable to the assistant (not a target). */
export const NEW_VARIABLE = 'new';

/** The select value of a target: its mapping key (`v+:name` for a column joined to a variable), or `report` / `ignore`. */
export function targetValue(t: ColumnTarget): string {
  if (t.kind === 'variable' && t.append) return `v+:${t.name}`;
  return targetKey(t) ?? (t.kind === 'reportColumn' ? 'report' : 'ignore');
}

export function parseTarget(value: string): ColumnTarget {
  const [kind, a, b] = value.split(':');
  if (kind === 'phone') return { kind: 'phone' };
  if (kind === 'v' && a) return { kind: 'variable', name: a };
  if (kind === 'v+' && a) return { kind: 'variable', name: a, append: true };
  if (kind === 'sp') return { kind: 'secondaryPhone', index: Number(a) };
  if (kind === 'sv' && b) return { kind: 'secondaryVariable', index: Number(a), name: b };
  if (kind === 'f' && a && leadField(a)) return { kind: 'field', name: a };
  if (kind === 'report') return { kind: 'reportColumn' };
  return { kind: 'ignore' };
}

/** How a destination is named to people in the mapping step and its notes. */
export function targetName(t: ColumnTarget): string {
  switch (t.kind) {
    case 'phone':
      return 'Phone number (primary)';
    case 'variable':
      return t.name;
    case 'secondaryPhone':
      return `Phone number ${t.index + 1} (called if the primary does not answer)`;
    case 'secondaryVariable':
      return `Phone number ${t.index + 1}: ${t.name}`;
    case 'field':
      return leadField(t.name)?.label ?? t.name;
    case 'reportColumn':
      return 'Error report column (ignored)';
    default:
      return "Don't import";
  }
}

/**
 * Every destination for column `column`: phone, variables (a text variable another column holds
 * can also take this one after it: "combined"), secondary contacts 1..N (one more than the file
 * uses, at least 2), and adding a new variable to the assistant when the person may.
 */
export function targetOptions(assistant: AssistantConfig, mapping: ColumnMapping, column = -1, headers: readonly string[] = [], canAddVariable = false): TargetOption[] {
  const used = Math.max(0, ...mapping.columns.map((t) => (t.kind === 'secondaryPhone' || t.kind === 'secondaryVariable' ? t.index : 0)));
  const contacts = Math.min(LIMITS.maxSecondaryContacts, Math.max(2, used + 1));
  const options: TargetOption[] = [
    { value: 'ignore', label: "Don't import" },
    { value: 'phone', label: targetName({ kind: 'phone' }) },
  ];
  for (const v of assistant.variables) {
    options.push({ value: `v:${v.name}`, label: `${v.name}${v.required ? ' (required)' : ''}` });
    const holder = mapping.columns.findIndex((t, i) => i !== column && t.kind === 'variable' && t.name === v.name && !t.append);
    if (v.type === 'text' && holder >= 0 && (column < 0 || holder < column)) {
      options.push({ value: `v+:${v.name}`, label: `${v.name}: combine with “${columnLabel(headers, holder)}”` });
    }
  }
  for (const f of LEAD_FIELDS) options.push({ value: `f:${f.name}`, label: targetName({ kind: 'field', name: f.name }) });
  for (let n = 1; n <= contacts; n++) {
    options.push({ value: `sp:${n}`, label: targetName({ kind: 'secondaryPhone', index: n }) });
    for (const v of assistant.secondaryVariables) options.push({ value: `sv:${n}:${v.name}`, label: targetName({ kind: 'secondaryVariable', index: n, name: v.name }) });
  }
  if (mapping.columns.some((t) => t.kind === 'reportColumn')) options.push({ value: 'report', label: targetName({ kind: 'reportColumn' }) });
  if (canAddVariable) options.push({ value: NEW_VARIABLE, label: 'New variable of the assistant…' });
  return options;
}
