/** One line about a variable the assistant expects: its type, whether it is required, its default and length. */
import type { VariableDef } from '#lib/types.ts';

export function describeVariable(v: VariableDef): string {
  return [
    v.type,
    v.required ? 'required' : 'optional',
    v.default !== undefined && v.default !== null ? `default "${v.default}"` : '',
    v.maxLength ? `up to ${v.maxLength} characters` : '',
  ]
    .filter(Boolean)
    .join(', ');
}
