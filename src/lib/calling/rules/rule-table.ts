/**
 * The calling rules, as versioned data: hours per ISO weekday (local time, end exclusive; an empty
 * list is a day without calls), holidays without calls, a cap of calls per 24 hours, the scope
 * (`telemarketing`: sales calls only; `automated`: calls by an artificial voice, which every call of
 * this platform is; `all`), and for each row its source and the day it was checked. Facts and
 * sources: shared/research/compliance-2026-12-07.md §1. Rows or parts the note marks unconfirmed
 * say so (`status`, `notes`); states the note has only from vendor tables (IL, MI, MN, NM, MA, KY)
 * are left out. `CALLING_RULES_VERSION` changes with any byte of the table.
 */
import type { HolidayDef } from './holidays.ts';
import { ALABAMA, AUSTRALIA, LOUISIANA, PENNSYLVANIA, RHODE_ISLAND, UTAH } from './holiday-calendars.ts';

export type RuleScope = 'telemarketing' | 'automated' | 'all';
export type DayHours = readonly (readonly [string, string])[];
export type WeekHours = Readonly<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', DayHours>>;

export interface CallingRuleDef {
  /** `US`, `US-FL`; a second rule of one region gets a suffix (`US-OK-ADAD`). */
  id: string;
  /** ISO 3166-1 or 3166-2. */
  region: string;
  scope: RuleScope;
  days: WeekHours;
  holidays: readonly HolidayDef[];
  maxCallsPer24h: number | null;
  source: string;
  verifiedAt: string;
  /** `unconfirmed` when the note found only secondary or conflicting sources for part of it (see notes). */
  status: 'confirmed' | 'unconfirmed';
  notes?: string;
}

const every = (from: string, to: string): WeekHours => week([[from, to]], [[from, to]], [[from, to]]);
function week(weekdays: DayHours, saturday: DayHours, sunday: DayHours): WeekHours {
  return { '1': weekdays, '2': weekdays, '3': weekdays, '4': weekdays, '5': weekdays, '6': saturday, '7': sunday };
}
const CHECKED = '2026-12-07';

