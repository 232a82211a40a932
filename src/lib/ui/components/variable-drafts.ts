/** An assistant's variables as form fields (all text) and back, for the API's VariableDef schema. */
import type { VariableDef } from '../../types.ts';

export interface VariableDraft {
  name: string;
  type: 'text' | 'number' | 'boolean';
  required: boolean;
  /** '' for no default; "true"/"false" for booleans. */
  default: string;
  maxLength: string;
  description: string;
}

export const emptyDraft = (): VariableDraft => ({ name: '', type: 'text', required: false, default: '', maxLength: '', description: '' });

export function toDraft(d: VariableDef): VariableDraft {
  return {
    name: d.name,
    type: d.type,
    required: d.required ?? false,
    default: d.default === undefined || d.default === null ? '' : String(d.default),
    maxLength: d.maxLength === undefined ? '' : String(d.maxLength),
    description: d.description ?? '',
  };
}

/**
 * The body entry for a draft. Values that do not fit their type are passed on as typed, so the
 * schema answers with the API's own message ("A default value must have the variable's type.").
 */
export function fromDraft(d: VariableDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { name: d.name.trim(), type: d.type };
  if (d.required) out.required = true;
  const def = d.default.trim();
  if (def !== '') {
    if (d.type === 'number') out.default = /^-?\d+(\.\d+)?$/.test(def) ? Number(def) : def;
    else if (d.type === 'boolean') out.default = def === 'true' ? true : def === 'false' ? false : def;
    else out.default = d.default;
  }
  const max = d.maxLength.trim();
  if (max !== '') out.maxLength = /^\d+$/.test(max) ? Number(max) : max;
  if (d.description.trim()) out.description = d.description.trim();
  return out;
}
