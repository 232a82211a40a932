/**
 * The zone sets whose every zone is inside a calling window at one instant. There are a few
 * hundred zone sets against millions of leads, so listings decide callability per set and let the
 * database filter leads by their stored set.
 */
import { isCallableAt } from '../../src/lib/calling/callable.ts';
import { windowKey, type CallingWindow } from '../../src/lib/calling/calling-window.ts';
import { zoneSetCount, zonesOfSet } from '../../src/lib/calling/time-zones.ts';

const memo = new Map<string, number[]>();
const MEMO_MAX = 64;

/** Ids of the zone sets callable at `at` under `window` (fail closed: a set is in only when all its zones are inside). */
export function callableZoneSets(window: Readonly<CallingWindow>, at: Date): readonly number[] {
  const key = `${windowKey(window)}|${at.getTime()}`;
  let ids = memo.get(key);
  if (!ids) {
    ids = [];
    for (let id = 0, n = zoneSetCount(); id < n; id++) if (isCallableAt(zonesOfSet(id), window, at)) ids.push(id);
    if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
    memo.set(key, ids);
  }
  return ids;
}
