/**
 * How many leads may be called at each hour of one day in the viewer's time zone, under a
 * campaign's calling window, from the leads' zone sets and their counts (a few hundred sets, not a
 * row per lead): 24 × sets window checks, each fail-closed across the set's zones (isCallableAt).
 */
import { isCallableAt } from '../../calling/callable.ts';
import type { CallingWindow } from '../../calling/calling-window.ts';

export interface ZoneSetCount {
  zones: readonly string[];
  count: number;
}

export interface HourCount {
  /** The hour's start, in the viewer's zone. */
  at: Date;
  /** 0–23: the local hour it stands for. */
  hour: number;
  callable: number;
}

/** The local starts of the 24 hours of `day`'s calendar day (a DST day's missing hour lands on the next). */
export function hoursOf(day: Date): Date[] {
  return Array.from({ length: 24 }, (_, h) => new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, 0, 0, 0));
}

export function callableByHour(sets: readonly ZoneSetCount[], window: Readonly<CallingWindow>, day: Date = new Date()): HourCount[] {
  return hoursOf(day).map((at, hour) => {
    let callable = 0;
    for (const s of sets) if (s.zones.length && isCallableAt(s.zones, window, at)) callable += s.count;
    return { at, hour, callable };
  });
}
