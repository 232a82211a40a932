/** The lead variables a row gives a value for (a non-empty cell): only these may overwrite an existing lead's under `update`. */
import type { ColumnMapping } from '../../src/lib/types.ts';

export function providedVariables(mapping: ColumnMapping, cells: readonly string[]): Set<string> {
  const out = new Set<string>();
  mapping.columns.forEach((target, i) => {
    if (target.kind === 'variable' && (cells[i] ?? '').trim() !== '') out.add(target.name);
  });
  return out;
}
