import { describe, expect, it } from 'vitest';
import Holidays from 'date-holidays';
import { holidayDays, isoDate } from './holidays.ts';
import { ALABAMA, AUSTRALIA, LOUISIANA, PENNSYLVANIA, RHODE_ISLAND, UTAH } from './holiday-calendars.ts';
import type { HolidayDef } from './holidays.ts';

const ours = (cal: readonly HolidayDef[], y: number) => [...holidayDays(cal, y)].map(isoDate).sort();

/** date-holidays' public holidays (with their substitute days) of a country or state in year y, less `drop` by name. */
function base(country: string, state: string | undefined, y: number, drop: RegExp | null = null): string[] {
  const hd = state ? new Holidays(country, state) : new Holidays(country);
  const days = hd
    .getHolidays(y)
    .filter((h) => h.type === 'public' && !(drop && drop.test(h.name)))
    .map((h) => h.date.slice(0, 10));
  return [...new Set(days)].sort();
}

const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];

/**
 * The observed days (Saturday → Friday, Sunday → Monday) of a calendar's fixed-date holidays in
 * year y. We close them all (fail closed); date-holidays observes some only (not Veterans Day nor
 * Flag Day), so these are the one kind of date ours may add to its list.
 */
function observedDays(cal: readonly HolidayDef[], y: number): string[] {
  const out: string[] = [];
  for (const h of cal) {
    if (!('day' in h.date) || !h.substitute) continue;
    for (const year of [y, y + 1]) {
      const t = Date.UTC(year, h.date.month - 1, h.date.day);
      const wd = new Date(t).getUTCDay();
      // Australia moves a weekend holiday to a weekday; date-holidays then lists only the new day for
      // some (Australia Day): we keep the weekend date closed too.
      if (h.substitute === 'au' && (wd === 6 || wd === 0)) out.push(isoDate(t / 86_400_000));
      if (h.substitute === 'us' && wd === 6) out.push(isoDate(t / 86_400_000 - 1));
      if (h.substitute === 'us' && wd === 0) out.push(isoDate(t / 86_400_000 + 1));
    }
  }
  return out.filter((d) => d.startsWith(String(y)));
}

/** Ours equals the base, but for observed days date-holidays does not list. */
function expectBase(cal: readonly HolidayDef[], y: number, expected: string[]): void {
  const got = ours(cal, y);
  expect(got).toEqual(expect.arrayContaining(expected));
  const extra = got.filter((d) => !expected.includes(d));
  expect(extra.filter((d) => !observedDays(cal, y).includes(d))).toEqual([]);
}

describe('holiday calendars: date-holidays 3.37.0 is the base, the note says where a state differs', () => {
  it.each(YEARS)('Utah, Rhode Island, Alabama and Louisiana equal date-holidays in %i', (y) => {
    expectBase(UTAH, y, base('US', 'UT', y));
    expectBase(RHODE_ISLAND, y, base('US', 'RI', y));
    expectBase(ALABAMA, y, base('US', 'AL', y));
    expectBase(LOUISIANA, y, base('US', 'LA', y));
  });

  it.each(YEARS)('Pennsylvania in %i: date-holidays plus Good Friday and Election Day, less Juneteenth (not among the 13)', (y) => {
    const hd = new Holidays('US', 'PA');
    const easter = hd.getHolidays(y).find((h) => h.name === 'Easter Sunday')!.date.slice(0, 10);
    const goodFriday = isoDate(Date.parse(`${easter}T00:00:00Z`) / 86_400_000 - 2);
    const nov2 = new Date(Date.UTC(y, 10, 2));
    const election = isoDate(Date.UTC(y, 10, 2 + ((2 - nov2.getUTCDay() + 7) % 7)) / 86_400_000);
    const expected = [...base('US', 'PA', y, /Juneteenth/), goodFriday, election].sort();
    expectBase(PENNSYLVANIA, y, expected);
  });

  it.each(YEARS)('Australia in %i: the national public holidays (not Easter Saturday or Sunday, which date-holidays lists)', (y) => {
    expectBase(AUSTRALIA, y, base('AU', undefined, y, /Easter (Saturday|Sunday)/));
    expect(ours(AUSTRALIA, 2026)).not.toContain('2026-04-24'); // Anzac Day on a Saturday is not moved
  });

  it('dates people check: Pennsylvania 2027, Utah and Australia at Christmas', () => {
    expect(ours(PENNSYLVANIA, 2027)).toEqual(expect.arrayContaining(['2027-03-26', '2027-06-14', '2027-11-02']));
    expect(ours(PENNSYLVANIA, 2026)).toEqual(expect.arrayContaining(['2026-04-03', '2026-11-03']));
    expect(ours(UTAH, 2027)).toEqual(expect.arrayContaining(['2027-07-24', '2027-12-24', '2027-12-25', '2027-12-31'])); // 2028-01-01 is a Saturday
    expect(ours(AUSTRALIA, 2027)).toEqual(expect.arrayContaining(['2027-12-25', '2027-12-26', '2027-12-27', '2027-12-28']));
  });
});
