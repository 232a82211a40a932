/**
 * Holidays as rules, computed for any year: fixed dates, the n-th (or last) weekday of a month,
 * days around Easter (Gregorian), and US Election Day. A holiday that falls on a weekend may also
 * close its observed day: `us` (Saturday → the Friday before, Sunday → the Monday after) or `au`
 * (Saturday or Sunday → the next weekday that is not already a holiday). Both the date itself and
 * the observed day are no-call days: a rule that names a holiday is never read more loosely than it
 * is written. Dates are local calendar dates, `YYYY-MM-DD`.
 */

export type HolidayDate =
  | { month: number; day: number }
  /** n-th weekday (ISO 1–7) of the month; n = -1 the last. */
  | { month: number; weekday: number; nth: number }
  /** Days after Easter Sunday (negative before). */
  | { easter: number }
  /** The Tuesday after the first Monday in November (`even`: in even years only). */
  | { election: true; years?: 'even' };

export interface HolidayDef {
  name: string;
  date: HolidayDate;
  substitute?: 'us' | 'au';
}

/** Days since 1970-01-01 of a UTC calendar date. */
const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;
/** ISO weekday (1 = Monday) of a day number. */
const weekdayOf = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

function easterSunday(y: number): number {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return dayOf(y, month, ((h + l - 7 * m + 114) % 31) + 1);
}

/** The day number of a holiday in year `y`. */
export function holidayDay(date: HolidayDate, y: number): number {
  if ('easter' in date) return easterSunday(y) + date.easter;
  if ('election' in date) {
    const nov2 = dayOf(y, 11, 2);
    return nov2 + ((2 - weekdayOf(nov2) + 7) % 7); // first Tuesday on or after November 2
  }
  if ('day' in date) return dayOf(y, date.month, date.day);
  if (date.nth > 0) {
    const first = dayOf(y, date.month, 1);
    return first + ((date.weekday - weekdayOf(first) + 7) % 7) + 7 * (date.nth - 1);
  }
  const last = dayOf(y, date.month + 1, 1) - 1;
  return last - ((weekdayOf(last) - date.weekday + 7) % 7);
}

/** The no-call day numbers of `defs` that fall in year `y` (holidays and their observed days). */
export function holidayDays(defs: readonly HolidayDef[], y: number): Set<number> {
  const out = new Set<number>();
  for (const year of [y - 1, y, y + 1]) {
    const held = defs.filter((d) => !('election' in d.date && d.date.years === 'even' && year % 2 !== 0));
    const actual = held.map((d) => holidayDay(d.date, year));
    const taken = new Set(actual);
    held.forEach((def, i) => {
      const day = actual[i]!;
      out.add(day);
      const wd = weekdayOf(day);
      if (def.substitute === 'us' && (wd === 6 || wd === 7)) out.add(wd === 6 ? day - 1 : day + 1);
      if (def.substitute === 'au' && (wd === 6 || wd === 7)) {
        let sub = day + (wd === 6 ? 2 : 1);
        while (taken.has(sub)) sub++;
        taken.add(sub);
        out.add(sub);
      }
    });
  }
  const from = dayOf(y, 1, 1);
  const to = dayOf(y + 1, 1, 1);
  return new Set([...out].filter((d) => d >= from && d < to));
}

/** `YYYY-MM-DD` of a day number. */
export const isoDate = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
