/**
 * Callability of zone sets at one instant, computed once per zone set (there are a few hundred,
 * against millions of leads), and the preview's counts of leads by when they can be called.
 */
import type { CallingWindow } from './calling-window.ts';
import { endOfLocalDay, isCallableAt, nextCallableAt } from './callable.ts';
import { zonesOfSet } from './time-zones.ts';

export interface ZoneSetCallability {
  /** Inside the window in every zone of the set now. */
  callableNow: boolean;
  /** The earliest instant from now, within 7 days, at which it is callable; null when never. */
  nextCallableAt: Date | null;
  /** Not callable now, but callable before the local date changes in any of its zones. */
  laterToday: boolean;
}

/** A function answering ZoneSetCallability per zone-set id at `now`, each set evaluated once. */
export function zoneSetCallability(window: Readonly<CallingWindow>, now: Date): (zoneSetId: number) => ZoneSetCallability {
  const memo = new Map<number, ZoneSetCallability>();
  return (id) => {
    let c = memo.get(id);
    if (!c) {
      const zones = zonesOfSet(id);
      const callableNow = isCallableAt(zones, window, now);
      const next = callableNow ? now : nextCallableAt(zones, window, now);
      c = {
        callableNow,
        nextCallableAt: next,
        laterToday: !callableNow && next !== null && next.getTime() < endOfLocalDay(zones, now).getTime(),
      };
      memo.set(id, c);
    }
    return c;
  };
}

export interface CallableSummary {
  total: number;
  /** Callable at `now`. */
  callableNow: number;
  /**
   * Not callable now, callable later in the current local day: before the local date changes in
   * any of the number's zones (for a number in one zone, before its local midnight).
   */
  laterToday: number;
  /** Callable within 7 days, but not today. */
  laterThisWeek: number;
  /** No instant in the next 7 days is inside the window in all its zones (and numbers with no zone). */
  never: number;
}

/** Counts of leads by when they can be called, from one zone-set id per lead. The four counts add up to `total`. */
export function callableSummary(
  zoneSetIds: Iterable<number>,
  window: Readonly<CallingWindow>,
  now: Date,
): CallableSummary {
  const of = zoneSetCallability(window, now);
  const perSet = new Map<number, number>();
  for (const id of zoneSetIds) perSet.set(id, (perSet.get(id) ?? 0) + 1);
  const summary: CallableSummary = { total: 0, callableNow: 0, laterToday: 0, laterThisWeek: 0, never: 0 };
  for (const [id, count] of perSet) {
    const c = of(id);
    summary.total += count;
    if (c.callableNow) summary.callableNow += count;
    else if (c.nextCallableAt === null) summary.never += count;
    else if (c.laterToday) summary.laterToday += count;
    else summary.laterThisWeek += count;
  }
  return summary;
}
