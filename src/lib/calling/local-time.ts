/**
 * UTC offsets of IANA zones from the runtime's own time-zone data (Intl.DateTimeFormat, one
 * cached formatter per zone), and the spans of constant offset over a stretch of time, so that
 * local ↔ UTC conversion inside a span is plain arithmetic. No hand-written offsets.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Local time minus UTC, in ms, in `zone` at instant `t` (ms since the epoch). */
export function offsetAt(zone: string, t: number): number {
  let year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  for (const p of formatterOf(zone).formatToParts(t)) {
    switch (p.type) {
      case 'year': year = Number(p.value); break;
      case 'month': month = Number(p.value); break;
      case 'day': day = Number(p.value); break;
      case 'hour': hour = Number(p.value) % 24; break;
      case 'minute': minute = Number(p.value); break;
      case 'second': second = Number(p.value); break;
    }
  }
  return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(t / 1000) * 1000;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local day number (days since 1970-01-01, a Thursday). */
export function isoWeekdayOfDay(localDay: number): number {
  return ((((localDay + 3) % 7) + 7) % 7) + 1;
}

/** A stretch [from, to) of UTC time over which a zone keeps one offset. */
export interface OffsetSpan {
  from: number;
  to: number;
  offset: number;
}

/**
 * How far apart offsets are sampled. Transitions are found between samples that differ, so this
 * assumes a zone never changes its offset twice within 3 hours (none does).
 */
const SAMPLE = 3 * HOUR;
const spanCache = new Map<string, OffsetSpan[]>();

/** The spans of constant offset of `zone` covering [from, to), each transition exact to the second. */
export function offsetSpans(zone: string, from: number, to: number): OffsetSpan[] {
  const key = `${zone} ${from} ${to}`;
  const cached = spanCache.get(key);
  if (cached) return cached;
  const spans: OffsetSpan[] = [];
  let spanStart = from;
  let t = from;
  let offset = offsetAt(zone, t);
  while (t < to) {
    const next = Math.min(t + SAMPLE, to);
    const nextOffset = offsetAt(zone, next);
    if (nextOffset !== offset) {
      // Binary search for the first second with the new offset.
      let lo = t;
      let hi = next;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (offsetAt(zone, mid) === offset) lo = mid;
        else hi = mid;
      }
      const transition = Math.floor(hi / 1000) * 1000; // the one whole second in (lo, hi]
      spans.push({ from: spanStart, to: transition, offset });
      spanStart = transition;
      offset = offsetAt(zone, transition);
    }
    t = next;
  }
  spans.push({ from: spanStart, to, offset });
  if (spanCache.size > 2_000) spanCache.clear();
  spanCache.set(key, spans);
  return spans;
}
