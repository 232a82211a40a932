/**
 * An instant as the leads table shows it: weekday, 24-hour time and the zone's abbreviation, in the
 * viewer's zone ("Tue 08:00 CST") and in the lead's ("Tue 09:00 EST"). `zone` undefined is the
 * runtime's (the viewer's) zone; `locale` undefined is the browser's.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function clockWithZone(iso: string, zone?: string, locale?: string): string {
  const key = `${zone ?? ''}|${locale ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
    formats.set(key, f);
  }
  // "Tue, 08:00 CST" → "Tue 08:00 CST": the comma adds nothing in a table cell.
  return f.format(new Date(iso)).replace(/^([^\s,]+),\s/, '$1 ');
}

export interface NextCallTimes {
  /** In the viewer's zone, with its abbreviation. */
  yours: string;
  /** In the lead's (first) zone, or null when the lead has no zone or it reads the same as the viewer's. */
  lead: string | null;
}

export function nextCallTimes(iso: string, leadZones: readonly string[], viewerZone?: string, locale?: string): NextCallTimes {
  const yours = clockWithZone(iso, viewerZone, locale);
  const zone = leadZones[0];
  if (!zone) return { yours, lead: null };
  let lead: string;
  try {
    lead = clockWithZone(iso, zone, locale);
  } catch {
    // A zone this runtime does not know.
    return { yours, lead: null };
  }
  return { yours, lead: lead === yours ? null : lead };
}
