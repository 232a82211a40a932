/** What the mapping step says about a column: how full it is, and why the primary phone went where it did. */
import { columnLabel } from '#lib/map/column-label.ts';
import type { ColumnProfile } from '#lib/ui/preview/column-profile.ts';
import type { ColumnMapping } from '#lib/types.ts';

const fmt = (n: number) => n.toLocaleString('en-US');

/** "97% filled", "4 of 30 filled" for a small file, "Empty". */
export function fillText(profile: ColumnProfile, column: number): string {
  const filled = profile.filled[column] ?? 0;
  if (profile.rows === 0) return '';
  if (filled === 0) return 'Empty';
  if (profile.rows <= 100) return `${fmt(filled)} of ${fmt(profile.rows)} filled`;
  const percent = Math.round((100 * filled) / profile.rows);
  return `${percent === 0 ? '<1' : percent === 100 && filled < profile.rows ? '99' : percent}% filled`;
}

/**
 * Why the primary phone is this column, when content chose among several phone-like columns and
 * the mapping still follows that choice: "Mobile Phone Number: 29 of 30 rows hold a valid number;
 * Phone Number: 4 of 30."
 */
export function primaryReason(profile: ColumnProfile | null, headers: readonly string[], mapping: ColumnMapping): { column: number; text: string } | null {
  const choice = profile?.primary;
  if (!choice || mapping.columns[choice.column]?.kind !== 'phone') return null;
  const [best, ...others] = choice.counts;
  if (!best) return null;
  const n = fmt(choice.sampled);
  const of = choice.sampled < profile.rows ? `of the first ${n} rows` : `of ${n}`;
  const rest = others.map((c) => `${columnLabel(headers, c.column)}: ${fmt(c.valid)} of ${n}`).join('; ');
  const lead = choice.changed ? 'Chosen for the phone number by what it holds' : 'Holds the most valid numbers';
  return { column: choice.column, text: `${lead}: ${fmt(best.valid)} ${of} valid${rest ? ` (${rest})` : ''}.` };
}
