/**
 * The shapes of consent evidence lead sellers send, checked without the network
 * (research/compliance-2026-12-07.md, §3): a TrustedForm certificate URL, a Jornaya LeadiD, an IP
 * address, and the consent time against the import's start. Every pattern is anchored and bounded,
 * so a cell of any size costs linear time. Pure.
 */

/**
 * `https://cert.trustedform.com/<id>`: web ids are 40 lower-case hex digits, mobile ids longer
 * base64url, Facebook and ping ids start `0.`; an id is at most 255 characters.
 */
const TRUSTEDFORM = /^https:\/\/cert\.trustedform\.com\/(?:[0-9a-f]{40}|0\.[A-Za-z0-9_-]{1,253}|[A-Za-z0-9_-]{41,255})$/;
/** A GUID: 8-4-4-4-12 hexadecimal digits. */
const GUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEXTET = /^[0-9A-Fa-f]{1,4}$/;

/** Whether the text is a TrustedForm certificate URL of a well-formed id. */
export function isTrustedFormCertUrl(text: string): boolean {
  return text.length <= 300 && TRUSTEDFORM.test(text);
}

/** Whether the text is a Jornaya LeadiD (a GUID). */
export function isJornayaLeadId(text: string): boolean {
  return GUID.test(text);
}

/** Whether the text is an IPv4 address (dotted quad) or an IPv6 address (`::` once at most, a trailing IPv4 allowed). */
export function isIpAddress(text: string): boolean {
  if (text.length > 45) return false;
  if (IPV4.test(text)) return true;
  if (!text.includes(':')) return false;
  let body = text;
  let tailGroups = 0;
  const lastColon = text.lastIndexOf(':');
  const lastPart = text.slice(lastColon + 1);
  if (lastPart.includes('.')) {
    // A trailing IPv4 stands for the last two groups.
    if (!IPV4.test(lastPart)) return false;
    body = text.slice(0, lastColon + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
    tailGroups = 2;
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (s: string) => (s === '' ? [] : s.split(':'));
  const groups = halves.flatMap(groupsOf);
  if (!groups.every((g) => HEXTET.test(g))) return false;
  // Without `::` all eight groups are written; with it, at least one is left out.
  return halves.length === 1 ? groups.length + tailGroups === 8 : groups.length + tailGroups <= 7;
}

/** How far in the future a consent time may be, past the import's start (clocks differ). */
export const CONSENT_FUTURE_SLACK_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

/** What the consent time says against the import's start and the oldest age allowed. */
export function consentAge(at: number, startedAt: number, maxAgeDays: number | null): 'ok' | 'future' | 'expired' {
  if (at > startedAt + CONSENT_FUTURE_SLACK_MS) return 'future';
  if (maxAgeDays !== null && at < startedAt - maxAgeDays * DAY_MS) return 'expired';
  return 'ok';
}
