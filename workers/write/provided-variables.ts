/**
 * The lead variables and registry fields a row gives a value for (a non-empty cell): only these may
 * overwrite an existing lead's under `update`. Fields are named `field:<name>` (a variable may share a field's name).
 */
import type { ColumnMapping } from '../../src/lib/types.ts';

export const providedField = (name: string): string => `field:${name}`;

export function providedVariables(mapping: ColumnMapping, cells: readonly string[]): Set<string> {
  const out = new Set<string>();
  mapping.columns.forEach((target, i) => {
    if ((cells[i] ?? '').trim() === '') return;
    if (target.kind === 'variable') out.add(target.name);
    else if (target.kind === 'field') out.add(providedField(target.name));
  });
  return out;
}
