/**
 * The wizard's suggestion of which column holds the primary phone, by what the columns hold rather
 * than by their names: among the phone-like columns, the one with the most valid numbers in the
 * file's first rows (the column the names chose wins a tie, then the earlier one). Headless imports
 * never call this (DESIGN.md, "Same request, same result"): it only proposes, the person confirms.
 */
import type { ColumnMapping, ColumnTarget } from '../types.ts';
import { normalizeHeader, PHONE_HEADER, PHONE_SYNONYMS } from './columns.ts';
import type { AutoMapping } from './columns.ts';

/** How many of the sampled rows fill a phone-like column, and how many of those read as a valid number. */
export interface PhoneColumnCount {
  column: number;
  filled: number;
  valid: number;
}

/** Why the primary phone went to a column: its count and the other phone-like columns'. */
export interface PrimaryChoice {
  column: number;
  /** Rows looked at (the first rows of the file). */
  sampled: number;
  /** Every phone-like column's count, the chosen one first. */
  counts: PhoneColumnCount[];
  /** True when content moved the primary away from the column the names chose. */
  changed: boolean;
}

const SYNONYMS = new Set<string>(PHONE_SYNONYMS.map(normalizeHeader));
/** Too vague alone ("Number" may be anything): never a candidate unless the names already chose it. */
const VAGUE = new Set(['number']);

/** Column headers the person (or our sample file) wrote exactly: their meaning is not second-guessed. */
function isExplicit(header: string): boolean {
  const h = header.trim();
  return h === PHONE_HEADER || /^secondary_phone_\d+$/.test(h);
}

/** Columns whose name says phone (synonyms, normalised; not the vague ones). */
export function phoneLikeColumns(headers: readonly string[], mapping: ColumnMapping): number[] {
  const out: number[] = [];
  headers.forEach((h, i) => {
    const name = normalizeHeader(h);
    const target = mapping.columns[i];
    if (target?.kind === 'phone' || (SYNONYMS.has(name) && !VAGUE.has(name) && (target?.kind === 'secondaryPhone' || target?.kind === 'ignore'))) out.push(i);
  });
  return out;
}

/**
 * Applies the content's choice to an automatic mapping. `count(column)` gives a candidate's counts
 * over the `sampled` first rows. Returns the (possibly changed) mapping, its suggested columns and
 * the choice, or `choice: null` when there is nothing to choose (fewer than two candidates, an
 * explicit `phone_number` column, or no rows).
 */
export function choosePrimaryByContent(
  headers: readonly string[],
  auto: AutoMapping,
  sampled: number,
  count: (column: number) => PhoneColumnCount,
): AutoMapping & { choice: PrimaryChoice | null } {
  const none = { ...auto, choice: null };
  const primary = auto.mapping.columns.findIndex((t) => t.kind === 'phone');
  if (sampled === 0 || primary < 0 || isExplicit(headers[primary] ?? '')) return none;
  const candidates = phoneLikeColumns(headers, auto.mapping).filter((c) => c === primary || !isExplicit(headers[c] ?? ''));
  if (candidates.length < 2) return none;
  const counts = candidates.map(count);
  let best = counts.find((c) => c.column === primary)!;
  for (const c of counts) if (c.valid > best.valid) best = c; // ties keep the names' choice, then the earlier column
  const ordered = [best, ...counts.filter((c) => c !== best)];
  if (best.column === primary) return { ...auto, choice: { column: primary, sampled, counts: ordered, changed: false } };

  // The best column takes the phone; the names' choice takes the best column's place (a suggested
  // secondary contact when it was one, else nothing), and is offered back as a suggestion.
  const columns: ColumnTarget[] = auto.mapping.columns.slice();
  const displaced = columns[best.column] ?? { kind: 'ignore' };
  columns[best.column] = { kind: 'phone' };
  columns[primary] = displaced;
  const suggested = auto.suggested.filter((c) => c !== best.column);
  if (displaced.kind === 'secondaryPhone') suggested.push(primary);
  suggested.sort((a, b) => a - b);
  return { mapping: { columns }, suggested, choice: { column: best.column, sampled, counts: ordered, changed: true } };
}