export const CALLING_RULES: readonly CallingRuleDef[] = [
  {
    id: 'US', region: 'US', scope: 'telemarketing', days: every('08:00', '21:00'), holidays: [], maxCallsPer24h: null,
    source: 'https://www.leadgen-economy.com/blog/telemarketing-calling-hours-by-state', verifiedAt: CHECKED, status: 'confirmed',
    notes: 'Federal floor for telephone solicitations, 47 CFR 64.1200(c)(1).',
  },
  {
    id: 'US-FL', region: 'US-FL', scope: 'telemarketing', days: every('08:00', '20:00'), holidays: [], maxCallsPer24h: 3,
    source: 'https://flsenate.gov/Session/Bill/2021/1120/BillText/er/HTML', verifiedAt: CHECKED, status: 'confirmed',
    notes: 'Commercial telephone solicitation; at most 3 calls per 24 hours on the same subject; a Florida area code is presumed a Florida resident.',
  },
  {
    id: 'US-OK', region: 'US-OK', scope: 'telemarketing', days: every('08:00', '20:00'), holidays: [], maxCallsPer24h: 3,
    source: 'https://www.allaboutadvertisinglaw.com/2022/05/new-oklahoma-telephone-solicitation-act-is-not-ok-but-it-does-contain-an-important-exemption.html',
    verifiedAt: CHECKED, status: 'confirmed', notes: 'Oklahoma Telephone Solicitation Act, in force 2022-11-01; area-code presumption.',
  },
  {
    id: 'US-OK-ADAD', region: 'US-OK', scope: 'automated', days: every('09:00', '21:00'), holidays: [], maxCallsPer24h: null,
    source: 'http://www.contactcentercompliance.com/legal/statutes/OK/15_Okl._St./755.1.adpx', verifiedAt: CHECKED, status: 'confirmed',
    notes: 'Automatic dialing-announcing devices: 9:00–21:00 only.',
  },
  {
    id: 'US-MD', region: 'US-MD', scope: 'telemarketing', days: every('08:00', '20:00'), holidays: [], maxCallsPer24h: 3,
    source: 'https://www.kelleydrye.com/viewpoints/podcasts/ad-law-access/marylands-new-telemarketing-law-now-in-effect', verifiedAt: CHECKED, status: 'confirmed',
    notes: 'Stop the Spam Calls Act, in force 2024-01-01: at most 3 calls or texts per 24 hours on the same subject.',
  },
  {
    id: 'US-WA', region: 'US-WA', scope: 'telemarketing', days: every('08:00', '20:00'), holidays: [], maxCallsPer24h: null,
    source: 'https://www.dwt.com/blogs/family-business-resource-center/2022/08/washington-tcpa-telemarketing-restrictions-law', verifiedAt: CHECKED, status: 'confirmed',
    notes: 'HB 1497 (2022).',
  },
  {
    id: 'US-CT', region: 'US-CT', scope: 'telemarketing', days: every('09:00', '20:00'), holidays: [], maxCallsPer24h: null,
    source: 'https://www.manatt.com/insights/newsletters/tcpa-connect/connecticut-senate-bill-1058', verifiedAt: CHECKED, status: 'confirmed',
    notes: 'In force 2023-10-01; a Connecticut area code is presumed a Connecticut resident. A vendor table says 9–21; the statute sources say 9–20.',
  },
  {
    id: 'US-TX', region: 'US-TX', scope: 'telemarketing', days: week([['09:00', '21:00']], [['09:00', '21:00']], [['12:00', '21:00']]), holidays: [], maxCallsPer24h: null,
    source: 'https://commlawgroup.com/2025/texas-senate-bill-140-registration-and-compliance-requirements-for-telephone-solicitation', verifiedAt: CHECKED, status: 'confirmed',
  },
  {
    id: 'US-UT', region: 'US-UT', scope: 'telemarketing', days: week([['08:00', '21:00']], [['08:00', '21:00']], []), holidays: UTAH, maxCallsPer24h: null,
    source: 'https://codes.findlaw.com/ut/title-13-commerce-and-trade/ut-code-sect-13-25a-103/', verifiedAt: CHECKED, status: 'confirmed',
    notes: 'No calls on Sundays or legal holidays; prior consent exempts (not modelled: the importer cannot see consent yet).',
  },
  {
    id: 'US-MS', region: 'US-MS', scope: 'telemarketing', days: week([['08:00', '20:00']], [['08:00', '20:00']], []), holidays: [], maxCallsPer24h: null,
    source: 'https://getpocketlaw.com/law/state_mississippi/section-77-3-723-rules-for-authorized-calls_57b73fa7ff73', verifiedAt: CHECKED, status: 'confirmed',
    notes: 'Holiday calls allowed since 2024 (the PSC rule was repealed).',
  },
  {
    id: 'US-AL', region: 'US-AL', scope: 'automated', days: week([['08:00', '20:00']], [['08:00', '20:00']], []), holidays: ALABAMA, maxCallsPer24h: null,
    source: 'https://d1tvxue8o4w0fl.cloudfront.net/regulation/alabama-administrative-code/title-770-alabama-public-service-commission/chapter-770-x-5-telephone-rules/section-770-x-5-17-live-and-automated-solicitations-and-announcements',
    verifiedAt: CHECKED, status: 'unconfirmed', notes: 'PSC rule 770-X-5-.17 on automated solicitation calls; whether it reaches callers that are not carriers is disputed. Applied (fail closed).',
  },
  {
    id: 'US-LA', region: 'US-LA', scope: 'telemarketing', days: week([['08:00', '20:00']], [['08:00', '20:00']], []), holidays: LOUISIANA, maxCallsPer24h: null,
    source: 'https://dnc.com/holiday-alerts?year=2023', verifiedAt: CHECKED, status: 'unconfirmed',
    notes: "No Sundays or holidays; the holidays are Louisiana's by state law, the PSC's own list is unconfirmed. No solicitation at all during a declared emergency (not modelled).",
  },
  {
    id: 'US-RI', region: 'US-RI', scope: 'telemarketing', days: week([['09:00', '18:00']], [['10:00', '17:00']], []), holidays: RHODE_ISLAND, maxCallsPer24h: null,
    source: 'http://webserver.rilin.state.ri.us/Statutes/TITLE5/5-61/5-61-3.6.HTM', verifiedAt: CHECKED, status: 'confirmed',
    notes: 'No calls on Sundays or state or federal holidays.',
  },
  {
    id: 'US-PA', region: 'US-PA', scope: 'telemarketing', days: every('08:00', '21:00'), holidays: PENNSYLVANIA, maxCallsPer24h: null,
    source: 'https://www.attorneygeneral.gov/protect-yourself/consumer-advisories/telemarketing-information-you-need-to-know/', verifiedAt: CHECKED, status: 'unconfirmed',
    notes: 'No calls on the 13 legal holidays since 2019-12-03 (confirmed). Sunday hours unconfirmed: no source checked states a Sunday limit, so Sunday keeps 8:00–21:00.',
  },
  {
    id: 'US-SD', region: 'US-SD', scope: 'automated', days: week([['09:00', '21:00']], [], []), holidays: [], maxCallsPer24h: null,
    source: 'http://legis.state.sd.us/statutes/DisplayStatute.aspx?Type=Statute&Statute=37-30-28', verifiedAt: CHECKED, status: 'confirmed',
    notes: 'Automatic dialing-announcing solicitation on weekdays only.',
  },
  {
    id: 'US-NV', region: 'US-NV', scope: 'automated', days: every('09:00', '21:00'), holidays: [], maxCallsPer24h: null,
    source: 'http://www.contactcentercompliance.com/legal/statutes/NV/NRS/597.814.adpx', verifiedAt: CHECKED, status: 'confirmed',
  },
  {
    id: 'CA', region: 'CA', scope: 'telemarketing', days: week([['09:00', '21:30']], [['10:00', '18:00']], [['10:00', '18:00']]), holidays: [], maxCallsPer24h: null,
    source: 'https://www.northerntel.ca/eng/inside_ntl/donotcalllist/donotcalllist.htm', verifiedAt: CHECKED, status: 'confirmed',
    notes: 'CRTC Unsolicited Telecommunications Rules.',
  },
  {
    id: 'AU', region: 'AU', scope: 'telemarketing', days: week([['09:00', '20:00']], [['09:00', '17:00']], []), holidays: AUSTRALIA, maxCallsPer24h: null,
    source: 'https://www.donotcall.gov.au/consumers/consumer-overview/industry-standards/', verifiedAt: CHECKED, status: 'confirmed',
    notes: 'No calls on Sundays or national public holidays.',
  },
];

function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Names this table: the date it was checked and a hash of its content. */
export const CALLING_RULES_VERSION = `${CHECKED}.${fnv(JSON.stringify(CALLING_RULES))}`;

const byId = new Map(CALLING_RULES.map((r) => [r.id, r]));
export const callingRule = (id: string): CallingRuleDef | undefined => byId.get(id);
