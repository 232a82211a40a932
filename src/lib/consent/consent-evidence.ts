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
  return isIpv4(text) || isIpv6(text);
}

/**
 * Groups of one to four hex digits between colons, eight of them, or fewer with one `::` standing
 * for the rest; a trailing dotted quad counts as two groups. One pass, no substrings but the quad.
 */
function isIpv6(text: string): boolean {
  const n = text.length;
  let i = 0;
  let groups = 0;
  let elided = false;
  if (n >= 2 && text.charCodeAt(0) === 58 && text.charCodeAt(1) === 58) {
    elided = true;
    i = 2;
  }
  while (i < n) {
    let j = i;
    while (j < n && j - i <= 4) {
      const c = text.charCodeAt(j);
      if (c >= 128 || HEX_CLASS[c] === 0) break;
      j++;
    }
    if (j < n && text.charCodeAt(j) === 46) {
      // A dotted quad ends the address.
      if (!isIpv4(text.slice(i))) return false;
      groups += 2;
      break;
    }
    if (j === i || j - i > 4) return false;
    groups++;
    if (j === n) break;
    if (text.charCodeAt(j) !== 58) return false;
    if (j + 1 < n && text.charCodeAt(j + 1) === 58) {
      if (elided) return false;
      elided = true;
      i = j + 2;
    } else {
      i = j + 1;
      if (i === n) return false; // a trailing single colon
    }
  }
  // Without `::` all eight groups are written; with it, at least one is left out.
  return elided ? groups <= 7 : groups === 8;
}

/** The text in lower case, the same string when it has no capital (the common case: no copy). */
export function lowerHex(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return text.toLowerCase();
  }
  return text;
}

/** The text in capitals, the same string when it has no lower-case letter. */
export function upperHex(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return text.toUpperCase();
  }
  return text;
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
