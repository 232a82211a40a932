/**
 * An ISO 8601 date or date-time as the instant it names: a date-time without an offset is UTC, a
 * bare date is its start in UTC. Days and times that do not exist (2026-02-30, 24:00) are refused.
 * Pure, and cheap (numbers from the match, no Date string parsing): it runs on every consent cell.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The number of the two digits at i and i + 1, or -1 when either is not a digit. */
function two(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The common case without the regular expression: `YYYY-MM-DDTHH:MM:SSZ` or with `.sss`, as
 * exports and `toISOString` write it. Undefined when the text is not exactly that shape (the full
 * reader then decides).
 */
function canonical(text: string): number | undefined {
  const n = text.length;
  if ((n !== 20 && n !== 24) || text.charCodeAt(n - 1) !== 90 /* Z */) return undefined;
  // - - T : : at 4, 7, 10, 13, 16; . at 19 with milliseconds.
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const c = two(text, 0);
  const y = two(text, 2);
  const mo = two(text, 5);
  const d = two(text, 8);
  const h = two(text, 11);
  const mi = two(text, 14);
  const s = two(text, 17);
  if ((c | y | mo | d | h | mi | s) < 0) return undefined;
  let ms = 0;
  if (n === 24) {
    const m2 = two(text, 20);
    const m3 = text.charCodeAt(22) - 48;
    if (text.charCodeAt(19) !== 46 || m2 < 0 || m3 < 0 || m3 > 9) return undefined;
    ms = m2 * 10 + m3;
  }
  return instantOf(c * 100 + y, mo, d, h, mi, s, ms, 0);
}

/** The instant of checked-for-range parts, or undefined when a part is out of range. */
function instantOf(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMinutes: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[mo - 1]!) || h > 23 || mi > 59 || s > 59) return undefined;
  return ((((daysTo(y, mo) + d - 1) * 24 + h) * 60 + mi - offsetMinutes) * 60 + s) * 1000 + ms;
}

/** The years whose months' first days are kept in MONTH_STARTS (consent times fall in them; others are computed). */
const TABLE_FIRST_YEAR = 1970;
const TABLE_YEARS = 130;
/** Days from 1970-01-01 to the first of each month of 1970-2099, by (year - 1970) * 12 + month - 1. */
const MONTH_STARTS = new Int32Array(TABLE_YEARS * 12);
for (let k = 0; k < MONTH_STARTS.length; k++) MONTH_STARTS[k] = daysFromCivil(TABLE_FIRST_YEAR + Math.floor(k / 12), (k % 12) + 1, 1);

/** Days from 1970-01-01 to the first day of a month (1-12) of a year: from MONTH_STARTS without arithmetic in 1970-2099. */
function daysTo(y: number, mo: number): number {
  const k = (y - TABLE_FIRST_YEAR) * 12 + mo - 1;
  return k >= 0 && k < MONTH_STARTS.length ? MONTH_STARTS[k]! : daysFromCivil(y, mo, 1);
}

/** Milliseconds since 1970 of the instant, or undefined when the text is not such a date (empty text included). */
export function parseIsoInstant(text: string): number | undefined {
  const fast = canonical(text);
  if (fast !== undefined) return fast;
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const frac = m[7] === undefined ? 0 : Math.floor(Number(`0${m[7]}`) * 1000);
  const zone = m[8];
  let offsetMinutes = 0;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return instantOf(y, mo, d, h, mi, s, frac, offsetMinutes);
}

/**
 * Whether a text that parseIsoInstant reads is already as `toISOString` writes its instant
 * (`YYYY-MM-DDTHH:MM:SS.sssZ`, capital T and Z): then it is stored as given. Only the separators
 * are looked at; the digits were checked by the parse.
 */
export function isIsoString(text: string): boolean {
  return text.length === 24 && text.charCodeAt(10) === 84 /* T */ && text.charCodeAt(19) === 46 /* . */ && text.charCodeAt(23) === 90 /* Z */;
}

/** An instant as `toISOString` writes it, without a Date (the stored form of a consent time). */
export function isoOf(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const [y, mo, d] = civilFromDays(days);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const s = Math.floor(rest / 1000);
  const p2 = (n: number) => (n < 10 ? '0' : '') + n;
  const year = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : new Date(ms).toISOString().slice(0, -20);
  return `${year}-${p2(mo)}-${p2(d)}T${p2(h)}:${p2(mi)}:${p2(s)}.${String(rest - s * 1000).padStart(3, '0')}Z`;
}

/** The proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's civil_from_days). */
function civilFromDays(z: number): [number, number, number] {
  z += 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil): arithmetic only. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
