/** The column-mapping choices offered for one file column, as select option values. */
import { LIMITS } from '#lib/limits.ts';
import { targetKey } from '#lib/map/columns.ts';
import type { AssistantConfig, ColumnMapping, ColumnTarget } from '#lib/types.ts';
import { LEAD_FIELDS, leadField } from '#lib/fields/lead-fields.ts';

export interface TargetOption {
  value: string;
  label: string;
}

/** The select value of a target: its mapping key, or `report` / `ignore`. */
export function targetValue(t: ColumnTarget): string {
  return targetKey(t) ?? (t.kind === 'reportColumn' ? 'report' : 'ignore');
}

export function parseTarget(value: string): ColumnTarget {
  const [kind, a, b] = value.split(':');
  if (kind === 'phone') return { kind: 'phone' };
  if (kind === 'v' && a) return { kind: 'variable', name: a };
  if (kind === 'sp') return { kind: 'secondaryPhone', index: Number(a) };
  if (kind === 'sv' && b) return { kind: 'secondaryVariable', index: Number(a), name: b };
  if (kind === 'f' && a && leadField(a)) return { kind: 'field', name: a };
  if (kind === 'report') return { kind: 'reportColumn' };
  return { kind: 'ignore' };
}

/** Every destination: phone, variables, secondary contacts 1..N (one more than the file uses, at least 2). */
export function targetOptions(assistant: AssistantConfig, mapping: ColumnMapping): TargetOption[] {
  const used = Math.max(0, ...mapping.columns.map((t) => (t.kind === 'secondaryPhone' || t.kind === 'secondaryVariable' ? t.index : 0)));
  const contacts = Math.min(LIMITS.maxSecondaryContacts, Math.max(2, used + 1));
  const options: TargetOption[] = [
    { value: 'ignore', label: "Don't import" },
    { value: 'phone', label: 'Phone number (primary)' },
  ];
  for (const v of assistant.variables) {
    options.push({ value: `v:${v.name}`, label: `${v.name}${v.required ? ' (required)' : ''}` });
  }
  for (const f of LEAD_FIELDS) options.push({ value: `f:${f.name}`, label: f.label });
  for (let n = 1; n <= contacts; n++) {
    options.push({ value: `sp:${n}`, label: `secondary_phone_${n}` });
    for (const v of assistant.secondaryVariables) options.push({ value: `sv:${n}:${v.name}`, label: `secondary_${n}_${v.name}` });
  }
  if (mapping.columns.some((t) => t.kind === 'reportColumn')) options.push({ value: 'report', label: 'Error report column (ignored)' });
  return options;
}
