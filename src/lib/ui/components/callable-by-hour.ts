/**
 * How many leads may be called at each hour of one day in the viewer's time zone, from the
 * campaign's calling profiles and their counts (a few hundred profiles, not a row per lead): 24 ×
 * profiles decisions, each the core's one (window ∩ binding rules in every zone, fail closed).
 */
import { profileCallableAt, type CallingContext } from '../../calling/calling-verdict.ts';

/** A calling profile as GET /campaigns/{id}/leads/calling-profiles answers it, with its lead count. */
export interface ProfileCount {
  country: string | null;
  regions: readonly string[];
  callingTimeZones: readonly string[];
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

export function callableByHour(profiles: readonly ProfileCount[], context: CallingContext, day: Date = new Date()): HourCount[] {
  return hoursOf(day).map((at, hour) => {
    let callable = 0;
    for (const p of profiles) if (profileCallableAt({ country: p.country, regions: p.regions, zones: p.callingTimeZones }, context, at)) callable += p.count;
    return { at, hour, callable };
  });
}
