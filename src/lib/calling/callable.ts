/**
 * When a number may be called: the local weekday and time must fall inside the campaign's window
 * in every candidate zone of the number (fail closed: a number whose zone is uncertain is called
 * only when it is a good time in each zone it could be in; a number with no zone is never called).
 */
import { compileWindow, type CallingWindow } from './calling-window.ts';
import { DAY, MINUTE, isoWeekdayOfDay, offsetAt, offsetSpans } from './local-time.ts';

/** Minutes since local midnight [start, end), sorted and disjoint. */
export type DayRanges = readonly (readonly [number, number])[];

/** When calls may be made on a local day (days since 1970-01-01): a window, a rule, or their intersection. */
export type DayPlan = (localDay: number) => DayRanges;

const NO_RANGES: DayRanges = Object.freeze([]);
const windowPlans = new WeakMap<object, DayPlan>();

/** A calling window as a day plan (cached per window object). */
export function windowPlan(window: Readonly<CallingWindow>): DayPlan {
  let plan = windowPlans.get(window);
  if (!plan) {
    const w = compileWindow(window);
    const open: DayRanges = Object.freeze([Object.freeze([w.startMinute, w.endMinute] as const)]);
    plan = (day) => ((w.dayMask & (1 << isoWeekdayOfDay(day))) === 0 ? NO_RANGES : open);
    windowPlans.set(window, plan);
  }
  return plan;
}

/** Whether local minute `minute` of local day `day` is inside the plan. */
export function planHolds(plan: DayPlan, day: number, minute: number): boolean {
  for (const [a, b] of plan(day)) if (minute >= a && minute < b) return true;
  return false;
}

/** The local day and minute in `zone` at instant `t`. */
export function localDayMinute(zone: string, t: number): { day: number; minute: number } {
  const local = t + offsetAt(zone, t);
  const day = Math.floor(local / DAY);
  return { day, minute: Math.floor((local - day * DAY) / MINUTE) };
}

function insideAt(zone: string, plan: DayPlan, t: number): boolean {
  const { day, minute } = localDayMinute(zone, t);
  return planHolds(plan, day, minute);
}

/** True when, at `instant`, the local weekday and time are inside the window in every zone; false for no zones. */
export function isCallableAt(zones: readonly string[], window: Readonly<CallingWindow>, instant: Date): boolean {
  return insideEveryZone(zones, windowPlan(window), instant.getTime());
}

/** True when, at `t`, the local day and minute are inside the plan in every zone; false for no zones. */
export function insideEveryZone(zones: readonly string[], plan: DayPlan, t: number): boolean {
  if (zones.length === 0) return false;
  for (const zone of zones) if (!insideAt(zone, plan, t)) return false;
  return true;
}

/**
 * The UTC intervals [a, b) within [from, to) during which `zone` is inside the window, as a flat
 * sorted list [a0, b0, a1, b1, …]. Within a span of constant offset, local ↔ UTC is a shift, so
 * a window start that does not exist (spring forward) opens at the transition, and an hour that
 * happens twice (fall back) is inside the window both times, exactly as isCallableAt sees it.
 */
export function callableIntervals(zone: string, window: Readonly<CallingWindow>, from: number, to: number): number[] {
  return planIntervals(zone, windowPlan(window), from, to);
}

/** The UTC intervals within [from, to) during which `zone` is inside the plan (see callableIntervals). */
export function planIntervals(zone: string, plan: DayPlan, from: number, to: number): number[] {
  const out: number[] = [];
  for (const span of offsetSpans(zone, from, to)) {
    const o = span.offset;
    const lastDay = Math.floor((span.to + o - 1) / DAY);
    for (let day = Math.floor((span.from + o) / DAY); day <= lastDay; day++) {
      for (const [start, end] of plan(day)) {
        const a = Math.max(day * DAY + start * MINUTE - o, span.from);
        const b = Math.min(day * DAY + end * MINUTE - o, span.to);
        if (a >= b) continue;
        if (out.length > 0 && out[out.length - 1]! >= a) out[out.length - 1] = Math.max(out[out.length - 1]!, b);
        else out.push(a, b);
      }
    }
  }
  return out;
}

/** The intersection of two flat sorted interval lists. */
function intersect(x: number[], y: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const a = Math.max(x[i]!, y[j]!);
    const b = Math.min(x[i + 1]!, y[j + 1]!);
    if (a < b) out.push(a, b);
    if (x[i + 1]! < y[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

/** The UTC intervals within [from, to) during which every zone is inside the window. */
export function commonCallableIntervals(zones: readonly string[], window: Readonly<CallingWindow>, from: number, to: number): number[] {
  return commonPlanIntervals(zones, windowPlan(window), from, to);
}

/** The UTC intervals within [from, to) during which every zone is inside the plan. */
export function commonPlanIntervals(zones: readonly string[], plan: DayPlan, from: number, to: number): number[] {
  if (zones.length === 0) return [];
  let acc = planIntervals(zones[0]!, plan, from, to);
  for (let i = 1; i < zones.length && acc.length > 0; i++) acc = intersect(acc, planIntervals(zones[i]!, plan, from, to));
  return acc;
}

/**
 * The earliest instant at or after `from`, and before `from` + `horizonDays` days, at which the
 * number may be called (isCallableAt holds); null when there is none. Exact to the millisecond.
 */
export function nextCallableAt(
  zones: readonly string[],
  window: Readonly<CallingWindow>,
  from: Date,
  horizonDays = 7,
): Date | null {
  const t = from.getTime();
  const intervals = commonCallableIntervals(zones, window, t, t + horizonDays * DAY);
  return intervals.length > 0 ? new Date(intervals[0]!) : null;
}

/** True when no instant in the 7 days from `from` is inside the window in all the zones. */
export function neverCallable(zones: readonly string[], window: Readonly<CallingWindow>, from: Date = new Date()): boolean {
  return nextCallableAt(zones, window, from) === null;
}

/** The first instant after `now` at which the local date changes in some zone: the end of "today" for all of them. */
export function endOfLocalDay(zones: readonly string[], now: Date): Date {
  const t = now.getTime();
  let end = Infinity;
  for (const zone of zones) {
    const spans = offsetSpans(zone, t, t + 2 * DAY);
    const today = Math.floor((t + spans[0]!.offset) / DAY);
    for (const span of spans) {
      if (Math.floor((span.from + span.offset) / DAY) !== today) {
        end = Math.min(end, span.from);
        break;
      }
      const midnight = (today + 1) * DAY - span.offset;
      if (midnight < span.to) {
        end = Math.min(end, midnight);
        break;
      }
    }
  }
  return new Date(end === Infinity ? t + DAY : end);
}
