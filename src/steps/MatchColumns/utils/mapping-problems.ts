/**
 * What stops the import at the mapping step, in words a person can act on: what to choose in this
 * step, or, when only the file can change (two columns with the same name), what to change in it.
 * The API's own messages (file-messages.ts) stay for API clients.
 */
import { columnLabel, normalizeHeader } from '#lib/map/columns.ts';
import type { MappingCheck } from '#lib/map/columns.ts';

export function mappingProblems(check: MappingCheck | null, headers: readonly string[]): string[] {
  if (!check) return [];
  const out: string[] = [];
  for (const e of check.fileErrors) {
    if (e.code === 'NO_PHONE_COLUMN') out.push('No column goes to the phone number: choose “Phone number (primary)” for the column that holds the numbers.');
    else if (e.code === 'DUPLICATE_COLUMN') out.push(...sameNames(headers, e.message));
    else out.push(e.message);
  }
  return [...new Set(out)];
}

/** Columns with the same name cannot be told apart in a file the import reads again (its error report). */
function sameNames(headers: readonly string[], fallback: string): string[] {
  const byName = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key !== '') byName.set(key, [...(byName.get(key) ?? []), i]);
  });
  const groups = [...byName.values()].filter((g) => g.length > 1);
  if (!groups.length) return [fallback.replace(/ Rename or remove one of them.*$/, ' Choose “Don\'t import” for all but one of them.')];
  return groups.map((g) => {
    const names = g.map((i) => `“${columnLabel(headers, i)}” (column ${i + 1})`).join(' and ');
    return `${names} have the same name, so the import cannot tell them apart. Rename one of them in your spreadsheet, save the file and choose it again.`;
  });
}
