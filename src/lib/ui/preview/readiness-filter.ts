/**
 * The preview's readiness filters: rows whose primary number is of one line type, or leads (rows
 * without errors) callable at one time under the campaign's window. Decided from the typed arrays
 * of phone-facts.ts and the per-profile table of readiness.ts: one pass, no object per row.
 */
import type { FactStore } from './phone-facts.ts';
import type { RowVerdict } from './protocol.ts';
import type { CallableWhen } from './readiness.ts';

export type ReadinessFilter = { kind: 'type'; typeCode: number } | { kind: 'callable'; when: CallableWhen };

export function rowMatches(
  filter: ReadinessFilter,
  i: number,
  facts: FactStore,
  verdicts: readonly RowVerdict[],
  when: Readonly<Record<number, CallableWhen>>,
): boolean {
  if (i >= facts.types.length) return false;
  if (filter.kind === 'type') return facts.types[i] === filter.typeCode;
  return !verdicts[i] && facts.types[i] !== 0 && when[facts.profiles[i]!] === filter.when;
}

/** The positions of `base` that pass `keep`, in order. */
export function filterPositions(base: ArrayLike<number>, keep: (i: number) => boolean): Int32Array {
  const out = new Int32Array(base.length);
  let n = 0;
  for (let k = 0; k < base.length; k++) {
    const i = base[k]!;
    if (keep(i)) out[n++] = i;
  }
  return out.slice(0, n);
}
