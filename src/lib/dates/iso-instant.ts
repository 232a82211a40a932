/**
 * An ISO 8601 date or date-time as the instant it names: a date-time without an offset is UTC, a
 * bare date is its start in UTC. Days and times that do not exist (2026-02-30, 24:00) are refused.
 * Pure; the one reading of dates in cells (suppression expiries, consent times).
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Milliseconds since 1970 of the instant, or undefined when the text is not such a date (empty text included). */
export function parseIsoInstant(text: string): number | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const zoneText = zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const ms = frac ? frac.slice(0, 4).padEnd(4, '0') : '.000';
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${ms}${zoneText}`);
  if (Number.isNaN(date.getTime())) return undefined;
  // Date() rolls 2026-02-30 over to March: refuse days and times that do not exist.
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || check.getUTCHours() !== Number(h) || check.getUTCMinutes() !== Number(mi)) {
    return undefined;
  }
  return date.getTime();
}
