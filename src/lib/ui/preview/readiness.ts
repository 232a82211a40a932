/**
 * The preview's calling readiness: primary numbers counted by line type, and the leads that would
 * be imported counted by when the campaign's calling window lets them be called. Computed in the
 * preview worker from the per-row zone-set ids (callability is decided once per zone set, a few
 * hundred, not per row), so the page only reads the counts and a small table per zone set.
 */
import { callableSummary, zoneSetCallability, type CallableSummary } from '../../calling/callable-summary.ts';
import type { CallingWindow } from '../../calling/calling-window.ts';
import { NO_NUMBER, typeNameOf, type FactStore } from './phone-facts.ts';

/** When a lead can be called, as the filters name it. */
export type CallableWhen = 'now' | 'laterToday' | 'laterThisWeek' | 'never';

export interface Readiness {
  /** Rows with a valid primary number, by its type name (UNKNOWN when the metadata gives none). */
  phoneTypes: Record<string, number>;
  /** Leads without errors by when they can be called, at `at` (ISO instant). */
  callable: CallableSummary & { at: string };
  /** For each zone set of those leads: when it can be called (the page's filters read this). */
  when: Record<number, CallableWhen>;
}

/**
 * Readiness of rows 0..n-1; `valid(i)` says whether row i would be imported (no errors).
 * One pass over the rows for the counts; the window is evaluated per distinct zone set.
 */
export function readinessOf(facts: FactStore, n: number, valid: (i: number) => boolean, window: Readonly<CallingWindow>, now: Date): Readiness {
  const typeCounts = new Map<number, number>();
  const { types, zoneSets } = facts;
  const m = Math.min(n, types.length);
  const leads = new Int16Array(m);
  let count = 0;
  for (let i = 0; i < m; i++) {
    const t = types[i]!;
    if (t === 0) continue;
    typeCounts.set(t, (typeCounts.get(t) ?? 0) + 1);
    if (zoneSets[i] !== NO_NUMBER && valid(i)) leads[count++] = zoneSets[i]!;
  }
  const leadZoneSets = leads.subarray(0, count);
  const phoneTypes: Record<string, number> = {};
  for (const [code, count] of typeCounts) phoneTypes[typeNameOf(code)!] = count;
  const summary = callableSummary(leadZoneSets, window, now);
  const of = zoneSetCallability(window, now);
  const when: Record<number, CallableWhen> = {};
  for (const id of new Set(leadZoneSets)) {
    const c = of(id);
    when[id] = c.callableNow ? 'now' : c.nextCallableAt === null ? 'never' : c.laterToday ? 'laterToday' : 'laterThisWeek';
  }
  return { phoneTypes, callable: { ...summary, at: now.toISOString() }, when };
}
