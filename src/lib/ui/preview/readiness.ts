/**
 * The preview's calling readiness: primary numbers counted by line type, and the leads that would
 * be imported counted by when they may be called (the campaign's window ∩ every rule binding
 * them, in every zone they may be in), with what holds them back. Computed in the preview worker
 * from the per-row calling profiles: the decision is the core's one (callingVerdict, the same the
 * server's listings make), taken once per profile, not per row.
 */
import { callableWhen, verdictsAt, type CallableWhen, type CallingContext } from '../../calling/calling-verdict.ts';
import type { CallingWindow } from '../../calling/calling-window.ts';
import type { CallPurpose } from '../../calling/call-purpose.ts';
import { typeNameOf, type FactStore } from './phone-facts.ts';

export type { CallableWhen };

/** Leads by when they can be called; the four counts add up to `total`. */
export interface CallableSummary {
  total: number;
  /** Callable at the instant. */
  callableNow: number;
  /** Not callable now, callable before the local date changes in any of the lead's zones. */
  laterToday: number;
  /** Callable within 7 days, but not today. */
  laterThisWeek: number;
  /** No instant in the next 7 days is inside the window and the rules in all its zones (and leads with no zone). */
  never: number;
}

/** What of the campaign the decision needs. */
export interface ReadinessSettings {
  callingWindow: CallingWindow;
  callPurpose: CallPurpose;
}

export interface Readiness {
  /** Rows with a valid primary number, by its type name (UNKNOWN when the metadata gives none). */
  phoneTypes: Record<string, number>;
  /** Leads without errors by when they can be called, at `at` (ISO instant). */
  callable: CallableSummary & { at: string };
  /** For each profile id (FactStore.profiles) of those leads: when it can be called (the page's filters read this). */
  when: Record<number, CallableWhen>;
  /** For each profile id not callable now: the first rule (or the window) holding it back. */
  heldBy: Record<number, string>;
  /** What holds leads back now, with how many leads, most first ("Florida: calls end at 8 pm"). */
  heldByCounts: [string, number][];
}

/**
 * Readiness of rows 0..n-1; `valid(i)` says whether row i would be imported (no errors).
 * One pass over the rows for the counts; the decision is made per distinct profile.
 */
export function readinessOf(facts: FactStore, n: number, valid: (i: number) => boolean, settings: ReadinessSettings, now: Date): Readiness {
  const typeCounts = new Map<number, number>();
  const perProfile = new Map<number, number>();
  const { types, profiles } = facts;
  const m = Math.min(n, types.length);
  for (let i = 0; i < m; i++) {
    const t = types[i]!;
    if (t === 0) continue;
    typeCounts.set(t, (typeCounts.get(t) ?? 0) + 1);
    const p = profiles[i]!;
    if (p >= 0 && valid(i)) perProfile.set(p, (perProfile.get(p) ?? 0) + 1);
  }
  const phoneTypes: Record<string, number> = {};
  for (const [code, count] of typeCounts) phoneTypes[typeNameOf(code)!] = count;
  const context: CallingContext = { window: settings.callingWindow, purpose: settings.callPurpose };
  const verdictOf = verdictsAt(context, now);
  const callable: CallableSummary = { total: 0, callableNow: 0, laterToday: 0, laterThisWeek: 0, never: 0 };
  const when: Record<number, CallableWhen> = {};
  const heldBy: Record<number, string> = {};
  const reasons = new Map<string, number>();
  for (const [id, count] of perProfile) {
    const v = verdictOf(facts.profileKeys[id]!);
    const w = callableWhen(v);
    when[id] = w;
    callable.total += count;
    callable[w === 'now' ? 'callableNow' : w] += count;
    if (v.heldBy.length) {
      heldBy[id] = v.heldBy[0]!;
      reasons.set(v.heldBy[0]!, (reasons.get(v.heldBy[0]!) ?? 0) + count);
    }
  }
  const heldByCounts = [...reasons].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { phoneTypes, callable: { ...callable, at: now.toISOString() }, when, heldBy, heldByCounts };
}
