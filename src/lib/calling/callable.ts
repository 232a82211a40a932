/**
 * When a number may be called: the local weekday and time must fall inside the campaign's window
 * in every candidate zone of the number (fail closed: a number whose zone is uncertain is called
 * only when it is a good time in each zone it could be in; a number with no zone is never called).
 */
import { compileWindow, type CallingWindow, type CompiledWindow } from './calling-window.ts';
import { DAY, MINUTE, isoWeekdayOfDay, offsetAt, offsetSpans } from './local-time.ts';

function insideAt(zone: string, w: CompiledWindow, t: number): boolean {
  const local = t + offsetAt(zone, t);
  const day = Math.floor(local / DAY);
  if ((w.dayMask & (1 << isoWeekdayOfDay(day))) === 0) return false;
  const minute = Math.floor((local - day * DAY) / MINUTE);
  return minute >= w.startMinute && minute < w.endMinute;
}

/** True when, at `instant`, the local weekday and time are inside the window in every zone; false for no zones. */
export function isCallableAt(zones: readonly string[], window: Readonly<CallingWindow>, instant: Date): boolean {
  if (zones.length === 0) return false;
  const w = compileWindow(window);
  const t = instant.getTime();
  for (const zone of zones) if (!insideAt(zone, w, t)) return false;
  return true;
}

/**
 * The UTC intervals [a, b) within [from, to) during which `zone` is inside the window, as a flat
 * sorted list [a0, b0, a1, b1, …]. Within a span of constant offset, local ↔ UTC is a shift, so
 * a window start that does not exist (spring forward) opens at the transition, and an hour that
 * happens twice (fall back) is inside the window both times, exactly as isCallableAt sees it.
 */
export function callableIntervals(zone: string, window: Readonly<CallingWindow>, from: number, to: number): number[] {
  const w = compileWindow(window);
  const out: number[] = [];
  for (const span of offsetSpans(zone, from, to)) {
    const o = span.offset;
    const lastDay = Math.floor((span.to + o - 1) / DAY);
    for (let day = Math.floor((span.from + o) / DAY); day <= lastDay; day++) {
      if ((w.dayMask & (1 << isoWeekdayOfDay(day))) === 0) continue;
      const a = Math.max(day * DAY + w.startMinute * MINUTE - o, span.from);
      const b = Math.min(day * DAY + w.endMinute * MINUTE - o, span.to);
      if (a >= b) continue;
      if (out.length > 0 && out[out.length - 1]! >= a) out[out.length - 1] = Math.max(out[out.length - 1]!, b);
      else out.push(a, b);
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
  if (zones.length === 0) return [];
  let acc = callableIntervals(zones[0]!, window, from, to);
  for (let i = 1; i < zones.length && acc.length > 0; i++) acc = intersect(acc, callableIntervals(zones[i]!, window, from, to));
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
