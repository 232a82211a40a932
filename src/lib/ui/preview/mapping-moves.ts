/**
 * The person's moves on the mapping step, as the next mapping and the notes beside it: which
 * columns lost their destination to another column (`displaced`: column → the column that took
 * it) and which suggested columns are still unconfirmed. Pure; the session applies the result.
 */
import { assignTarget, swapWithPrimary } from '../../map/move-target.ts';
import type { ColumnMapping, ColumnTarget } from '../../types.ts';

export interface MappingState {
  mapping: ColumnMapping;
  displaced: Record<number, number>;
  suggested: number[];
}

/** Column `column` goes to `target`; a column that held that destination goes nowhere, and says why. */
export function moveColumn(state: MappingState, column: number, target: ColumnTarget): MappingState {
  const change = assignTarget(state.mapping, column, target);
  const displaced = { ...state.displaced };
  delete displaced[column];
  for (const c of change.displaced) displaced[c] = column;
  return { mapping: change.mapping, displaced, suggested: state.suggested.filter((c) => c !== column && !change.displaced.includes(c)) };
}

/** One click: column `column` becomes the primary phone, and the primary column takes its place. */
export function swapPrimary(state: MappingState, column: number): MappingState {
  const primary = state.mapping.columns.findIndex((t) => t.kind === 'phone');
  const displaced = { ...state.displaced };
  delete displaced[column];
  delete displaced[primary];
  return { mapping: swapWithPrimary(state.mapping, column), displaced, suggested: state.suggested.filter((c) => c !== column && c !== primary) };
}
