/**
 * The holiday calendars the rule table names. date-holidays 3.37.0 (npm, ISC/CC-BY-3.0) is their
 * base: holidays.test.ts holds each calendar equal to its `public` holidays of that state for
 * several years, except where the research note (../../../../../shared/research/compliance-2026-12-07.md §1)
 * says the state's own list differs, listed there one by one.
 */
import type { HolidayDef } from './holidays.ts';

const fixed = (name: string, month: number, day: number, substitute: 'us' | 'au' | 'none' = 'us'): HolidayDef =>
  substitute === 'none' ? { name, date: { month, day } } : { name, date: { month, day }, substitute };
const nth = (name: string, month: number, weekday: number, n: number): HolidayDef => ({ name, date: { month, weekday, nth: n } });
const easter = (name: string, offset: number): HolidayDef => ({ name, date: { easter: offset } });

const NEW_YEAR = fixed("New Year's Day", 1, 1);
const MLK = nth('Martin Luther King Jr. Day', 1, 1, 3);
const WASHINGTON = nth("Washington's Birthday", 2, 1, 3);
const MEMORIAL = nth('Memorial Day', 5, 1, -1);
const JUNETEENTH = fixed('Juneteenth', 6, 19);
const INDEPENDENCE = fixed('Independence Day', 7, 4);
const LABOR = nth('Labor Day', 9, 1, 1);
const COLUMBUS = nth('Columbus Day', 10, 1, 2);
const VETERANS = fixed('Veterans Day', 11, 11);
const THANKSGIVING = nth('Thanksgiving Day', 11, 4, 4);
const CHRISTMAS = fixed('Christmas Day', 12, 25);
const GOOD_FRIDAY = easter('Good Friday', -2);

/** US federal holidays (5 U.S.C. 6103), Saturday ones observed on Friday, Sunday ones on Monday. */
export const US_FEDERAL: readonly HolidayDef[] = [NEW_YEAR, MLK, WASHINGTON, MEMORIAL, JUNETEENTH, INDEPENDENCE, LABOR, COLUMBUS, VETERANS, THANKSGIVING, CHRISTMAS];

/** Utah's legal holidays (Utah Code 63G-1-301): the federal ones and Pioneer Day. */
export const UTAH: readonly HolidayDef[] = [...US_FEDERAL, fixed('Pioneer Day', 7, 24)];

/** Rhode Island: state or federal holidays, so the federal ones and Victory Day. */
export const RHODE_ISLAND: readonly HolidayDef[] = [...US_FEDERAL, nth('Victory Day', 8, 1, 2)];

/** Alabama's state holidays (Code of Alabama 1-3-8), as date-holidays lists them. */
export const ALABAMA: readonly HolidayDef[] = [
  NEW_YEAR, nth('Robert E. Lee / Martin Luther King Birthday', 1, 1, 3), nth('George Washington / Thomas Jefferson Birthday', 2, 1, 3),
  nth('Confederate Memorial Day', 4, 1, 4), MEMORIAL, nth("Jefferson Davis' Birthday", 6, 1, 1), JUNETEENTH, INDEPENDENCE, LABOR, COLUMBUS,
  VETERANS, THANKSGIVING, CHRISTMAS,
];

/** Louisiana's state holidays by state law (date-holidays); the PSC's own list is unconfirmed. */
export const LOUISIANA: readonly HolidayDef[] = [
  NEW_YEAR, MLK, easter('Mardi Gras', -47), WASHINGTON, GOOD_FRIDAY, MEMORIAL, JUNETEENTH, INDEPENDENCE, LABOR, COLUMBUS,
  { name: 'Election Day', date: { election: true, years: 'even' } }, VETERANS, THANKSGIVING, CHRISTMAS,
];

/**
 * Pennsylvania's 13 legal holidays of the Telemarketer Registration Act as amended in 2019
 * (including Good Friday, Flag Day and Election Day, which date-holidays lacks or lists otherwise).
 */
export const PENNSYLVANIA: readonly HolidayDef[] = [
  NEW_YEAR, MLK, nth("Presidents' Day", 2, 1, 3), GOOD_FRIDAY, MEMORIAL, fixed('Flag Day', 6, 14), INDEPENDENCE, LABOR, COLUMBUS,
  { name: 'Election Day', date: { election: true } }, VETERANS, THANKSGIVING, CHRISTMAS,
];

/** Australia's national public holidays (Telemarketing and Research Calls Industry Standard 2017), weekend ones observed on the next free weekday. */
export const AUSTRALIA: readonly HolidayDef[] = [
  fixed("New Year's Day", 1, 1, 'au'), fixed('Australia Day', 1, 26, 'au'), GOOD_FRIDAY, easter('Easter Monday', 1),
  fixed('Anzac Day', 4, 25, 'none'), fixed('Christmas Day', 12, 25, 'au'), fixed('Boxing Day', 12, 26, 'au'),
];
