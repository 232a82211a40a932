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
const HEXTET = /^[0-9A-Fa-f]{1,4}$/;

const CERT_PREFIX = 'https://cert.trustedform.com/';

/** Per character code below 128: 1 for a digit or a-f, 2 for A-F, 0 otherwise. */
const HEX_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) HEX_CLASS[c] = 1;
for (let c = 97; c <= 102; c++) HEX_CLASS[c] = 1;
for (let c = 65; c <= 70; c++) HEX_CLASS[c] = 2;

/** Whether the characters of `text` from `start` to `end` are all hexadecimal (lower-case only when `lower`). */
function hexRun(text: string, start: number, end: number, lower: boolean): boolean {
  const allowed = lower ? 1 : 3;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (HEX_CLASS[c]! & allowed) === 0) return false;
  }
  return true;
}

/** Whether the text is a TrustedForm certificate URL of a well-formed id (the common 40-hex web id checked without the pattern). */
export function isTrustedFormCertUrl(text: string): boolean {
  if (text.length === CERT_PREFIX.length + 40 && text.startsWith(CERT_PREFIX) && hexRun(text, CERT_PREFIX.length, text.length, true)) return true;
  return text.length <= 300 && TRUSTEDFORM.test(text);
}

/** Whether the text is a Jornaya LeadiD (a GUID: 8-4-4-4-12 hexadecimal digits). */
export function isJornayaLeadId(text: string): boolean {
  if (text.length !== 36 || text[8] !== '-' || text[13] !== '-' || text[18] !== '-' || text[23] !== '-') return false;
  return hexRun(text, 0, 8, false) && hexRun(text, 9, 13, false) && hexRun(text, 14, 18, false) && hexRun(text, 19, 23, false) && hexRun(text, 24, 36, false);
}

/** A dotted quad: four numbers 0-255 without leading zeros. */
function isIpv4(text: string): boolean {
  let parts = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || value > 255 || ++parts > 4) return false;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits === 1 && value === 0) return false; // a leading zero
      value = value * 10 + (c - 48);
      if (++digits > 3) return false;
    } else return false;
  }
  return parts === 4;
}

/** Whether the text is an IPv4 address (dotted quad) or an IPv6 address (`::` once at most, a trailing IPv4 allowed). */
export function isIpAddress(text: string): boolean {
  if (text.length > 45) return false;
  if (isIpv4(text)) return true;
  if (!text.includes(':')) return false;
  let body = text;
  let tailGroups = 0;
  const lastColon = text.lastIndexOf(':');
  const lastPart = text.slice(lastColon + 1);
  if (lastPart.includes('.')) {
    // A trailing IPv4 stands for the last two groups.
    if (!isIpv4(lastPart)) return false;
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
