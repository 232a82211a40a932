/**
 * A person's change of one column's destination in the wizard. A destination holds one column, so
 * choosing one that another column holds moves it: the other column goes nowhere ("Don't import")
 * and is named, for a note beside it. Joining a column to a text variable (`append`) moves nothing.
 */
import type { ColumnMapping, ColumnTarget } from '../types.ts';
import { targetKey } from './columns.ts';

export interface TargetChange {
  mapping: ColumnMapping;
  /** Columns that held the destination and now go nowhere. */
  displaced: number[];
}

/** Sends `column` to `target`; any other column with the same destination falls back to ignore. */
export function assignTarget(mapping: ColumnMapping, column: number, target: ColumnTarget): TargetChange {
  const columns = mapping.columns.slice();
  const displaced: number[] = [];
  const key = target.kind === 'variable' && target.append ? undefined : targetKey(target);
  if (key !== undefined) {
    columns.forEach((t, i) => {
      if (i === column || targetKey(t) !== key) return;
      columns[i] = { kind: 'ignore' };
      displaced.push(i);
    });
  }
  // A column joined to this one's variable is left without its first part: it becomes the first.
  const old = columns[column];
  columns[column] = target;
  if (old?.kind === 'variable' && !old.append && !(target.kind === 'variable' && target.name === old.name)) {
    const next = columns.findIndex((t) => t.kind === 'variable' && t.name === old.name && t.append);
    if (next >= 0) columns[next] = { kind: 'variable', name: old.name };
  }
  return { mapping: { columns }, displaced };
}

/** The column `column` becomes the primary phone and the primary column takes its place (a one-click swap). */
export function swapWithPrimary(mapping: ColumnMapping, column: number): ColumnMapping {
  const columns = mapping.columns.slice();
  const primary = columns.findIndex((t) => t.kind === 'phone');
  if (primary < 0 || primary === column) return assignTarget(mapping, column, { kind: 'phone' }).mapping;
  columns[primary] = columns[column] ?? { kind: 'ignore' };
  columns[column] = { kind: 'phone' };
  return { columns };
}
