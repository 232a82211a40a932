/**
 * THE calling decision, for the browser's preview and the server alike: whether a lead may be
 * called at an instant, when it next may be, and which rule holds it back. A lead may be called
 * when, in every zone of its profile (`callingTimeZones`), the local date and time are inside the
 * campaign's window and inside every rule that binds it (its country's and every candidate
 * region's, by scope against the campaign's purpose). Fail closed: no zone, never callable.
 * Decided once per profile (leads share a few hundred), memoised per instant.
 */
import type { CallingWindow } from './calling-window.ts';
import { commonPlanIntervals, endOfLocalDay, localDayMinute, planHolds, planIntervals, windowPlan, type DayPlan, type DayRanges } from './callable.ts';
import { DAY } from './local-time.ts';
import type { CallPurpose } from './call-purpose.ts';
import type { CallingProfile } from './profile.ts';
import { parseProfileKey } from './profile.ts';
import { bindingRules, maxCallsOf } from './rules/binding-rules.ts';
import { clockText, compileRule } from './rules/rule-plan.ts';
import type { CallingRuleDef } from './rules/rule-table.ts';

/** What a campaign brings to the decision. */
export interface CallingContext {
  window: Readonly<CallingWindow>;
  purpose: CallPurpose;
}

export interface CallingVerdict {
  /** Inside the window and every binding rule in every zone at `now`. */
  callableNow: boolean;
  /** The earliest instant from `now`, within 7 days, at which it is callable; null when never. */
  nextCallableAt: Date | null;
  /** Not callable now, but callable before the local date changes in any of its zones. */
  laterToday: boolean;
  /** Why it may not be called now ("Florida: calls end at 8 pm"), what holds it back longest first; empty when callable. */
  heldBy: string[];
  /** Ids of the rules binding the lead. */
  rules: string[];
  /** The smallest cap of calls per 24 hours among them, or null. */
  maxCallsPer24h: number | null;
}

/** When the lead can be called, as the preview's counts and filters and the campaign page name it. */
export type CallableWhen = 'now' | 'laterToday' | 'laterThisWeek' | 'never';

export function callableWhen(v: CallingVerdict): CallableWhen {
  return v.callableNow ? 'now' : v.nextCallableAt === null ? 'never' : v.laterToday ? 'laterToday' : 'laterThisWeek';
}

/** The plan of the window and the rules together: per local day, the ranges inside all of them. */
function jointPlan(plans: readonly DayPlan[]): DayPlan {
  if (plans.length === 1) return plans[0]!;
  return (day) => {
    let acc: DayRanges = plans[0]!(day);
    for (let i = 1; i < plans.length && acc.length; i++) {
      const other = plans[i]!(day);
      const out: [number, number][] = [];
      for (const [a, b] of acc) for (const [c, d] of other) if (Math.max(a, c) < Math.min(b, d)) out.push([Math.max(a, c), Math.min(b, d)]);
      acc = out.sort((x, y) => x[0] - y[0]);
    }
    return acc;
  };
}

const WEEKDAY_NAMES = ['', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/** Why the campaign's own window holds a lead back at a local time, or null. */
function windowWhy(window: Readonly<CallingWindow>, day: number, minute: number): string | null {
  const plan = windowPlan(window);
  if (planHolds(plan, day, minute)) return null;
  const ranges = plan(day);
  if (!ranges.length) return `Campaign window: no calls on ${WEEKDAY_NAMES[((((day + 3) % 7) + 7) % 7) + 1]}`;
  return minute < ranges[0]![0] ? `Campaign window: calls start at ${clockText(ranges[0]![0])}` : `Campaign window: calls end at ${clockText(ranges[0]![1])}`;
}

/** The verdict for one profile at `now`. */
export function callingVerdict(profile: CallingProfile, context: CallingContext, now: Date): CallingVerdict {
  const rules: readonly CallingRuleDef[] = bindingRules(profile, context.purpose);
  const compiled = rules.map(compileRule);
  const plan = jointPlan([windowPlan(context.window), ...compiled.map((c) => c.plan)]);
  const t = now.getTime();
  const zones = profile.zones;
  const intervals = commonPlanIntervals(zones, plan, t, t + 7 * DAY);
  const callableNow = intervals.length > 0 && intervals[0] === t;
  const next = intervals.length ? new Date(intervals[0]!) : null;
  const heldBy: string[] = [];
  if (!callableNow) {
    if (zones.length === 0) heldBy.push('No time zone is known for this number: it is never called');
    // Each constraint closed now, with when it opens again in that zone: the one closed longest is named first.
    const held = new Map<string, number>();
    const note = (why: string | null, plan: DayPlan, zone: string) => {
      if (!why) return;
      const opens = planIntervals(zone, plan, t, t + 7 * DAY)[0] ?? Infinity;
      held.set(why, Math.max(held.get(why) ?? -Infinity, opens));
    };
    for (const zone of zones) {
      const { day, minute } = localDayMinute(zone, t);
      compiled.forEach((c) => note(c.why(day, minute), c.plan, zone));
      note(windowWhy(context.window, day, minute), windowPlan(context.window), zone);
    }
    heldBy.push(...[...held].sort((a, b) => b[1] - a[1]).map(([why]) => why));
  }
  return {
    callableNow,
    nextCallableAt: callableNow ? now : next,
    laterToday: !callableNow && next !== null && next.getTime() < endOfLocalDay(zones, now).getTime(),
    heldBy,
    rules: rules.map((r) => r.id),
    maxCallsPer24h: maxCallsOf(rules),
  };
}

/** Whether a profile may be called at `at` (the same decision as callingVerdict's callableNow, without the 7-day search). */
export function profileCallableAt(profile: CallingProfile, context: CallingContext, at: Date): boolean {
  const zones = profile.zones;
  if (zones.length === 0) return false;
  const plans = [windowPlan(context.window), ...bindingRules(profile, context.purpose).map((r) => compileRule(r).plan)];
  const t = at.getTime();
  for (const zone of zones) {
    const { day, minute } = localDayMinute(zone, t);
    for (const p of plans) if (!planHolds(p, day, minute)) return false;
  }
  return true;
}

/** A memo of verdicts per profile key at one instant and context: what listings and counts call per lead. */
export function verdictsAt(context: CallingContext, now: Date): (profileKey: string) => CallingVerdict {
  const memo = new Map<string, CallingVerdict>();
  return (key) => {
    let v = memo.get(key);
    if (!v) memo.set(key, (v = callingVerdict(parseProfileKey(key), context, now)));
    return v;
  };
}
