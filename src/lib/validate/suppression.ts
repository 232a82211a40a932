/**
 * The suppression (do-not-call) verdicts of a row, for the server's validate pass
 * (workers/revalidate/mark-suppressed.ts, list looked up in D1) and the preview (the packed list its
 * worker holds) alike. Only rows that are otherwise valid are checked: a listed primary gives
 * SUPPRESSED (naming the phone column), each listed secondary SECONDARY_SUPPRESSED (naming its
 * column and cell); when the preview only has a filter of a very large list, its hits say "probably".
 */
import type { AssistantConfig, ColumnMapping, RowError } from '../types.ts';
import { phoneColumnLabel } from '../map/phone-column.ts';
import { columnLabel } from '../map/column-label.ts';
import { isValidTarget, secondaryPhoneHeader } from '../map/columns.ts';
import { secondarySuppressed, suppressed } from './messages.ts';

/** What the messages name: the phone column, and the secondary phone columns (the first of each N) in N order. */
export interface SuppressionColumns {
  primary: string | undefined;
  secondaries: { index: number; label: string }[];
}

/** Anything that answers whether an E.164 number is listed (the server's exact answer, or the preview's packed list). */
export interface Listed {
  has(e164: string): boolean;
  readonly size: number;
  /** 'filter': a hit is only "probably listed" (a list too large to send whole); exact when absent. */
  readonly form?: 'exact' | 'filter';
}

export function suppressionColumns(headers: readonly string[], mapping: ColumnMapping, assistant: AssistantConfig): SuppressionColumns {
  const byN = new Map<number, number>();
  mapping.columns.forEach((target, i) => {
    if (i >= headers.length || target.kind !== 'secondaryPhone' || !isValidTarget(target, assistant)) return;
    if (!byN.has(target.index)) byN.set(target.index, i);
  });
  const secondaries = [...byN].sort((a, b) => a[0] - b[0]).map(([, index]) => ({ index, label: columnLabel(headers, index) }));
  return { primary: phoneColumnLabel(headers, mapping), secondaries };
}

/**
 * The suppression errors of a valid row: its primary number `e164`, its secondary contacts' numbers
 * in contact order, and its cells (read only when a secondary is listed). Null when none is listed.
 */
export function suppressionErrors(
  listed: Listed,
  e164: string,
  secondaries: readonly string[] | undefined,
  cells: () => readonly string[],
  columns: SuppressionColumns,
): RowError[] | null {
  let errors: RowError[] | null = null;
  const probably = listed.form === 'filter';
  if (listed.has(e164)) errors = [suppressed(columns.primary, probably)];
  if (!secondaries) return errors;
  for (let p = 0; p < secondaries.length; p++) {
    const number = secondaries[p]!;
    if (!listed.has(number)) continue;
    const row = cells();
    // Contacts are numbered over the filled secondary phone columns, in column-number order.
    const filled = columns.secondaries.filter((c) => (row[c.index] ?? '').trim() !== '');
    const column = filled[p];
    (errors ??= []).push(secondarySuppressed(column?.label ?? secondaryPhoneHeader(p + 1), column ? (row[column.index] ?? '').trim() : number, probably));
  }
  return errors;
}
